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

    private enum CodingKeys: String, CodingKey {
        case index, line, status, id, reason
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(line, forKey: .line)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}

/// A rejected item in the 422 problem of an all-or-nothing batch: `{"index", "line", "reason"}`.
struct BatchFailure: Encodable, Sendable {
    let index: Int
    let line: Int
    let reason: String
}
