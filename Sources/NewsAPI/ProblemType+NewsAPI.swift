import HTTPServer

/// The API's own kinds of problem, beside the HTTP layer's (``ProblemType``).
extension ProblemType {
    /// 400: a query or path parameter is not what the route accepts; `parameter` names it.
    static let invalidParameter = ProblemType(name: "invalid-parameter")
    /// 400: a search query (`q`) with nothing to search for, such as only exclusions; `parameter` is `q`.
    static let invalidQuery = ProblemType(name: "invalid-query")
    /// 422: the body is not a news document (empty, binary, no headline, too large).
    static let invalidDocument = ProblemType(name: "invalid-document")
    /// 422: a batch upload with items that are not documents; `errors` lists them.
    static let invalidBatch = ProblemType(name: "invalid-batch")
    /// 400: the body is not well-formed JSON (RFC 8259), or a JSON array batch is broken; nothing was changed.
    static let invalidJSON = ProblemType(name: "invalid-json")
    /// 422: a merge patch (RFC 7396) with a member the resource does not have or cannot take, or a
    /// value of the wrong type; `member` names it.
    static let invalidPatch = ProblemType(name: "invalid-patch")
    /// 422: an entity merge whose body names no entity to merge into, a missing one, or the entity itself.
    static let invalidMerge = ProblemType(name: "invalid-merge")
    /// 409: the change would give an entity the name and type of another; `conflictingEntity` is its id.
    static let conflict = ProblemType(name: "conflict")
    /// 400: the upload stopped before its body was complete; nothing that needed all of it was stored.
    static let incompleteBody = ProblemType(name: "incomplete-body")
    /// 401: a write without the API key as a bearer token (RFC 6750 §3); `WWW-Authenticate` says how.
    static let unauthorized = ProblemType(name: "unauthorized")
    /// 403: writes are refused because the server listens beyond this machine without an API key.
    static let forbidden = ProblemType(name: "forbidden")
}
