import Crypto

/// An entity tag, the value of `ETag` (RFC 9110 §8.8.3): an opaque string naming one
/// representation, strong (any change of its bytes changes the tag) or weak (`W/`).
public struct EntityTag: Hashable, Sendable, CustomStringConvertible {
    /// The tag between its quotes.
    public let opaque: String
    /// Weak tags promise only semantic equivalence; they never pass a strong comparison.
    public let isWeak: Bool

    /// - Parameter opaque: characters allowed in a tag (`!`, `#` to `~`, or non-ASCII); no quotes.
    public init(_ opaque: String, weak: Bool = false) {
        self.opaque = opaque
        self.isWeak = weak
    }

    /// A strong tag for exactly `bytes`: the first 128 bits of their SHA-256, as 32 hex digits.
    /// 128 bits keep an accidental match between two versions of a resource out of reach
    /// while keeping the field short.
    public init(hashing bytes: [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in SHA256.hash(data: bytes).prefix(16) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        self.init(String(decoding: hex, as: UTF8.self))
    }

    /// The field value: `"opaque"` or `W/"opaque"`.
    public var description: String { (isWeak ? "W/\"" : "\"") + opaque + "\"" }

    /// The same strength with `suffix` appended inside the quotes, to name another
    /// representation of the same content (`"…-gzip"` for its gzip coding).
    public func appending(_ suffix: String) -> EntityTag {
        EntityTag(opaque + suffix, weak: isWeak)
    }

    /// The tag of the same content gzip-coded, as ``RepresentationFilter`` sends it: a strong tag
    /// names one representation, and the coded one is another (RFC 9110 §8.8.3.3).
    public var gzipCoded: EntityTag { appending("-gzip") }

    /// Weak comparison (RFC 9110 §8.8.3.2): the opaque tags are equal, whatever their strength.
    /// It is the comparison `If-None-Match` uses.
    public func weaklyMatches(_ other: EntityTag) -> Bool {
        opaque == other.opaque
    }

    /// Strong comparison: both strong and the opaque tags equal (for `If-Match`).
    public func stronglyMatches(_ other: EntityTag) -> Bool {
        !isWeak && !other.isWeak && opaque == other.opaque
    }

    /// Reads one tag from a field value, as `ETag` holds it; nil unless the whole value is one tag.
    public init?(parsing value: some StringProtocol) {
        var scanner = Substring(value).trimmingOWS().utf8[...]
        guard let tag = EntityTag.scan(&scanner), scanner.isEmpty else { return nil }
        self = tag
    }

    /// What a precondition field lists: `*`, or entity tags.
    enum List {
        case any
        case tags([EntityTag])
    }

    /// The field lines of `If-Match` or `If-None-Match` read as one list (RFC 9110 §13.1.1,
    /// §13.1.2; several lines mean what they would joined by commas, §5.3): `*` alone, or entity
    /// tags separated by commas; nil when there are no lines, no tag, or anything else (`*` beside
    /// tags; two tags without a comma, unless `lenient`).
    ///
    /// - Parameter lenient: reads `"a" "b"` as two tags. `If-None-Match` may: a condition read too
    ///   generously only costs a full answer. `If-Match` guards a change, and takes the grammar as written.
    static func list(_ lines: [String], lenient: Bool = false) -> List? {
        guard !lines.isEmpty else { return nil }
        if lines.count == 1 && lines[0].trimmingOWS() == "*" { return .any }
        var tags: [EntityTag] = []
        for line in lines {
            var rest = line.utf8[...]
            // Each tag starts an element: after the line's start or a comma, with white space and
            // empty elements between (RFC 9110 §5.6.1).
            var elementStart = true
            while let first = rest.first {
                if first == UInt8(ascii: ",") {
                    elementStart = true
                    rest = rest.dropFirst()
                } else if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                    rest = rest.dropFirst()
                } else {
                    guard elementStart || lenient, let tag = EntityTag.scan(&rest) else { return nil }
                    tags.append(tag)
                    elementStart = false
                }
            }
        }
        return tags.isEmpty ? nil : .tags(tags)
    }

    /// Reads a tag at the start of `text` and advances past it; nil (and `text` unchanged) if there is none.
    static func scan(_ text: inout Substring.UTF8View.SubSequence) -> EntityTag? {
        var rest = text
        var weak = false
        if rest.starts(with: "W/".utf8) {
            weak = true
            rest = rest.dropFirst(2)
        }
        guard rest.first == UInt8(ascii: "\"") else { return nil }
        rest = rest.dropFirst()
        // etagc = %x21 / %x23-7E / obs-text: no space, no quote, no control character.
        guard let close = rest.firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 <= 0x20 || $0 == 0x7f }),
              rest[close] == UInt8(ascii: "\"") else { return nil }
        let opaque = String(decoding: rest[..<close], as: UTF8.self)
        text = rest[rest.index(after: close)...]
        return EntityTag(opaque, weak: weak)
    }
}
