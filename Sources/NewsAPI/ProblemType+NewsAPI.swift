import HTTPServer

/// The API's own kinds of problem, beside the HTTP layer's (``ProblemType``).
extension ProblemType {
    /// 400: a query or path parameter is not what the route accepts; `parameter` names it.
    static let invalidParameter = ProblemType(name: "invalid-parameter")
    /// 400: a search query (`q`) with nothing to search for, such as only exclusions; `parameter` is `q`.
    static let invalidQuery = ProblemType(name: "invalid-query")
    /// 415: a request body in a media type or charset the route does not take.
    static let unsupportedMediaType = ProblemType(name: "unsupported-media-type")
    /// 422: the body is not a news document (empty, binary, no headline, too large).
    static let invalidDocument = ProblemType(name: "invalid-document")
    /// 422: a batch upload with items that are not documents; `errors` lists them.
    static let invalidBatch = ProblemType(name: "invalid-batch")
}
