internal import GRDB
import NewsIngest

/// A stored photo caption with the article it belongs to, for the caption listing.
///
/// JSON: `{"id", "articleId", "text", "isFilePhoto", "date": "YYYY-MM-DD" | null, "place": String | null, "credit": String | null,
/// "entities": [{"id", "name", "type"}]}`.
public struct CaptionRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var articleId: Int64
    public var text: String
    /// True for archive photos (`FILE - ` prefix).
    public var isFilePhoto: Bool
    /// The day the photo was taken, when the caption says.
    @NullEncoded public var date: CalendarDate?
    /// Where the photo was taken, when the caption says.
    @NullEncoded public var place: String?
    /// The photo credit ("AP Photo/Jane Doe"), when the caption has one.
    @NullEncoded public var credit: String?
    /// The entities mentioned in the caption's text, in order of first mention; empty for articles
    /// stored by a parser older than version 2 until `newsapi reparse` reads them again.
    public var entities: [Entity]

    /// An entity mentioned in a caption.
    ///
    /// JSON: `{"id", "name", "type"}`.
    public struct Entity: Hashable, Sendable, Codable {
        public var id: Int64
        public var name: String
        public var type: EntityType

        public init(id: Int64, name: String, type: EntityType) {
            self.id = id
            self.name = name
            self.type = type
        }
    }

    public init(
        id: Int64, articleId: Int64, text: String, isFilePhoto: Bool, date: CalendarDate?, place: String?, credit: String? = nil,
        entities: [Entity] = []
    ) {
        self.id = id
        self.articleId = articleId
        self.text = text
        self.isFilePhoto = isFilePhoto
        self.date = date
        self.place = place
        self.credit = credit
        self.entities = entities
    }
}

extension CaptionRecord {
    /// Columns read by ``init(row:)``, over `captions AS c`.
    static let selection = "c.id, c.article_id, c.position, c.text, c.is_file_photo, c.date, c.place, c.credit"

    /// A caption without its entities, which are read separately.
    init(row: Row) throws {
        self.init(
            id: row["id"],
            articleId: row["article_id"],
            text: row["text"],
            isFilePhoto: row["is_file_photo"],
            date: try StoredValue.date(row, "date"),
            place: row["place"],
            credit: row["credit"]
        )
    }
}
