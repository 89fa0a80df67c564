#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPServer

/// Who may write (POST, PATCH, DELETE and every other method that is not safe, RFC 9110 §9.2.1):
/// checked for every route at once, before a body is read, as the router's ``RequestGate``. Reads
/// (GET, HEAD, OPTIONS) are always open.
public enum WriteAccess: Sendable, RequestGate {
    /// Anyone who can connect may write: the server listens on the loopback interface only, so that
    /// is this machine's users.
    case open
    /// Writes need `Authorization: Bearer KEY` (RFC 6750 §2.1); otherwise 401 with `WWW-Authenticate`.
    case key(APIKey)
    /// Writes are refused with 403: the server listens beyond this machine and has no key.
    case refused

    /// The policy for a server listening on `host`: a key when there is one; without, open on a
    /// loopback address and refused on any other.
    public init(listeningOn host: String, apiKey: APIKey?) {
        if let apiKey {
            self = .key(apiKey)
        } else {
            self = WriteAccess.isLoopback(host) ? .open : .refused
        }
    }

    /// The realm named in `WWW-Authenticate` (RFC 6750 §3).
    static let realm = "newsapi"

    public func refusal(for head: RequestHead) -> HTTPResponse? {
        guard !WriteAccess.isSafe(head.method) else { return nil }
        switch self {
        case .open:
            return nil
        case .refused:
            return ProblemDetails(
                status: .forbidden,
                detail: "writes are turned off: this server listens beyond this machine and has no API key; "
                    + "start it with --api-key or NEWSAPI_API_KEY to allow writes with `Authorization: Bearer KEY`",
                type: .forbidden
            ).response()
        case .key(let key):
            return check(head.fields.values(for: "Authorization"), against: key)
        }
    }

    /// Nil when the one `Authorization` field carries the key as a bearer token; otherwise the refusal:
    /// 401 with no error code when no bearer token was sent (RFC 6750 §3.1), 400 `invalid_request`
    /// when it is malformed or sent twice, 401 `invalid_token` when it is not the key.
    private func check(_ authorizations: [String], against key: APIKey) -> HTTPResponse? {
        guard let authorization = authorizations.first else {
            return WriteAccess.challenge(.unauthorized, error: nil, "writes need the API key: send `Authorization: Bearer KEY`")
        }
        guard authorizations.count == 1 else {
            return WriteAccess.challenge(.badRequest, error: "invalid_request", "send one Authorization field, not \(authorizations.count)")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        // The scheme is case-insensitive (RFC 9110 §11.1); another scheme is no bearer token at all.
        guard let scheme = parts.first, scheme.lowercased() == "bearer" else {
            return WriteAccess.challenge(.unauthorized, error: nil, "writes need the API key as a bearer token: `Authorization: Bearer KEY`")
        }
        let token = parts.count == 2 ? parts[1].drop { $0 == " " } : ""
        guard APIKey.isBearerToken(token) else {
            return WriteAccess.challenge(.badRequest, error: "invalid_request", "the bearer token is missing or holds characters a token cannot have")
        }
        guard key.matches(token) else {
            return WriteAccess.challenge(.unauthorized, error: "invalid_token", "the bearer token is not this server's API key")
        }
        return nil
    }

    private static func challenge(_ status: HTTPStatus, error: String?, _ detail: String) -> HTTPResponse {
        var challenge = "Bearer realm=\"\(realm)\""
        if let error { challenge += ", error=\"\(error)\"" }
        let type: ProblemType = status == .unauthorized ? .unauthorized : .malformedRequest
        return ProblemDetails(status: status, detail: detail, type: type).response(fields: ["WWW-Authenticate": challenge])
    }

    /// GET, HEAD, OPTIONS and TRACE change nothing (RFC 9110 §9.2.1).
    private static func isSafe(_ method: HTTPMethod) -> Bool {
        method == .get || method == .head || method == .options || method.rawValue == "TRACE"
    }

    /// Whether `host` names the loopback interface only: `localhost`, an IPv4 address in 127.0.0.0/8,
    /// `::1`, or an IPv4-mapped `::ffff:127.x.y.z`. Any other name counts as reachable from elsewhere,
    /// even one that resolves to loopback today.
    public static func isLoopback(_ host: String) -> Bool {
        var name = host
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.lowercased() == "localhost" || name.lowercased() == "localhost." { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, name, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        return mapped && bytes[12] == 127
    }
}
