/// A response a handler returns. The server adds `Date`, `Content-Length` (or chunked
/// framing for a stream) and `Connection`.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var fields: HTTPFields
    /// The content; dropped on the wire for HEAD requests and for 1xx, 204 and 304 statuses.
    public var body: [UInt8]
    /// A body produced while it is sent; when set, `body` is ignored.
    public var stream: ResponseStream?
    /// Whether an answer to HEAD states the `Content-Length` that GET would get. False when only
    /// producing the content tells that length (a coding the HEAD answer skips): RFC 9110 §8.6
    /// allows no `Content-Length` then, never a wrong one.
    public var headDeclaresLength = true

    public init(status: HTTPStatus, fields: HTTPFields = HTTPFields(), body: [UInt8] = []) {
        self.status = status
        self.fields = fields
        self.body = body
    }

    /// A response whose body is produced while it is sent.
    public init(status: HTTPStatus, fields: HTTPFields = HTTPFields(), stream: ResponseStream) {
        self.init(status: status, fields: fields)
        self.stream = stream
    }

    /// A response whose body is `body`'s UTF-8 bytes, with `Content-Type` set.
    public init(status: HTTPStatus, contentType: String, body: some StringProtocol) {
        self.init(status: status, fields: ["Content-Type": contentType], body: Array(body.utf8))
    }
}
