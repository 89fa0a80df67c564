/// A request method token (RFC 9110 §9). Methods are case-sensitive: `get` is not `GET`.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    public static let trace = HTTPMethod(rawValue: "TRACE")
    public static let connect = HTTPMethod(rawValue: "CONNECT")
    public static let query = HTTPMethod(rawValue: "QUERY")

    /// The methods RFC 9110 §9 defines, plus PATCH (RFC 5789) and QUERY (the IETF HTTP working group's
    /// safe method with a body). A server knows these even where no route takes them, so they get 405
    /// with `Allow` rather than 501 (RFC 9110 §15.5.6, §15.6.2).
    public static let standard: Set<HTTPMethod> = [.get, .head, .post, .put, .delete, .connect, .options, .trace, .patch, .query]

    public var description: String { rawValue }
}
