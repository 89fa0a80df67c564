internal import Crypto
import NewsIngest

extension NewsDocument {
    /// Lower-case hex SHA-256 of the normalised text's UTF-8 bytes: the document's identity in the store.
    var sha256Hex: String {
        var hasher = SHA256()
        var text = text
        // Native strings are contiguous UTF-8: hashed in place, not copied into an array first.
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// A document with its identity in the store (the SHA-256 of its text) computed once, so that bulk
/// ingest hashes each text on the thread that read it, for the look-up before parsing and again for
/// the write, rather than twice, the second time inside the write transaction.
public struct IdentifiedDocument: Sendable {
    public let document: NewsDocument
    let sha256: String

    public init(_ document: NewsDocument) {
        self.document = document
        sha256 = document.sha256Hex
    }
}
