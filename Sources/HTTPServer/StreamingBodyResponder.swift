/// Wraps a responder so that it is called as soon as the request head arrives and reads the body
/// from ``HTTPRequest/bodyStream`` while it arrives, for uploads too large to hold whole.
public struct StreamingBodyResponder: HTTPResponder {
    let base: any HTTPResponder

    public init(_ base: any HTTPResponder) {
        self.base = base
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse { base.respond(to: request) }

    public var streamsRequestBody: Bool { true }
}
