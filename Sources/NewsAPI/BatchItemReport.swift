/// What became of one batch item, as the batch routes report it.
///
/// JSON: `{"index", "line", "status": "created" | "existing" | "rejected", "id"?, "reason"?}`: `id`
/// for a stored item, `reason` for a rejected one.
struct BatchItemReport: Encodable, Sendable {
    /// 0-based among the items (blank NDJSON lines are not items).
    let index: Int
    /// 1-based line of the body on which the item starts (blank lines counted).
    let line: Int
    let status: Status
    let id: Int64?
    let reason: String?

    enum Status: String, Encodable, Sendable {
        case created
        case existing
        case rejected
    }

    static func stored(index: Int, line: Int, created: Bool, id: Int64) -> BatchItemReport {
        BatchItemReport(index: index, line: line, status: created ? .created : .existing, id: id, reason: nil)
    }

    static func rejected(index: Int, line: Int, reason: String) -> BatchItemReport {
        BatchItemReport(index: index, line: line, status: .rejected, id: nil, reason: reason)
    }

}

/// A rejected item in the 422 problem of an all-or-nothing batch: `{"index", "line", "reason"}`.
struct BatchFailure: Encodable, Sendable {
    let index: Int
    let line: Int
    let reason: String
}
