import Foundation
import NewsStore

/// The opaque `cursor` parameter: a store ``PageKey`` bound to the listing it came from.
///
/// Clients only echo `page.next` (or follow the `Link` header); the layout is ours to change, and
/// the version byte says which layout a cursor has. Bytes, sent as base64url without padding
/// (RFC 4648 §5), which needs no percent-encoding in a query:
///
/// ```
/// version (1 byte) | listing fingerprint (8) | key parts | checksum (4)
/// part: 0x00 null | 0x01 integer (8, big-endian) | 0x02 real (8, IEEE 754 bits) | 0x03 text (4-byte length, UTF-8)
/// ```
///
/// The fingerprint is ``ListingIdentity/fingerprint`` of the request that made the cursor, so a
/// cursor sent with other filters, another sort or another path is refused rather than read as a
/// position in a listing it does not belong to. The checksum (FNV-1a, 32 bits) catches a cursor cut
/// short or edited by hand. It is no signature: a client could forge a well-formed cursor, which
/// buys nothing, since a key is only a position and every value in it reaches SQL bound.
enum Cursor {
    static let version: UInt8 = 1
    /// Longer text is no cursor of ours: keys are a few numbers and at most one name.
    static let maximumLength = 2048

    /// What was wrong with a cursor, for the 400's detail.
    enum Failure: Error {
        case malformed
        case otherVersion
        case otherListing
    }

    static func encode(_ key: PageKey, listing: ListingIdentity) -> String {
        var bytes: [UInt8] = [version]
        bytes += bigEndian(listing.fingerprint)
        for part in key.parts {
            switch part {
            case .null:
                bytes.append(0)
            case .integer(let value):
                bytes.append(1)
                bytes += bigEndian(UInt64(bitPattern: value))
            case .real(let value):
                bytes.append(2)
                bytes += bigEndian(value.bitPattern)
            case .text(let text):
                bytes.append(3)
                bytes += bigEndian(UInt32(text.utf8.count)) + Array(text.utf8)
            }
        }
        bytes += bigEndian(FNV1a.hash32(bytes))
        return Base64URL.encode(bytes)
    }

    /// - Throws: ``Failure`` naming what is wrong.
    static func decode(_ text: String, listing: ListingIdentity) throws(Failure) -> PageKey {
        guard text.utf8.count <= maximumLength, let bytes = Base64URL.decode(text), bytes.count >= 13 else { throw .malformed }
        let body = bytes.dropLast(4)
        guard FNV1a.hash32(body) == UInt32(integer(bytes.suffix(4))) else { throw .malformed }
        guard bytes[0] == version else { throw .otherVersion }
        guard integer(body.dropFirst().prefix(8)) == listing.fingerprint else { throw .otherListing }
        var rest = body.dropFirst(9)
        var parts: [PageKey.Part] = []
        while let tag = rest.popFirst() {
            switch tag {
            case 0:
                parts.append(.null)
            case 1:
                guard rest.count >= 8 else { throw .malformed }
                parts.append(.integer(Int64(bitPattern: integer(rest.prefix(8)))))
                rest = rest.dropFirst(8)
            case 2:
                guard rest.count >= 8 else { throw .malformed }
                let value = Double(bitPattern: integer(rest.prefix(8)))
                guard value.isFinite else { throw .malformed }
                parts.append(.real(value))
                rest = rest.dropFirst(8)
            case 3:
                guard rest.count >= 4 else { throw .malformed }
                let length = Int(integer(rest.prefix(4)))
                rest = rest.dropFirst(4)
                guard rest.count >= length, let text = String(validating: rest.prefix(length), as: UTF8.self) else { throw .malformed }
                parts.append(.text(text))
                rest = rest.dropFirst(length)
            default:
                throw .malformed
            }
        }
        return PageKey(parts)
    }

    private static func bigEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        (0..<Value.bitWidth / 8).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private static func integer(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Which listing a cursor belongs to: the route and every parameter that decides the listing's
/// items or order (not `limit`, which may change from page to page, nor `cursor`).
struct ListingIdentity {
    /// `name=value` lines, names sorted, so the same parameters in any order give the same text.
    let canonical: String

    /// - Parameters:
    ///   - route: the route pattern, with path parameters filled in (`/v1/entities/7/related`).
    ///   - parameters: the values in effect (defaults included), nil for absent ones.
    init(route: String, _ parameters: [String: String?]) {
        let lines = parameters.compactMap { name, value in value.map { "\(name)=\($0)" } }.sorted()
        canonical = ([route] + lines).joined(separator: "\n")
    }

    /// FNV-1a 64 of ``canonical``: stable across runs and builds, unlike Swift's seeded `Hasher`.
    var fingerprint: UInt64 { FNV1a.hash64(Array(canonical.utf8)) }
}

/// The Fowler–Noll–Vo 1a hash: small, fast, and the same in every process.
enum FNV1a {
    static func hash32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        bytes.reduce(0x811C_9DC5) { ($0 ^ UInt32($1)) &* 0x0100_0193 }
    }

    static func hash64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}

/// base64url without padding (RFC 4648 §5), through Foundation's base64.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// Nil for any character outside the alphabet (padding included), or for a text that is not
    /// the canonical encoding of its bytes, so that each cursor has exactly one spelling.
    static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        let bytes = [UInt8](data)
        return encode(bytes) == text ? bytes : nil
    }
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
    }
}
