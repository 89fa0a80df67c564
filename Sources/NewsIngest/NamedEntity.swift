/// A named entity found in a document, with every mention of it.
///
/// JSON: `{"name", "type", "mentions": N, "aliases": [EntityAlias], "spans": [MentionSpan]}`.
public struct NamedEntity: Hashable, Sendable, Codable {
    /// Canonical name: the fullest form, without a title ("Giuseppe Conte").
    public var name: String
    public var type: EntityType
    /// Number of mentions in the document, counting short forms ("Conte") and variants ("Hiftar").
    public var mentions: Int
    /// Each distinct surface form with its count, most used first (ties by text).
    public var aliases: [EntityAlias]
    /// Where each mention stands, in document order: headline, dateline, captions, paragraphs.
    public var spans: [MentionSpan]

    /// Creates an entity; without `spans`, `aliases` default to none and `mentions` is taken as given.
    public init(name: String, type: EntityType, mentions: Int, aliases: [EntityAlias] = [], spans: [MentionSpan] = []) {
        self.name = name
        self.type = type
        self.mentions = mentions
        self.aliases = aliases
        self.spans = spans
    }

    /// Creates an entity from its mentions: the count and the aliases follow from `spans`.
    init(name: String, type: EntityType, spans: [MentionSpan]) {
        var counts: [String: Int] = [:]
        for span in spans { counts[span.text, default: 0] += 1 }
        let aliases = counts.map { EntityAlias(text: $0.key, count: $0.value) }.sorted { lhs, rhs in
            lhs.count != rhs.count ? lhs.count > rhs.count : lhs.text < rhs.text
        }
        self.init(name: name, type: type, mentions: spans.count, aliases: aliases, spans: spans.sorted())
    }
}

/// One way a document writes an entity's name, and how often.
///
/// JSON: `{"text": "Hiftar", "count": 3}`.
public struct EntityAlias: Hashable, Sendable, Codable {
    /// The surface form as written, without title or possessive "'s" ("Hiftar", "U.N.", "NAIROBI").
    public var text: String
    public var count: Int

    public init(text: String, count: Int) {
        self.text = text
        self.count = count
    }
}
