/// A stable URI naming one kind of problem, the `type` member of RFC 9457 problem details (§3.1.1).
///
/// Clients branch on `type`, not on `detail` (which is prose) or `status` (which several kinds share).
/// The URIs are URNs, `urn:newsapi:problem:NAME`: absolute, as RFC 9457 recommends, and never
/// reassigned. The kinds the HTTP layer answers with are here; applications add their own with
/// ``init(name:)``.
public struct ProblemType: Hashable, Sendable, CustomStringConvertible {
    /// The URI, e.g. `urn:newsapi:problem:not-found`.
    public let uri: String

    /// The type `urn:newsapi:problem:NAME`; `name` is lower-case words joined by hyphens.
    public init(name: String) {
        uri = "urn:newsapi:problem:" + name
    }

    public var description: String { uri }

    /// 400: the request is not valid HTTP/1.1 (RFC 9112), or a header field is malformed.
    public static let malformedRequest = ProblemType(name: "malformed-request")
    /// 404: no resource at the request target.
    public static let notFound = ProblemType(name: "not-found")
    /// 405: the resource exists but not for this method; `Allow` lists those it takes.
    public static let methodNotAllowed = ProblemType(name: "method-not-allowed")
    /// 408: the request did not arrive in time.
    public static let requestTimeout = ProblemType(name: "request-timeout")
    /// 413: the message body is over the server's limit.
    public static let contentTooLarge = ProblemType(name: "content-too-large")
    /// 412: an `If-Match` that no current representation passes (RFC 9110 §13.1.1); nothing was changed.
    public static let preconditionFailed = ProblemType(name: "precondition-failed")
    /// 414: the request target is over the server's limit.
    public static let uriTooLong = ProblemType(name: "uri-too-long")
    /// 415: a request body in a media type, charset or content coding that is not taken.
    public static let unsupportedMediaType = ProblemType(name: "unsupported-media-type")
    /// 417: an `Expect` other than `100-continue`.
    public static let expectationFailed = ProblemType(name: "expectation-failed")
    /// 431: a header field line, or all of them, over the server's limit.
    public static let fieldsTooLarge = ProblemType(name: "fields-too-large")
    /// 500: the server failed; its log has the cause.
    public static let internalError = ProblemType(name: "internal-error")
    /// 501: a method the server does not implement.
    public static let notImplemented = ProblemType(name: "not-implemented")
    /// 505: an HTTP version other than 1.0 and 1.1.
    public static let versionNotSupported = ProblemType(name: "version-not-supported")
    /// 503: the server is stopping or overloaded.
    public static let unavailable = ProblemType(name: "unavailable")

    /// The HTTP-layer type for a status, used when a problem names none; a status with no kind of its
    /// own gets `urn:newsapi:problem:http-CODE`, where the status says it all.
    public static func forStatus(_ code: Int) -> ProblemType {
        switch code {
        case 400: .malformedRequest
        case 404: .notFound
        case 405: .methodNotAllowed
        case 408: .requestTimeout
        case 412: .preconditionFailed
        case 413: .contentTooLarge
        case 414: .uriTooLong
        case 415: .unsupportedMediaType
        case 417: .expectationFailed
        case 431: .fieldsTooLarge
        case 501: .notImplemented
        case 503: .unavailable
        case 505: .versionNotSupported
        case 500...599: .internalError
        default: ProblemType(name: "http-\(code)")
        }
    }
}
