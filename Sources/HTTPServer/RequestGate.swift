/// A check every routed request passes before its handler runs and before its body is read:
/// access control that applies to all routes at once, including routes added later.
///
/// It sees the head only, so a refused upload costs the server no body: the refusal goes out at
/// once, a client waiting on `Expect: 100-continue` never sends the body, and a body under
/// ``ServerConfiguration/maxDiscardedBodySize`` is read and dropped to keep the connection.
/// Requests that match no route (404, 405, 501) and `OPTIONS` answered by the router do not reach it.
public protocol RequestGate: Sendable {
    /// The response that refuses `head` (a 401, say), or nil to let it through. Runs on the
    /// connection's I/O queue, so it must be quick and must not block.
    func refusal(for head: RequestHead) -> HTTPResponse?
}
