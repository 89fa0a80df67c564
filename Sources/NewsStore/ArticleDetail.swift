import NewsIngest

/// Everything stored about one article.
///
/// JSON: `{"id", "headline", "publishedAt", "dateline", "byline", "paragraphs": [String],
/// "captions": [Caption], "entities": [Entity], "sha256", "createdAt"}`; absent values are null.
public struct ArticleDetail: Hashable, Sendable, Codable {
    public var id: Int64
    public var headline: String
    @NullEncoded public var publishedAt: CalendarDate?
    @NullEncoded public var dateline: String?
    @NullEncoded public var byline: String?
    /// Body paragraphs in document order.
    public var paragraphs: [String]
    /// Photo captions in document order.
    public var captions: [Caption]
    /// Entities mentioned, most mentioned first, ties by name.
    public var entities: [Entity]
    /// Lower-case hex SHA-256 of the stored normalised document text.
    public var sha256: String
    /// When the article was stored: ISO 8601 UTC to the second, e.g. `2026-11-29T08:20:00Z`.
    public var createdAt: String

    public init(
        id: Int64, headline: String, publishedAt: CalendarDate?, dateline: String?, byline: String?,
        paragraphs: [String], captions: [Caption], entities: [Entity], sha256: String, createdAt: String
    ) {
        self.id = id
        self.headline = headline
        self.publishedAt = publishedAt
        self.dateline = dateline
        self.byline = byline
        self.paragraphs = paragraphs
        self.captions = captions
        self.entities = entities
        self.sha256 = sha256
        self.createdAt = createdAt
    }
}

extension ArticleDetail {
    /// A photo caption of the article.
    ///
    /// JSON: `{"id", "text", "isFilePhoto", "date": "YYYY-MM-DD" | null, "place": String | null, "credit": String | null}`.
    public struct Caption: Hashable, Sendable, Codable {
        public var id: Int64
        public var text: String
        /// True for archive photos (`FILE - ` prefix).
        public var isFilePhoto: Bool
        /// The day the photo was taken, when the caption says.
        @NullEncoded public var date: CalendarDate?
        /// Where the photo was taken, when the caption says.
        @NullEncoded public var place: String?
        /// The photo credit ("AP Photo/Jane Doe"), when the caption has one.
        @NullEncoded public var credit: String?

        public init(id: Int64, text: String, isFilePhoto: Bool, date: CalendarDate?, place: String?, credit: String? = nil) {
            self.id = id
            self.text = text
            self.isFilePhoto = isFilePhoto
            self.date = date
            self.place = place
            self.credit = credit
        }
    }

    /// An entity mentioned in the article.
    ///
    /// JSON: `{"id", "name", "type": "PERSON" | "GPE" | "LOC" | "ORG" | "NORP", "mentions", "spans": [MentionSpan]}`.
    public struct Entity: Hashable, Sendable, Codable {
        /// The entity's id, shared by every article that mentions it.
        public var id: Int64
        public var name: String
        public var type: EntityType
        /// Mentions in this article.
        public var mentions: Int
        /// Where each mention stands, in reading order; empty for articles stored by a parser older
        /// than version 2 until `newsapi reparse` reads them again.
        public var spans: [MentionSpan]

        public init(id: Int64, name: String, type: EntityType, mentions: Int, spans: [MentionSpan] = []) {
            self.id = id
            self.name = name
            self.type = type
            self.mentions = mentions
            self.spans = spans
        }
    }
}
