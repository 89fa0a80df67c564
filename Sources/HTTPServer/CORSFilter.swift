/// Cross-origin access for browsers, per the CORS protocol of the Fetch standard (§3.2).
///
/// - Every response gets `Access-Control-Allow-Origin`: `*` when any origin is allowed (also
///   when the request has no `Origin`), else the request's `Origin` when it is on the list, with
///   `Vary: Origin` on every response since the answer depends on it. Responses other than
///   preflights also get `Access-Control-Expose-Headers`, so scripts can read the listed fields.
/// - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) that the server
///   answered with the path's `Allow` becomes `204 No Content` with `Access-Control-Allow-Methods`
///   (that list), `Access-Control-Allow-Headers` and `Access-Control-Max-Age`. A plain `OPTIONS`,
///   and a preflight from an origin not on the list, keep the server's usual answer.
///
/// No `Access-Control-Allow-Credentials`: the API authenticates with a header a script sets,
/// not with cookies, so credentialed requests have nothing to gain and `*` stays usable.
public struct CORSFilter: ResponseFilter {
    /// The origins whose scripts may read responses.
    public enum AllowedOrigins: Sendable, Equatable {
        /// Any origin: `Access-Control-Allow-Origin: *`.
        case any
        /// These serialized origins (`https://news.example`, `http://localhost:3000`), compared exactly.
        case list([String])
    }

    /// A `--cors-origin` value that is not `*` or an origin.
    public struct InvalidOrigin: Error, CustomStringConvertible {
        public let description: String
    }

    /// Whose scripts may read responses.
    public let origins: AllowedOrigins
    /// Request fields a preflight may announce (`Access-Control-Allow-Headers`).
    public var allowedHeaders = ["Authorization", "Content-Type", "If-Match", "If-None-Match"]
    /// Response fields beyond the CORS-safelisted ones that scripts may read (`Access-Control-Expose-Headers`).
    public var exposedHeaders = ["ETag", "Link"]
    /// Seconds a browser may reuse a preflight answer (`Access-Control-Max-Age`).
    public var maxAge = 86_400

    /// A filter for `origins` with the default headers and max age; see ``init(parsing:)`` for command-line values.
    public init(origins: AllowedOrigins) {
        self.origins = origins
    }

    /// Reads origins as given on the command line: each value is `*`, an origin, or a comma-separated
    /// list of origins. No values at all means `*`.
    ///
    /// An origin is `scheme://host[:port]`, with no path (not even `/`), as browsers send it in
    /// `Origin`; scheme and host are lower-cased and a default port (80 for http, 443 for https)
    /// is dropped, as browsers do.
    ///
    /// - Throws: ``InvalidOrigin`` naming the first value that is not an origin, or `*` mixed with origins.
    public init(parsing values: [String]) throws(InvalidOrigin) {
        var list: [String] = []
        var any = false
        for value in values {
            for part in value.split(separator: ",") {
                let text = part.trimmingOWS()
                if text.isEmpty { continue }
                if text == "*" {
                    any = true
                } else if let origin = CORSFilter.serializedOrigin(text) {
                    if !list.contains(origin) { list.append(origin) }
                } else {
                    throw InvalidOrigin(description: "\"\(text)\" is not an origin: write scheme://host[:port] with no path, e.g. https://news.example or http://localhost:3000, or * for any")
                }
            }
        }
        if any && !list.isEmpty {
            throw InvalidOrigin(description: "* allows every origin already; give either * or a list of origins")
        }
        // `--cors-origin ""` from an empty variable must not quietly open the API to every origin.
        if !values.isEmpty && !any && list.isEmpty {
            throw InvalidOrigin(description: "no origin given: write scheme://host[:port], or * for any")
        }
        self.init(origins: list.isEmpty ? .any : .list(list))
    }

    public func filter(_ response: HTTPResponse, for request: HTTPRequest?) -> HTTPResponse {
        var response = response
        let origin = request?.fields["Origin"]
        let allowed: String
        switch origins {
        case .any:
            allowed = "*"
        case .list(let list):
            response.fields.addVary("Origin")
            guard let origin, list.contains(origin) else { return response }
            allowed = origin
        }
        response.fields.set("Access-Control-Allow-Origin", allowed)
        if let request, origin != nil, request.method == .options, request.fields.contains("Access-Control-Request-Method"),
           response.status.code == 200, let methods = response.fields["Allow"] {
            response.status = .noContent
            response.body = []
            response.fields.set("Access-Control-Allow-Methods", methods)
            response.fields.set("Access-Control-Allow-Headers", allowedHeaders.joined(separator: ", "))
            response.fields.set("Access-Control-Max-Age", String(maxAge))
            return response
        }
        if !exposedHeaders.isEmpty {
            response.fields.set("Access-Control-Expose-Headers", exposedHeaders.joined(separator: ", "))
        }
        return response
    }

    /// `scheme://host[:port]` lower-cased without a default port, or nil if `text` is not one.
    static func serializedOrigin(_ text: Substring) -> String? {
        guard let separator = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        var authority = Substring(text[separator.upperBound...].lowercased())
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        guard !authority.isEmpty, !authority.contains(where: { "/?#@ \t\\".contains($0) }) else { return nil }
        // The port follows the last colon outside an IPv6 literal's brackets.
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), Int(port)! <= 65535 else { return nil }
            if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
                authority = authority[..<colon]
            }
        }
        guard !authority.isEmpty, !authority.hasPrefix(":") else { return nil }
        return scheme + "://" + authority
    }
}
