/// An optional property that encodes nil as JSON `null` instead of leaving its key out,
/// so API clients always see every documented field.
///
/// Synthesized `Codable` skips nil optionals; wrapping them gives every result type the
/// same null-keeping encoding without hand-written `encode(to:)` methods.
@propertyWrapper
public struct NullEncoded<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as nil, as it would for a plain optional.
    public func decode<Value>(_ type: NullEncoded<Value>.Type, forKey key: Key) throws -> NullEncoded<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullEncoded(wrappedValue: nil)
    }
}
