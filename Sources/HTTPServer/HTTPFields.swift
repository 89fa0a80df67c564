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
        var elements: [Substring] = []
        for field in fields where field.name.equalsIgnoringASCIICase(name) {
            // Split as bytes: a comma is ASCII, and splitting the String would find grapheme clusters first.
            for piece in field.value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
                let element = Substring(piece).trimmingOWS()
                if !element.isEmpty { elements.append(element) }
            }
        }
        return elements
    }

    /// True when the `name` list holds `token`, compared case-insensitively (for `Connection: close`).
    public func contains(_ name: String, token: String) -> Bool {
        listElements(for: name).contains { $0.equalsIgnoringASCIICase(token) }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field line, keeping any existing ones of the same name.
    public mutating func append(_ name: String, _ value: String) {
        // A response gathers half a dozen fields from its filters: room for them at the first, not
        // four reallocations on the way.
        if fields.capacity == 0 { fields.reserveCapacity(8) }
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field line of `name` with one holding `value`, where the first of them was.
    public mutating func set(_ name: String, _ value: String) {
        guard let first = fields.firstIndex(where: { $0.name.equalsIgnoringASCIICase(name) }) else {
            return append(name, value)
        }
        fields[first] = Field(name: name, value: value)
        let rest = fields.index(after: first)
        if fields[rest...].contains(where: { $0.name.equalsIgnoringASCIICase(name) }) {
            fields[rest...].removeAll { $0.name.equalsIgnoringASCIICase(name) }
        }
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }
}

extension StringProtocol {
    /// ASCII case-insensitive equality, as field names and tokens use (RFC 9110 §5.1).
    func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        utf8.equalsIgnoringASCIICase(other.utf8)
    }

    /// Whether the text starts with `prefix`, ASCII letters compared case-insensitively; no copy is made.
    func hasPrefixIgnoringASCIICase(_ prefix: some StringProtocol) -> Bool {
        let text = utf8, start = prefix.utf8
        guard start.count <= text.count else { return false }
        return text.prefix(start.count).equalsIgnoringASCIICase(start)
    }

    /// Whether the text ends with `suffix`, ASCII letters compared case-insensitively; no copy is made.
    func hasSuffixIgnoringASCIICase(_ suffix: some StringProtocol) -> Bool {
        let text = utf8, end = suffix.utf8
        guard end.count <= text.count else { return false }
        return text.suffix(end.count).equalsIgnoringASCIICase(end)
    }

    /// Without optional white space (SP, HTAB) on either side (RFC 9110 §5.6.3).
    func trimmingOWS() -> Substring {
        let bytes = Substring(self).utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isOWS(bytes[start]) { start = bytes.index(after: start) }
        while start < end {
            let last = bytes.index(before: end)
            guard isOWS(bytes[last]) else { break }
            end = last
        }
        // Both ends sit next to ASCII bytes, so they are character boundaries.
        return Substring(bytes[start..<end])
    }
}

extension Collection<UInt8> {
    /// ``StringProtocol/equalsIgnoringASCIICase(_:)`` on UTF-8 bytes.
    func equalsIgnoringASCIICase(_ other: some Collection<UInt8>) -> Bool {
        guard count == other.count else { return false }
        // Every request compares dozens of names: native strings are compared as the byte buffers
        // they are, without stepping UTF8View indices.
        if let equal = withContiguousStorageIfAvailable({ left in
            other.withContiguousStorageIfAvailable { right in sameBytesIgnoringASCIICase(left, right) }
        }), let equal {
            return equal
        }
        return zip(self, other).allSatisfy(sameIgnoringASCIICase)
    }
}

/// SP or HTAB.
private func isOWS(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

/// Two buffers of the same length hold the same bytes, ASCII letters in either case.
private func sameBytesIgnoringASCIICase(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in 0..<left.count where !sameIgnoringASCIICase(left[index], right[index]) { return false }
    return true
}

/// Two bytes equal, or the same ASCII letter in either case.
private func sameIgnoringASCIICase(_ a: UInt8, _ b: UInt8) -> Bool {
    a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
}
