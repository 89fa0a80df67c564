/// Maps a method and a path to a responder, with `{name}` path parameters.
///
/// Patterns are literal segments and whole-segment parameters: `/v1/articles/{id}`.
/// A GET route also answers HEAD. A path that matches some pattern but not the
/// method gets 405 with `Allow` (RFC 9110 §15.5.6); no pattern at all gets 404.
public struct Router: Sendable {
    private struct Route: Sendable {
        let method: HTTPMethod
        let segments: [Segment]
        let responder: any HTTPResponder
    }

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// The outcome of matching a request against the routes.
    public enum Match: Sendable {
        case found(any HTTPResponder, parameters: [String: String])
        case notFound
        /// The path exists, but not for this method; the allowed methods, HEAD included for GET.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No route uses this method at all (RFC 9110 §9.1: 501).
        case methodNotImplemented
    }

    /// Every method some route answers, HEAD included when GET is, in first-use order.
    public var methods: [HTTPMethod] {
        var methods: [HTTPMethod] = []
        for route in routes where !methods.contains(route.method) {
            methods.append(route.method)
            if route.method == .get && !methods.contains(.head) { methods.append(.head) }
        }
        return methods
    }

    private var routes: [Route] = []

    public init() {}

    /// Adds a route. Earlier routes win when two patterns match the same path.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ responder: any HTTPResponder) {
        let segments = Router.split(pattern).map { part -> Segment in
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
        routes.append(Route(method: method, segments: segments, responder: responder))
    }

    /// Adds a route answered by a closure.
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, _ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        add(method, pattern, ClosureResponder(body))
    }

    /// Finds the responder for `method` and the decoded `path`.
    public func match(_ method: HTTPMethod, path: String) -> Match {
        guard methods.contains(method) else { return .methodNotImplemented }
        let parts = Router.split(path)
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = Router.bind(route.segments, to: parts) else { continue }
            if route.method == method || (method == .head && route.method == .get) {
                return .found(route.responder, parameters: parameters)
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
            if route.method == .get && !allowed.contains(.head) { allowed.append(.head) }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }
    }

    private static func bind(_ segments: [Segment], to parts: [Substring]) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text): guard text == part else { return nil }
            case .parameter(let name): parameters[name] = String(part)
            }
        }
        return parameters
    }
}
