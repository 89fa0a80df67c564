/// The one handler abstraction: a function from a complete request to a response.
///
/// Responders run on the server's handler pool, off the I/O path, and may block
/// (on a database read, say) without stalling other connections.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Whether the responder reads the body while it arrives (``HTTPRequest/bodyStream``) instead of
    /// getting it whole in ``HTTPRequest/body``. False unless the responder says otherwise.
    var streamsRequestBody: Bool { get }
}

extension HTTPResponder {
    public var streamsRequestBody: Bool { false }
}

/// A responder made from a closure.
public struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse { body(request) }
}
