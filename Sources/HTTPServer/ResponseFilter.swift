/// A step every response takes between its producer and the wire.
///
/// The server runs its filters, in order, on every response it sends: a route's answer,
/// its own refusals (404, 405, 501, 417, `OPTIONS`) and the problems it answers unreadable
/// requests with. So behaviour that HTTP asks of every response (validators, content coding,
/// CORS) lives in one place and needs no code in the routes, including routes added later.
///
/// A route's answer is filtered together with its handler, within the handler limit, so a filter
/// may spend CPU (hashing, compressing); the server's own answers are small.
public protocol ResponseFilter: Sendable {
    /// Returns `response`, changed or replaced as this filter requires.
    ///
    /// - Parameter request: the request answered, with its body when a route read it (empty for
    ///   refusals); nil when the request could not be read far enough to have a head (a parse
    ///   error or a timeout before the header section ended).
    func filter(_ response: HTTPResponse, for request: HTTPRequest?) -> HTTPResponse
}

extension Array where Element == any ResponseFilter {
    /// `response` after every filter, first to last.
    func apply(to response: HTTPResponse, for request: HTTPRequest?) -> HTTPResponse {
        reduce(response) { response, filter in filter.filter(response, for: request) }
    }
}
