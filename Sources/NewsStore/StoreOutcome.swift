/// What ``NewsStore/store(_:_:)`` did with one document.
public enum StoreOutcome: Hashable, Sendable {
    /// The document was new; its article was inserted with this id.
    case created(Int64)
    /// A document with the same normalised text was already stored under this id; nothing was written.
    case existing(Int64)

    /// The article id, whether just created or already stored.
    public var id: Int64 {
        switch self {
        case .created(let id), .existing(let id): id
        }
    }

    /// True when this call inserted the article.
    public var isCreated: Bool {
        if case .created = self { return true }
        return false
    }
}
