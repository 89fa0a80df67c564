import NewsIngest

/// One result of a search across articles and captions: where the query matched, with the
/// matching words marked.
///
/// JSON: `{"type": "article" | "caption", "articleId", "captionId": Int | null, "headline",
/// "publishedAt": "YYYY-MM-DD" | null, "field": "headline" | "paragraph" | "caption",
/// "position": Int | null, "highlights"}`.
public struct SearchHit: Hashable, Sendable, Codable {
    /// What was found.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An article whose headline and paragraphs together match the query.
        case article
        /// A photo caption that matches the query on its own.
        case caption
    }

    /// The kind of text a highlight comes from.
    public enum Field: String, Hashable, Sendable, Codable {
        case headline, paragraph, caption
    }

    public var type: Kind
    public var articleId: Int64
    /// The caption's id, for caption hits.
    @NullEncoded public var captionId: Int64?
    /// The article's headline, for both kinds, so a result list can show it.
    public var headline: String
    @NullEncoded public var publishedAt: CalendarDate?
    /// Where `highlights` comes from: for an article, its best-matching headline or paragraph.
    public var field: Field
    /// The 0-based paragraph or caption number; nil for the headline.
    @NullEncoded public var position: Int?
    /// An excerpt of that text of at most about 24 words, `…` where it is cut, the matching words in
    /// `<mark>` and `</mark>`. The rest is HTML-escaped (`&amp;`, `&lt;`, `&gt;`), so the string can be
    /// inserted as HTML as it is.
    public var highlights: String

    public init(
        type: Kind, articleId: Int64, captionId: Int64?, headline: String, publishedAt: CalendarDate?,
        field: Field, position: Int?, highlights: String
    ) {
        self.type = type
        self.articleId = articleId
        self.captionId = captionId
        self.headline = headline
        self.publishedAt = publishedAt
        self.field = field
        self.position = position
        self.highlights = highlights
    }
}
