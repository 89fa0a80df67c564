internal import Crypto
import NewsIngest

extension NewsDocument {
    /// Lower-case hex SHA-256 of the normalised text's UTF-8 bytes: the document's identity in the store.
    var sha256Hex: String {
        let digest = SHA256.hash(data: Array(text.utf8))
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
