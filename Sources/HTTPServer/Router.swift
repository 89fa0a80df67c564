/// Maps a method and a path to a responder, with `{name}` path parameters.
///
/// Patterns are literal segments and whole-segment parameters: `/v1/articles/{id}`.
/// Paths are split on `/` before percent-decoding, so `%2F` never separates segments.
/// When several patterns match a path, the one with the most literal segments wins
/// (`/v1/articles/batch` over `/v1/articles/{id}`). A GET route also answers HEAD.
/// A path that matches but not for the method gets 405 with `Allow` (RFC 9110 §15.5.6);
/// no pattern at all gets 404; a method no route uses gets 501 (RFC 9110 §9.1).
public struct Router: Sendable {
    private struct Route: Sendable {
        let method: HTTPMethod
        let segments: [Segment]
        let responder: any HTTPResponder
        /// How specific the pattern is: its literal segments.
        let literalCount: Int

        init(method: HTTPMethod, segments: [Segment], responder: any HTTPResponder) {
            self.method = method
            self.segments = segments
            self.responder = responder
            literalCount = segments.count { if case .literal = $0 { true } else { false } }
        }
    }

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// The outcome of matching a request against the routes.
    public enum Match: Sendable {
        case found(any HTTPResponder, parameters: [String: String])
        case notFound
        /// The path exists, but not for this method; the allowed methods, HEAD included for GET and
        /// OPTIONS last, which every path that exists answers.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No route uses this method at all.
        case methodNotImplemented
        /// An OPTIONS request for a path that exists and has no OPTIONS route of its own:
        /// the methods it allows, OPTIONS included (RFC 9110 §9.3.7).
        case options(allowed: [HTTPMethod])
    }

    private var routes: [Route] = []
    /// The routes of each pattern without parameters, by the pattern as written (`/v1/health`).
    /// A path spelled exactly so is answered from here: every other pattern that matches it has
    /// fewer literal segments and would lose anyway.
    private var literalPatterns: [String: [Int]] = [:]

    public init() {}

    /// Every route as (method, pattern), in the order added: what an API description must cover.
    public var patterns: [(method: HTTPMethod, pattern: String)] {
        routes.map { route in
            let path = route.segments.map { segment -> String in
                switch segment {
                case .literal(let text): text
                case .parameter(let name): "{\(name)}"
                }
            }
            return (route.method, "/" + path.joined(separator: "/"))
        }
    }

    /// Checked before every routed request's handler runs and before its body is read; nil for none.
    public var gate: (any RequestGate)?

    /// Adds a route. Between two equally specific patterns, the one added first wins.
    ///
    /// - Parameter streamingBody: true to call the responder as soon as the head arrives and let it
    ///   read the body while it comes in (``HTTPRequest/bodyStream``), rather than after the whole
    ///   body is buffered (``HTTPRequest/body``); for uploads too large to hold at once.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, streamingBody: Bool = false, _ responder: any HTTPResponder) {
        let responder = streamingBody && !responder.streamsRequestBody ? StreamingBodyResponder(responder) : responder
        let segments = Router.split(pattern).map { part -> Segment in
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
        let route = Route(method: method, segments: segments, responder: responder)
        // A literal with an escape in it matches no request (request segments are compared decoded),
        // so it stays out of the table, where the raw path would match it.
        if route.literalCount == segments.count && !pattern.utf8.contains(UInt8(ascii: "%")) {
            literalPatterns["/" + Router.split(pattern).joined(separator: "/"), default: []].append(routes.count)
        }
        routes.append(route)
        methods = Router.withHead(routes.map(\.method))
    }

    /// Adds a route answered by a closure.
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, streamingBody: Bool = false,
        _ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        add(method, pattern, streamingBody: streamingBody, ClosureResponder(body))
    }

    /// Every method some route answers, HEAD included when GET is, in first-use order.
    /// Kept up to date by `add` because ``match(_:path:)`` consults it on every request.
    public private(set) var methods: [HTTPMethod] = []

    /// Finds the responder for `method` and a path as sent (still percent-encoded).
    public func match(_ method: HTTPMethod, path rawPath: String) -> Match {
        guard methods.contains(method) || HTTPMethod.standard.contains(method) else { return .methodNotImplemented }
        var parts: [String] = []
        var best: [Int]
        if let literal = literalPatterns[rawPath] {
            best = literal
        } else {
            parts = Router.split(rawPath).map { RequestTarget.percentDecode($0, plusIsSpace: false) }
            best = []
            var bestLiterals = -1
            for index in routes.indices where Router.matches(routes[index].segments, parts) {
                let literals = routes[index].literalCount
                if literals < bestLiterals { continue }
                if literals > bestLiterals {
                    best.removeAll(keepingCapacity: true)
                    bestLiterals = literals
                }
                best.append(index)
            }
        }
        guard !best.isEmpty else { return .notFound }
        let exact = best.first { routes[$0].method == method }
            ?? (method == .head ? best.first { routes[$0].method == .get } : nil)
        if let exact {
            return .found(routes[exact].responder, parameters: Router.parameters(routes[exact].segments, parts))
        }
        let allowed = Router.withHead(best.map { routes[$0].method })
        // OPTIONS is answered on every path that exists, so a 405 lists it too (RFC 9110 §15.5.6).
        return method == .options ? .options(allowed: allowed + [.options]) : .methodNotAllowed(allowed: allowed + [.options])
    }

    /// Unique methods in order, with HEAD right after GET.
    private static func withHead(_ methods: [HTTPMethod]) -> [HTTPMethod] {
        var unique: [HTTPMethod] = []
        for method in methods where !unique.contains(method) {
            unique.append(method)
            if method == .get && !unique.contains(.head) { unique.append(.head) }
        }
        return unique
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }
    }

    private static func matches(_ segments: [Segment], _ parts: [String]) -> Bool {
        guard segments.count == parts.count else { return false }
        for index in segments.indices {
            if case .literal(let text) = segments[index], text != parts[index] { return false }
        }
        return true
    }

    /// The parameters of a pattern that ``matches(_:_:)`` the parts; empty for a literal one.
    private static func parameters(_ segments: [Segment], _ parts: [String]) -> [String: String] {
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            if case .parameter(let name) = segment { parameters[name] = part }
        }
        return parameters
    }
}
