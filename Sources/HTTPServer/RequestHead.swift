/// A parsed request line and header section, before any message body (RFC 9112 §2-3).
public struct RequestHead: Sendable {
    public let method: HTTPMethod
    /// The request target exactly as sent: origin-form, absolute-form, authority-form or `*`.
    public let target: String
    public let version: HTTPVersion
    public let fields: HTTPFields
    /// How the message body is delimited (RFC 9112 §6.3).
    public let framing: BodyFraming

    /// How a request's message body is delimited.
    public enum BodyFraming: Sendable, Hashable {
        case none
        /// `Content-Length` bytes.
        case length(Int)
        /// `Transfer-Encoding: chunked`; the size is known only at the last chunk.
        case chunked
    }

    /// Whether the message carries a body at all.
    public var hasBody: Bool {
        switch framing {
        case .none, .length(0): false
        default: true
        }
    }

    /// The first content coding named by `Content-Encoding` other than `identity` (RFC 9110 §8.4),
    /// lower-cased; nil when the body is not coded.
    public var contentCodingOtherThanIdentity: String? {
        fields.listElements(for: "Content-Encoding").first { !$0.equalsIgnoringASCIICase("identity") }?.lowercased()
    }

    /// Whether the client lets the connection stay open after this exchange
    /// (RFC 9112 §9.3: persistent by default in HTTP/1.1, opt-in with `keep-alive` in HTTP/1.0).
    public var keepAlive: Bool {
        if fields.contains("Connection", token: "close") { return false }
        if version == .http1_0 { return fields.contains("Connection", token: "keep-alive") }
        return true
    }
}
