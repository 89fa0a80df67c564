/// Where one mention of an entity stands in a parsed article.
///
/// Offsets count UTF-16 code units from the start of the text the mention is in (the headline, the
/// dateline, one caption's `text` or one paragraph), end exclusive: what JavaScript's
/// `String.prototype.slice` takes, so a frontend can highlight the mention directly.
///
/// JSON: `{"section": "headline" | "dateline" | "caption" | "paragraph", "index": N | null, "start", "end", "text", "role" | null}`.
public struct MentionSpan: Hashable, Sendable, Codable, Comparable {
    /// The part of the article that holds the mention.
    public enum Section: String, Hashable, Sendable, Codable, CaseIterable {
        case headline, dateline, caption, paragraph

        /// Reading order of the sections, which ``MentionSpan`` sorts by.
        var order: Int {
            switch self {
            case .headline: 0
            case .dateline: 1
            case .caption: 2
            case .paragraph: 3
            }
        }
    }

    public var section: Section
    /// 0-based caption or paragraph number (into ``ParsedArticle/captions`` or ``ParsedArticle/paragraphs``); nil for the headline and the dateline.
    @NullEncoded public var index: Int?
    /// First UTF-16 code unit of the mention.
    public var start: Int
    /// UTF-16 code unit just past the mention.
    public var end: Int
    /// The mention as written ("Hiftar", "U.N."), which is `text[start..<end]` of its section.
    public var text: String
    /// The title that introduces the mention, as written ("Premier", "Gen.", "Foreign Minister", "spokesman"); nil when none.
    @NullEncoded public var role: String?

    public init(section: Section, index: Int?, start: Int, end: Int, text: String, role: String? = nil) {
        self.section = section
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.role = role
    }

    /// Document order: section, then number, then offset.
    public static func < (lhs: MentionSpan, rhs: MentionSpan) -> Bool {
        if lhs.section != rhs.section { return lhs.section.order < rhs.section.order }
        if lhs.index != rhs.index { return (lhs.index ?? -1) < (rhs.index ?? -1) }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}
