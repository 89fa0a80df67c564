internal import GRDB
import NewsIngest

/// The listings: filtered, sorted and read a page at a time with keyset pagination.
///
/// Each page is read in one read transaction, so its items and its `total` agree. A walk (the first
/// page, then each `next`) meets every item that existed when it started exactly once, however
/// many articles are stored meanwhile: date and name orders sort by values that never change, and
/// the orders by counts or relevance count only the articles up to a watermark fixed on the first
/// page (see ``Watermark``). Articles stored during a walk show up in it when they sort after the
/// page being read, in the date and name orders only.
///
/// `limit` is the page size; a negative one counts as 0.
extension NewsStore {
    /// A page of articles.
    ///
    /// - Parameter key: the previous page's ``Page/next``; nil for the first page.
    /// - Throws: ``ListingError/invalidPageKey`` for a key from another listing or order;
    ///   ``ListingError/relevanceWithoutQuery`` for `.relevance` without `filter.search`; `DatabaseError`.
    public func articles(_ filter: ArticleFilter = ArticleFilter(), order: ArticleOrder = .newestFirst,
                         limit: Int = 20, after key: PageKey? = nil) throws -> ArticlePage {
        try pool.read { db in
            try ArticleListing(db: db, totals: searchTotals).page(filter, order: order, limit: max(0, limit), after: key)
        }
    }

    /// The full articles with these ids, in the order given; ids with no article are left out.
    ///
    /// - Throws: `DatabaseError`; ``NewsStoreError/corruptValue(column:value:)``.
    public func articles(ids: [Int64]) throws -> [ArticleDetail] {
        try pool.read { db in
            let reader = ArticleReader(db: db)
            return try ids.compactMap { try reader.article(id: $0) }
        }
    }

    /// A page of search hits, articles and captions ranked together, best first (see ``SearchHit``).
    ///
    /// - Throws: ``ListingError/invalidPageKey``; `DatabaseError`.
    public func search(_ query: SearchQuery, limit: Int = 20, after key: PageKey? = nil) throws -> Page<SearchHit> {
        try pool.read { db in
            try SearchReader(db: db).page(query, limit: max(0, limit), after: key)
        }
    }

    /// A page of the entities some article mentions.
    ///
    /// - Parameters:
    ///   - prefix: only entities whose name or an alias (a mention's text) begins with it, ignoring
    ///     the case of ASCII letters: "hif" finds Khalifa Hifter through the alias "Hifter".
    ///   - type: only entities of this type.
    /// - Throws: ``ListingError/invalidPageKey``; `DatabaseError`.
    public func entities(prefix: String? = nil, type: EntityType? = nil, order: EntityOrder = .mostMentioned,
                         limit: Int = 100, after key: PageKey? = nil) throws -> Page<EntitySummary> {
        try pool.read { db in
            try EntityListing(db: db).page(prefix: prefix, type: type, order: order, limit: max(0, limit), after: key)
        }
    }

    /// A page of the entities mentioned in the same articles as entity `id`, most shared articles
    /// first, ties by id; nil when no article mentions entity `id`.
    ///
    /// - Throws: ``ListingError/invalidPageKey``; `DatabaseError`.
    public func relatedEntities(to id: Int64, limit: Int = 20, after key: PageKey? = nil) throws -> Page<RelatedEntity>? {
        try pool.read { db in
            try EntityListing(db: db).related(to: id, limit: max(0, limit), after: key)
        }
    }

    /// True when some article mentions entity `id`: the entities the API knows.
    ///
    /// - Throws: `DatabaseError`.
    public func isMentioned(entity id: Int64) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?)"),
                              arguments: [id]) ?? false
        }
    }

    /// A page of photo captions, by article newest first (undated last), then in document order,
    /// each with the entities mentioned in it.
    ///
    /// - Throws: ``ListingError/invalidPageKey``; `DatabaseError`.
    public func captions(_ filter: CaptionFilter = CaptionFilter(), limit: Int = 100, after key: PageKey? = nil) throws -> Page<CaptionRecord> {
        try pool.read { db in
            try CaptionListing(db: db).page(filter, limit: max(0, limit), after: key)
        }
    }
}
