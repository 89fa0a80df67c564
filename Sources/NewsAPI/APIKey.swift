internal import Crypto

/// The secret that write requests present as a bearer token (RFC 6750), held as its SHA-256 digest.
///
/// Comparing digests of equal length in constant time means neither the timing of a comparison nor
/// its early exit tells a client how much of a guess was right, or how long the key is.
public struct APIKey: Sendable {
    private let digest: [UInt8]

    /// The fewest characters a key may have.
    public static let minimumLength = 16

    /// - Parameter key: `b64token` characters of RFC 6750 §2.1 (letters, digits, `-._~+/`, then
    ///   trailing `=`), at least ``minimumLength`` of them.
    /// - Returns: nil when the key is shorter or has other characters: it could not be sent as a bearer token.
    public init?(_ key: String) {
        guard key.utf8.count >= Self.minimumLength, APIKey.isBearerToken(key) else { return nil }
        digest = APIKey.sha256(key)
    }

    /// Whether `token` is the key, in time that does not depend on where they differ.
    public func matches(_ token: some StringProtocol) -> Bool {
        APIKey.constantTimeEqual(APIKey.sha256(token), digest)
    }

    /// Whether `a` and `b` hold the same bytes. For equal lengths it reads every byte whatever
    /// differs, so its time tells nothing of where; a length difference returns at once (the
    /// callers compare digests, whose length is public).
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices {
            difference |= a[index] ^ b[index]
        }
        return difference == 0
    }

    /// `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="` (RFC 6750 §2.1).
    static func isBearerToken(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        var end = bytes.count
        while end > 0 && bytes[end - 1] == UInt8(ascii: "=") { end -= 1 }
        guard end > 0 else { return false }
        return bytes[..<end].allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                true
            default:
                false
            }
        }
    }

    private static func sha256(_ text: some StringProtocol) -> [UInt8] {
        Array(SHA256.hash(data: Array(text.utf8)))
    }
}
