import NewsIngest

/// A value that writes its own JSON with a ``JSONWriter``, giving exactly the bytes its
/// `Encodable` conformance gives through the API's `JSONEncoder` (sorted keys, `null` kept
/// for `NullEncoded` members). `Encodable` stays the reference; this is the fast path.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension JSONWritable {
    /// The value as a JSON document.
    var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    func write(to json: inout JSONWriter) { json.integer(Int64(self)) }
}

extension Int64: JSONWritable {
    func write(to json: inout JSONWriter) { json.integer(self) }
}

extension Bool: JSONWritable {
    func write(to json: inout JSONWriter) { json.bool(self) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    func write(to json: inout JSONWriter) {
        if let value = self { value.write(to: &json) } else { json.null() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) { json.array(self) }
}

extension CalendarDate: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(description) }
}

extension EntityType: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(rawValue) }
}

extension MentionSpan.Section: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(rawValue) }
}
