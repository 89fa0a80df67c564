/// The field lines of a message's header section, in received order (RFC 9110 §5).
///
/// Names compare case-insensitively; a name may appear on several field lines.
public struct HTTPFields: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One field line: a name and its value with surrounding white space removed.
    public struct Field: Sendable, Hashable {
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    public init() { fields = [] }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The first value of `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Every value of `name`, one per field line, in order.
    public func values(for name: String) -> [String] {
        fields.compactMap { $0.name.equalsIgnoringASCIICase(name) ? $0.value : nil }
    }

    /// The comma-separated list elements of every `name` line, trimmed, empty ones dropped (RFC 9110 §5.6.1).
    public func listElements(for name: String) -> [Substring] {
        values(for: name).flatMap { value in
            value.split(separator: ",").map { $0.trimmingOWS() }.filter { !$0.isEmpty }
        }
    }

    /// True when the `name` list holds `token`, compared case-insensitively (for `Connection: close`).
    public func contains(_ name: String, token: String) -> Bool {
        listElements(for: name).contains { $0.equalsIgnoringASCIICase(token) }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field line, keeping any existing ones of the same name.
    public mutating func append(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field line of `name` with one holding `value`.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append(Field(name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }
}

extension StringProtocol {
    /// ASCII case-insensitive equality, as field names and tokens use (RFC 9110 §5.1).
    func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        let lhs = utf8, rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy(sameIgnoringASCIICase)
    }

    /// Whether the text starts with `prefix`, ASCII letters compared case-insensitively; no copy is made.
    func hasPrefixIgnoringASCIICase(_ prefix: some StringProtocol) -> Bool {
        utf8.starts(with: prefix.utf8, by: sameIgnoringASCIICase)
    }

    /// Whether the text ends with `suffix`, ASCII letters compared case-insensitively; no copy is made.
    func hasSuffixIgnoringASCIICase(_ suffix: some StringProtocol) -> Bool {
        utf8.reversed().starts(with: suffix.utf8.reversed(), by: sameIgnoringASCIICase)
    }

    /// Without optional white space (SP, HTAB) on either side (RFC 9110 §5.6.3).
    func trimmingOWS() -> Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

/// Two bytes equal, or the same ASCII letter in either case.
private func sameIgnoringASCIICase(_ a: UInt8, _ b: UInt8) -> Bool {
    a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
}
