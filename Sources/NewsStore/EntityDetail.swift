import NewsIngest

/// An entity with its totals, its aliases and its newest articles.
///
/// The API shows it as the ``EntitySummary`` keys plus `"aliases": [{"text", "count"}]` and
/// `"articles"`, the first page of the entity's articles with a link to the rest.
public struct EntityDetail: Hashable, Sendable {
    /// The most articles ``articles`` holds: the rest are a listing of their own
    /// (``NewsStore/articles(_:order:limit:after:)`` with the entity as filter), since the most
    /// mentioned entities appear in tens of thousands.
    public static let articleLimit = 10

    public var id: Int64
    public var name: String
    public var type: EntityType
    /// Number of articles that mention the entity.
    public var articleCount: Int
    /// Mentions summed over those articles.
    public var mentionCount: Int
    /// Every surface form the entity was mentioned by, across all articles, most used first (ties by text).
    public var aliases: [EntityAlias]
    /// The newest ``articleLimit`` articles that mention the entity: the first page of its article
    /// listing, newest first, whose `next` continues it and whose `total` is ``articleCount``.
    public var articles: ArticlePage

    public init(summary: EntitySummary, aliases: [EntityAlias], articles: ArticlePage) {
        self.id = summary.id
        self.name = summary.name
        self.type = summary.type
        self.articleCount = summary.articleCount
        self.mentionCount = summary.mentionCount
        self.aliases = aliases
        self.articles = articles
    }

    /// The entity without its aliases and articles.
    public var summary: EntitySummary {
        EntitySummary(id: id, name: name, type: type, articleCount: articleCount, mentionCount: mentionCount)
    }
}
