/// A complete request as a handler sees it: head, decoded target, body and route parameters.
public struct HTTPRequest: Sendable {
    public let head: RequestHead
    /// The decoded path and query of `head.target`.
    public let target: RequestTarget
    /// The message body, de-chunked; empty when none was sent, and for routes that stream it (see `bodyStream`).
    public var body: [UInt8]
    /// The message body while it arrives, for routes added with `streamingBody: true`; nil for the others,
    /// which get it whole in `body`.
    public var bodyStream: RequestBody?
    /// Values of the route pattern's `{name}` segments, percent-decoded.
    public var pathParameters: [String: String]
    /// The peer's address as `host:port`, for logs.
    public let peer: String

    /// - Parameter target: `head.target` already split, when the caller has it; split here otherwise.
    public init(
        head: RequestHead, target: RequestTarget? = nil, body: [UInt8] = [], bodyStream: RequestBody? = nil,
        pathParameters: [String: String] = [:], peer: String = ""
    ) {
        self.head = head
        self.target = target ?? RequestTarget(head.target)
        self.body = body
        self.bodyStream = bodyStream
        self.pathParameters = pathParameters
        self.peer = peer
    }

    public var method: HTTPMethod { head.method }
    public var fields: HTTPFields { head.fields }
    public var path: String { target.path }
}
