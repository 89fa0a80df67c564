import Foundation

/// An RFC 9457 problem details object, sent as `application/problem+json`.
///
/// Extension members (such as a list of invalid items) go in `extensions` and are
/// written beside the standard members.
public struct ProblemDetails: Sendable, Encodable {
    /// The ``ProblemType`` URI naming the kind of problem.
    public var type: String
    /// A short summary of the kind of problem, the same for every occurrence.
    public var title: String
    public var status: Int
    /// What went wrong this time, for a human.
    public var detail: String?
    /// Additional members, already encoded as JSON values.
    public var extensions: [String: JSONFragment]

    /// A JSON value encoded elsewhere, inserted verbatim.
    public struct JSONFragment: Sendable, Encodable {
        let encode: @Sendable (any Encoder) throws -> Void

        public init<Value: Encodable & Sendable>(_ value: Value) {
            encode = { encoder in try value.encode(to: encoder) }
        }

        public func encode(to encoder: any Encoder) throws { try encode(encoder) }
    }

    /// - Parameter type: the kind of problem; by default the HTTP layer's kind for `status` (``ProblemType/forStatus(_:)``).
    public init(
        status: HTTPStatus, detail: String? = nil, type: ProblemType? = nil, title: String? = nil,
        extensions: [String: JSONFragment] = [:]
    ) {
        self.type = (type ?? .forStatus(status.code)).uri
        self.title = title ?? status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.extensions = extensions
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(type, forKey: Key("type"))
        try container.encode(title, forKey: Key("title"))
        try container.encode(status, forKey: Key("status"))
        try container.encodeIfPresent(detail, forKey: Key("detail"))
        for (name, value) in extensions.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: Key(name))
        }
    }

    /// The problem as a response with `Content-Type: application/problem+json`.
    public func response(fields extra: HTTPFields = HTTPFields()) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(self)).map { Array($0) }
            ?? Array(#"{"type":"urn:newsapi:problem:internal-error","title":"Internal Server Error","status":500}"#.utf8)
        var fields = extra
        fields.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: HTTPStatus(code: status, reasonPhrase: HTTPStatus.standardPhrase(for: status)),
                            fields: fields, body: body)
    }
}
