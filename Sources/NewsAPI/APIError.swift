import HTTPServer

/// An error a route answers with instead of its resource, as an RFC 9457 problem.
struct APIError: Error {
    let problem: ProblemDetails
    /// Header fields to send with the problem (`Accept-Patch` with a 415, say).
    var fields = HTTPFields()

    /// - Parameter type: the kind of problem; by default the HTTP layer's kind for `status`.
    init(_ status: HTTPStatus, _ detail: String, type: ProblemType? = nil, extensions: [String: ProblemDetails.JSONFragment] = [:]) {
        problem = ProblemDetails(status: status, detail: detail, type: type, extensions: extensions)
    }

    /// 400 for a query or path parameter that is not what the route accepts.
    static func invalidParameter(_ name: String, _ expectation: String) -> APIError {
        APIError(.badRequest, "the parameter `\(name)` must be \(expectation)", type: .invalidParameter,
                 extensions: ["parameter": ProblemDetails.JSONFragment(name)])
    }

    static func notFound(_ what: String) -> APIError {
        APIError(.notFound, "no \(what)")
    }

    /// The problem as a response.
    var response: HTTPResponse { problem.response(fields: fields) }
}
