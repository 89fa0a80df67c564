import NewsIngest

/// An entity with its totals and the articles that mention it.
///
/// JSON: the ``EntitySummary`` keys plus `"aliases": [{"text", "count"}]` and `"articles": [ArticleSummary]`, newest first.
public struct EntityDetail: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    /// Number of articles that mention the entity.
    public var articleCount: Int
    /// Mentions summed over those articles.
    public var mentionCount: Int
    /// Every surface form the entity was mentioned by, across all articles, most used first (ties by text).
    public var aliases: [EntityAlias]
    /// The articles that mention the entity, newest first.
    public var articles: [ArticleSummary]

    public init(summary: EntitySummary, aliases: [EntityAlias], articles: [ArticleSummary]) {
        self.id = summary.id
        self.name = summary.name
        self.type = summary.type
        self.articleCount = summary.articleCount
        self.mentionCount = summary.mentionCount
        self.aliases = aliases
        self.articles = articles
    }

    /// The entity without its article list.
    public var summary: EntitySummary {
        EntitySummary(id: id, name: name, type: type, articleCount: articleCount, mentionCount: mentionCount)
    }
}
