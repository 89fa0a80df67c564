/// Why a listing could not be read as asked. Database failures are thrown as GRDB's `DatabaseError`.
public enum ListingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The page key does not have the shape of this listing's sort key (a key from another listing,
    /// or one that was altered).
    case invalidPageKey
    /// Relevance order needs a search query to be relevant to.
    case relevanceWithoutQuery
    /// SQLite refused a full-text query. ``SearchQuery`` only builds valid FTS5 expressions, so this
    /// is a defect rather than a bad request; `message` is SQLite's.
    case unsearchable(message: String)

    public var description: String {
        switch self {
        case .invalidPageKey: "the page key does not belong to this listing"
        case .relevanceWithoutQuery: "relevance order needs a search query"
        case .unsearchable(let message): "the full-text index refused the query: \(message)"
        }
    }
}
