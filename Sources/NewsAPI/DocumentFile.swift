#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsIngest

/// Reads one document file from disk, for bulk ingests and the command line.
public enum DocumentFile {
    /// The file's bytes, read whole (at most ``NewsDocument/maximumByteCount``).
    ///
    /// Safe to call from several threads at once: it keeps no state between calls.
    ///
    /// - Throws: ``DocumentFileError`` naming the reason: missing, a folder, not a regular file
    ///   (a FIFO or device, which could block or never end), over the document size limit, or the
    ///   system's own message for anything else.
    public static func read(_ path: String) throws(DocumentFileError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw DocumentFileError(errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DocumentFileError(errno: errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .folder
        default: throw .notRegularFile
        }
        let size = Int(info.st_size)
        guard size <= NewsDocument.maximumByteCount else { throw .tooLarge(byteCount: size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + offset, size - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw DocumentFileError(errno: errno) }
            // The file shrank while being read: keep what was there.
            if count == 0 { break }
            offset += count
        }
        if offset < size { bytes.removeSubrange(offset...) }
        return bytes
    }

    /// `read(2)`, named so that it is not taken for ``read(_:)``.
    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }
}

/// Why a document file could not be read, phrased for a person ("rejected  a.txt: is a folder").
public enum DocumentFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing
    case permissionDenied
    case folder
    /// A FIFO, socket or device: reading it could block or never end.
    case notRegularFile
    /// Over ``NewsDocument/maximumByteCount``; the file is not read at all.
    case tooLarge(byteCount: Int)
    /// Any other failure, with the system's message (`strerror`).
    case system(String)

    init(errno code: Int32) {
        switch code {
        case ENOENT: self = .missing
        case EACCES: self = .permissionDenied
        default: self = .system(String(cString: strerror(code)))
        }
    }

    public var description: String {
        switch self {
        case .missing: "no such file or folder"
        case .permissionDenied: "permission denied"
        case .folder: "is a folder"
        case .notRegularFile: "is not a regular file"
        // The same words as a document over the limit sent over HTTP.
        case .tooLarge(let count): IngestError.tooLarge(byteCount: count).description
        case .system(let message): message
        }
    }
}
