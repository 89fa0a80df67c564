/// What ``ArticleParser`` extracts from one news document.
///
/// Encodes to JSON with the property names below; dates as `YYYY-MM-DD`.
public struct ParsedArticle: Hashable, Sendable, Codable {
    /// The title line, whole (never cut at a colon, hyphen or dash).
    public var headline: String
    /// Publication day: an explicit date line, else the lead caption's date; nil when unknown.
    public var publishedAt: CalendarDate?
    /// The leading place of the first paragraph ("NAIROBI", "SANTIAGO, Chile"), removed from that paragraph.
    public var dateline: String?
    /// Author names from a `By ...` line, e.g. "Abby Smith and Lee Park".
    public var byline: String?
    /// Body paragraphs in document order: no captions, byline or site chrome.
    public var paragraphs: [String]
    /// Photo captions in document order, each kept once.
    public var captions: [Caption]
    /// Named entities, each once, most mentioned first (ties by name).
    public var entities: [NamedEntity]
    /// The document's decoding warnings (``NewsDocument/warnings``), e.g. a Windows-1252 fallback.
    public var warnings: [String]

    /// Creates an article from its parts; `warnings` defaults to none.
    public init(
        headline: String, publishedAt: CalendarDate?, dateline: String?, byline: String?,
        paragraphs: [String], captions: [Caption], entities: [NamedEntity], warnings: [String] = []
    ) {
        self.headline = headline
        self.publishedAt = publishedAt
        self.dateline = dateline
        self.byline = byline
        self.paragraphs = paragraphs
        self.captions = captions
        self.entities = entities
        self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey {
        case headline, publishedAt, dateline, byline, paragraphs, captions, entities, warnings
    }

    /// Decodes an article; JSON written before `warnings` existed decodes with no warnings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        headline = try container.decode(String.self, forKey: .headline)
        publishedAt = try container.decodeIfPresent(CalendarDate.self, forKey: .publishedAt)
        dateline = try container.decodeIfPresent(String.self, forKey: .dateline)
        byline = try container.decodeIfPresent(String.self, forKey: .byline)
        paragraphs = try container.decode([String].self, forKey: .paragraphs)
        captions = try container.decode([Caption].self, forKey: .captions)
        entities = try container.decode([NamedEntity].self, forKey: .entities)
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }
}
