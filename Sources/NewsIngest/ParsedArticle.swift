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

/// A photo caption as printed under a news photo.
public struct Caption: Hashable, Sendable, Codable {
    /// The caption text as written, including any `FILE - ` prefix.
    public var text: String
    /// True for archive photos, which AP marks with a leading `FILE - `.
    public var isFilePhoto: Bool
    /// The day the photo was taken, from a trailing "Place, Mon. D, YYYY." when present.
    public var date: CalendarDate?
    /// The place the photo was taken, from the same trailing phrase ("Amman, Jordan").
    public var place: String?

    public init(text: String, isFilePhoto: Bool, date: CalendarDate?, place: String?) {
        self.text = text
        self.isFilePhoto = isFilePhoto
        self.date = date
        self.place = place
    }
}

/// A named entity found in a document, with how often it is mentioned there.
public struct NamedEntity: Hashable, Sendable, Codable {
    /// Canonical name: the fullest form, without a title ("Giuseppe Conte").
    public var name: String
    public var type: EntityType
    /// Number of mentions in the document, counting short forms ("Conte").
    public var mentions: Int

    public init(name: String, type: EntityType, mentions: Int) {
        self.name = name
        self.type = type
        self.mentions = mentions
    }
}

/// Entity types, named by their OntoNotes 5.0 labels.
public enum EntityType: String, Hashable, Sendable, Codable, CaseIterable {
    /// People, including fictional.
    case person = "PERSON"
    /// Geopolitical entities: countries, cities, states.
    case gpe = "GPE"
    /// Non-GPE locations: regions, bodies of water, continents, mountain ranges.
    case loc = "LOC"
    /// Organisations: companies, agencies, institutions, armed groups.
    case org = "ORG"
    /// Nationalities, religious or political groups ("Italian", "Islamist").
    case norp = "NORP"
}
