internal import GRDB
import NewsIngest

/// An entity with its totals over all stored articles.
///
/// JSON: `{"id", "name", "type", "articleCount", "mentionCount"}`.
public struct EntitySummary: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    /// Number of articles that mention the entity.
    public var articleCount: Int
    /// Mentions summed over those articles.
    public var mentionCount: Int

    public init(id: Int64, name: String, type: EntityType, articleCount: Int, mentionCount: Int) {
        self.id = id
        self.name = name
        self.type = type
        self.articleCount = articleCount
        self.mentionCount = mentionCount
    }
}

extension EntitySummary {
    /// Columns read by ``init(row:)``, over `entities AS e JOIN mentions AS m ... GROUP BY e.id`.
    static let selection = """
        e.id, e.name, e.type, COUNT(*) AS article_count, SUM(m.count) AS mention_count
        """

    /// Most mentioned first; name then id make the order total.
    static let mostMentionedFirst = "mention_count DESC, e.name, e.id"

    init(row: Row) throws {
        self.init(
            id: row["id"],
            name: row["name"],
            type: try StoredValue.entityType(row, "type"),
            articleCount: row["article_count"],
            mentionCount: row["mention_count"]
        )
    }
}
