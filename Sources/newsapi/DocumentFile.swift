#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsIngest

/// Reads one document file for `ingest` and `parse`, with failures phrased for a person.
enum DocumentFile {
    /// The file's bytes.
    ///
    /// - Throws: ``CommandFailure`` naming the reason: missing, a folder, not a regular file
    ///   (a FIFO or device, which could block or never end), over the document size limit, or the
    ///   system's own message for anything else.
    static func read(_ path: String) throws(CommandFailure) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw CommandFailure(reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CommandFailure(reason(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw CommandFailure("is a folder")
        default: throw CommandFailure("is not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= NewsDocument.maximumByteCount else { throw CommandFailure(IngestError.tooLarge(byteCount: size).description) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, size - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw CommandFailure(reason(errno)) }
            if count == 0 { break }
            offset += count
        }
        return Array(bytes[0..<offset])
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or folder"
        case EACCES: "permission denied"
        default: String(cString: strerror(code))
        }
    }
}
