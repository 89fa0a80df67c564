/// What became of a write made on a condition about the stored record.
public enum ConditionalWrite: Sendable, Equatable {
    /// The condition held and the write was made.
    case done
    /// No record has this id.
    case notFound
    /// The record exists, the condition did not hold, and nothing was changed.
    case preconditionFailed
}
