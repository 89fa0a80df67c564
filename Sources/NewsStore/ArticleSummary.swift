internal import GRDB
import NewsIngest

/// One article in a listing.
///
/// JSON: `{"id", "headline", "publishedAt": "YYYY-MM-DD" | null, "dateline": String | null, "captionCount"}`.
public struct ArticleSummary: Hashable, Sendable, Codable {
    public var id: Int64
    public var headline: String
    /// Publication day; nil when unknown.
    @NullEncoded public var publishedAt: CalendarDate?
    @NullEncoded public var dateline: String?
    /// Number of photo captions stored for the article.
    public var captionCount: Int

    public init(id: Int64, headline: String, publishedAt: CalendarDate?, dateline: String?, captionCount: Int) {
        self.id = id
        self.headline = headline
        self.publishedAt = publishedAt
        self.dateline = dateline
        self.captionCount = captionCount
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
