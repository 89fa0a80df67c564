import NewsIngest

/// Which articles a listing holds; every condition set must hold, an empty filter holds them all.
public struct ArticleFilter: Hashable, Sendable {
    /// Articles whose headline, paragraphs and captions together match the query: each clause
    /// somewhere in the article, no exclusion anywhere in it.
    public var search: SearchQuery?
    /// Articles that mention every one of these entities.
    public var entityIDs: [Int64]
    /// Articles that mention an entity with this name or alias (a mention's text), compared
    /// case-insensitively for ASCII letters; with ``entityType``, an entity of that type.
    public var entityName: String?
    /// Articles that mention an entity of this type (the one named ``entityName`` when set).
    public var entityType: EntityType?
    /// Published on or after this day; undated articles are left out when set.
    public var from: CalendarDate?
    /// Published on or before this day; undated articles are left out when set.
    public var to: CalendarDate?
    /// Articles with at least one photo caption (true) or none (false).
    public var hasCaptions: Bool?

    public init(
        search: SearchQuery? = nil, entityIDs: [Int64] = [], entityName: String? = nil, entityType: EntityType? = nil,
        from: CalendarDate? = nil, to: CalendarDate? = nil, hasCaptions: Bool? = nil
    ) {
        self.search = search
        self.entityIDs = entityIDs
        self.entityName = entityName
        self.entityType = entityType
        self.from = from
        self.to = to
        self.hasCaptions = hasCaptions
    }
}
