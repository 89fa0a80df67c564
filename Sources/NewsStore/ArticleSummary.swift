internal import GRDB
import NewsIngest

/// One article in a listing.
///
/// JSON: `{"id", "headline", "publishedAt": "YYYY-MM-DD" | null, "dateline": String | null, "captionCount"}`.
public struct ArticleSummary: Hashable, Sendable, Codable {
    public var id: Int64
    public var headline: String
    /// Publication day; nil when unknown.
    public var publishedAt: CalendarDate?
    public var dateline: String?
    /// Number of photo captions stored for the article.
    public var captionCount: Int

    public init(id: Int64, headline: String, publishedAt: CalendarDate?, dateline: String?, captionCount: Int) {
        self.id = id
        self.headline = headline
        self.publishedAt = publishedAt
        self.dateline = dateline
        self.captionCount = captionCount
    }

    enum CodingKeys: String, CodingKey {
        case id, headline, publishedAt, dateline, captionCount
    }

    // Written out so that nil values encode as JSON null instead of being left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(headline, forKey: .headline)
        try container.encode(publishedAt, forKey: .publishedAt)
        try container.encode(dateline, forKey: .dateline)
        try container.encode(captionCount, forKey: .captionCount)
    }
}

extension ArticleSummary {
    /// Columns read by ``init(row:)``, over `articles AS a`, newest first order applied by the caller.
    static let selection = """
        a.id, a.headline, a.published_at, a.dateline,
        (SELECT COUNT(*) FROM captions c WHERE c.article_id = a.id) AS caption_count
        """

    /// Newest first: undated articles last, ties by highest id (most recently stored).
    static let newestFirst = "a.published_at DESC NULLS LAST, a.id DESC"

    init(row: Row) throws {
        self.init(
            id: row["id"],
            headline: row["headline"],
            publishedAt: try StoredValue.date(row, "published_at"),
            dateline: row["dateline"],
            captionCount: row["caption_count"]
        )
    }
}
