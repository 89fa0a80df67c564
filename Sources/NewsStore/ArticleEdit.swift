import NewsIngest

/// Changes to an article's own fields, the way a JSON merge patch (RFC 7396) states them: a field
/// left nil stays as it is; for the optional fields, `.some(nil)` removes the value.
///
/// Edited fields are kept by a later `newsapi reparse`, which still replaces the paragraphs,
/// captions and mentions.
public struct ArticleEdit: Hashable, Sendable {
    /// The new headline; never empty.
    public var headline: String?
    /// The publication day; `.some(nil)` removes it.
    public var publishedAt: CalendarDate??
    /// The dateline ("PALERMO, Italy"); `.some(nil)` removes it.
    public var dateline: String??
    /// The byline ("By Jane Roe"); `.some(nil)` removes it.
    public var byline: String??

    public init(headline: String? = nil, publishedAt: CalendarDate?? = nil, dateline: String?? = nil, byline: String?? = nil) {
        self.headline = headline
        self.publishedAt = publishedAt
        self.dateline = dateline
        self.byline = byline
    }

    /// The columns to set and their values, in a fixed order.
    var assignments: [(column: String, value: String?)] {
        var result: [(String, String?)] = []
        if let headline { result.append(("headline", headline)) }
        if let publishedAt { result.append(("published_at", publishedAt?.description)) }
        if let dateline { result.append(("dateline", dateline)) }
        if let byline { result.append(("byline", byline)) }
        return result
    }
}
