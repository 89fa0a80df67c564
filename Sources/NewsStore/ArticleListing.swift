internal import GRDB

/// Reads pages of the article listing, filtered, in date or relevance order, inside a read
/// transaction the caller owns (so a page and its total agree).
struct ArticleListing {
    let db: Database
    /// Where search totals are kept between requests; nil to count every time.
    var totals: SearchTotals? = nil

    /// One page after `key` (from the start when nil).
    ///
    /// - Throws: ``ListingError/invalidPageKey`` for a key of another shape;
    ///   ``ListingError/relevanceWithoutQuery``; `DatabaseError`.
    func page(_ filter: ArticleFilter, order: ArticleOrder, limit: Int, after key: PageKey?) throws -> Page<ArticleSummary> {
        try SearchIndex.translatingErrors {
            let indexed = filter.search == nil ? true : try ArticleSearchIndex.isCurrent(db)
            switch order {
            case .newestFirst, .oldestFirst:
                let newestFirst = order == .newestFirst
                if let source = KeyedSource(filter, articleIndexIsCurrent: indexed) {
                    return try keyedPage(source, newestFirst: newestFirst, limit: limit, after: key)
                }
                let conditions = Self.conditions(filter, articleIndexIsCurrent: indexed)
                let total = conditions.isEmpty
                    ? try Self.articleCount(in: db)
                    : try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT COUNT(*) FROM articles a WHERE \(Self.all(conditions))")) ?? 0
                return try datePage(conditions, newestFirst: newestFirst, limit: limit, after: key, total: total)
            case .relevance:
                guard let search = filter.search else { throw ListingError.relevanceWithoutQuery }
                return try relevancePage(filter, search: search, articleIndexIsCurrent: indexed, limit: limit, after: key)
            }
        }
    }

    /// The number of articles, kept by the triggers of migration 0006 rather than counted.
    static func articleCount(in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count FROM article_count WHERE id = 1")) ?? 0
    }

    /// A listing that one index yields in newest-first order, as ascending ``ArticleSortKey``s: a
    /// search alone (`article_search`, whose rowids are sort keys) or one entity alone
    /// (`entity_articles`), either with `from` and `to`, which are a range of keys. A page is then
    /// the keys after the cursor's, read from the index until the page is full, whatever the
    /// number of matches; other filters go through ``datePage``.
    private struct KeyedSource {
        /// `SELECT <key> FROM <table> WHERE <condition>`, without the key bounds.
        let table: SQL
        let key: String
        let condition: SQL
        /// The counted total when no date bounds apply, when the store keeps it (an entity's articles).
        let keptTotal: SQL?
        let range: (lower: Int64, upper: Int64)?
        /// What identifies the total of a search among those ``SearchTotals`` keeps; nil for an entity.
        let searchTotalKey: String?

        init?(_ filter: ArticleFilter, articleIndexIsCurrent: Bool) {
            let range = ArticleSortKey.range(from: filter.from, to: filter.to)
            guard filter.entityName == nil, filter.entityType == nil, filter.hasCaptions == nil else { return nil }
            if let search = filter.search, filter.entityIDs.isEmpty, articleIndexIsCurrent {
                let expression = SearchIndex.expression(search.expression, in: Set(SearchIndex.Field.allCases))
                table = "article_search"
                key = "rowid"
                condition = "article_search MATCH \(expression)"
                keptTotal = nil
                searchTotalKey = range.map { "\($0.lower) \($0.upper) \(expression)" } ?? expression
            } else if filter.search == nil, filter.entityIDs.count == 1, let entity = filter.entityIDs.first {
                table = "entity_articles"
                key = "sort_key"
                condition = "entity_id = \(entity)"
                keptTotal = "SELECT article_count FROM entity_counts WHERE entity_id = \(entity)"
                searchTotalKey = nil
            } else {
                return nil
            }
            self.range = range
        }
    }

    /// A page of a ``KeyedSource``: newest first, the keys after the cursor's ascending; oldest
    /// first, the dated keys before the cursor's descending, then the undated ones descending (undated
    /// articles come last in both orders, ties by highest id newest first and lowest oldest first).
    private func keyedPage(_ source: KeyedSource, newestFirst: Bool, limit: Int, after key: PageKey?) throws -> Page<ArticleSummary> {
        let keyset = DateKeyset(newestFirst: newestFirst, within: nil)
        let position = try key.map(keyset.position)
        let after = position.map(ArticleSortKey.key)
        let bounds = source.range ?? (Int64.min, Int64.max)
        // Segments of keys to read, in order: (lowest, highest, descending).
        var segments: [(lower: Int64, upper: Int64, descending: Bool)] = []
        if newestFirst {
            segments.append((after.map { max(bounds.lower, $0 + 1) } ?? bounds.lower, bounds.upper, false))
        } else {
            let undatedPosition = after.map { $0 >= ArticleSortKey.firstUndated } ?? false
            if !undatedPosition {
                segments.append((bounds.lower, min(bounds.upper, ArticleSortKey.firstUndated - 1, after.map { $0 - 1 } ?? Int64.max), true))
            }
            if source.range == nil {
                segments.append((ArticleSortKey.firstUndated, after.map { undatedPosition ? $0 - 1 : Int64.max } ?? Int64.max, true))
            }
        }
        var keys: [Int64] = []
        for segment in segments where keys.count <= limit && segment.lower <= segment.upper {
            // Bounds as two plain comparisons: FTS5 and SQLite's planner each take one bound per side.
            keys += try Int64.fetchAll(db, SQLRequest<Int64>(literal: """
                SELECT \(sql: source.key) FROM \(source.table) WHERE \(source.condition)
                AND \(sql: source.key) >= \(segment.lower) AND \(sql: source.key) <= \(segment.upper)
                ORDER BY \(sql: source.key) \(sql: segment.descending ? "DESC" : "ASC") LIMIT \(limit + 1 - keys.count)
                """))
        }
        let data = try summaries(ids: keys.prefix(limit).map(ArticleSortKey.articleID(of:)))
        let next = keys.count > limit ? data.last.map { keyset.key(.init(date: $0.publishedAt?.description, article: $0.id)) } : nil
        return Page(data: data, total: try total(of: source), limit: limit, next: next)
    }

    /// The number of articles of a ``KeyedSource``: FTS5 counts a search's matches in its index,
    /// with no article read, and ``totals`` keeps the count until the index changes; an entity's
    /// articles are kept counted.
    private func total(of source: KeyedSource) throws -> Int {
        if source.range == nil, let kept = source.keptTotal {
            return try Int.fetchOne(db, SQLRequest<Int>(literal: kept)) ?? 0
        }
        var sql: SQL = "SELECT COUNT(*) FROM \(source.table) WHERE \(source.condition)"
        if let range = source.range {
            sql = "\(sql) AND \(sql: source.key) >= \(range.lower) AND \(sql: source.key) <= \(range.upper)"
        }
        let count = { try Int.fetchOne(db, SQLRequest<Int>(literal: sql)) ?? 0 }
        guard let totals, let key = source.searchTotalKey else { return try count() }
        return try totals.total(for: key, generation: try SearchTotals.generation(in: db), count: count)
    }

    private func datePage(_ conditions: [SQL], newestFirst: Bool, limit: Int, after key: PageKey?, total: Int) throws -> Page<ArticleSummary> {
        let keyset = DateKeyset(newestFirst: newestFirst, within: nil)
        let position = try key.map(keyset.position)
        var rows: [ArticleSummary] = []
        // One row past the page tells whether there is a next page.
        for segment in keyset.segments(after: position) where rows.count <= limit {
            let sql: SQL = """
                SELECT \(sql: ArticleSummary.selection) FROM articles a WHERE \(Self.all(conditions + [segment.condition]))
                ORDER BY \(segment.ordering) LIMIT \(limit + 1 - rows.count)
                """
            rows += try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map(ArticleSummary.init(row:))
        }
        let data = Array(rows.prefix(limit))
        let next = rows.count > limit ? data.last.map { keyset.key(.init(date: $0.publishedAt?.description, article: $0.id)) } : nil
        return Page(data: data, total: total, limit: limit, next: next)
    }

    /// Scores every matching article, then takes the page after the key: relevance has no index to
    /// seek in, so each page costs the same as the first.
    private func relevancePage(_ filter: ArticleFilter, search: SearchQuery, articleIndexIsCurrent: Bool, limit: Int,
                               after key: PageKey?) throws -> Page<ArticleSummary> {
        var watermark = try Watermark.current(in: db)
        var after: (score: Double, id: Int64)?
        if let key {
            guard key.parts.count == 3, case .real(let score) = key.parts[1], case .integer(let id) = key.parts[2] else {
                throw ListingError.invalidPageKey
            }
            watermark = try Watermark.read(key)
            after = (score, id)
        }
        let candidates: Set<Int64>
        if filter == ArticleFilter(search: search), articleIndexIsCurrent {
            // Every row of the index is an article: no need to look each one up in `articles`.
            candidates = Set(try Int64.fetchAll(db, SQLRequest<Int64>(literal: ArticleSearchIndex.matchingArticles(search, in: Set(SearchIndex.Field.allCases)))))
        } else {
            let conditions = Self.conditions(filter, articleIndexIsCurrent: articleIndexIsCurrent)
            candidates = Set(try Int64.fetchAll(db, SQLRequest<Int64>(literal: "SELECT a.id FROM articles a WHERE \(Self.all(conditions))")))
        }
        let matches = try TermMatches(search.terms, in: db, watermark: watermark, articles: candidates, fields: Set(SearchIndex.Field.allCases))
        var ranked = candidates.map { (score: matches.score(article: $0), id: $0) }
        if let after {
            ranked.removeAll { $0.score > after.score || ($0.score == after.score && $0.id <= after.id) }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        let pageItems = ranked.prefix(limit)
        let data = try summaries(ids: pageItems.map(\.id))
        let next = ranked.count > limit ? pageItems.last.map { PageKey([.integer(watermark), .real($0.score), .integer($0.id)]) } : nil
        return Page(data: data, total: candidates.count, limit: limit, next: next)
    }

    /// The summaries of these articles, in the order given; ids with no article are left out.
    func summaries(ids: [Int64]) throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: "SELECT \(sql: ArticleSummary.selection) FROM articles a WHERE a.id IN \(ids)"))
        let byID = Dictionary(uniqueKeysWithValues: try rows.map(ArticleSummary.init(row:)).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// The filter as conditions over `articles AS a`, every value bound.
    ///
    /// - Parameter articleIndexIsCurrent: ``ArticleSearchIndex/isCurrent(_:)``; when false, the
    ///   search goes through `search`, a row per paragraph, which gives the same articles slower.
    static func conditions(_ filter: ArticleFilter, articleIndexIsCurrent: Bool) -> [SQL] {
        var conditions: [SQL] = []
        if let search = filter.search {
            let fields = Set(SearchIndex.Field.allCases)
            let articles = articleIndexIsCurrent ? ArticleSearchIndex.matchingArticles(search, in: fields)
                : SearchIndex.matchingArticles(search, in: fields)
            conditions.append("a.id IN (\(articles))")
        }
        for id in filter.entityIDs {
            conditions.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id = \(id))")
        }
        if let name = filter.entityName {
            let type: SQL = filter.entityType.map { " AND e.type = \($0.rawValue)" } ?? ""
            // Names and aliases through their NOCASE indexes, then the articles of those entities.
            conditions.append("""
                a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id
                         WHERE e.id IN (SELECT id FROM entities WHERE name = \(name) COLLATE NOCASE
                                        UNION SELECT entity_id FROM entity_aliases WHERE text = \(name) COLLATE NOCASE)\(type))
                """)
        } else if let type = filter.entityType {
            conditions.append("""
                a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.type = \(type.rawValue))
                """)
        }
        if let from = filter.from {
            conditions.append("a.published_at >= \(from.description)")
        }
        if let to = filter.to {
            conditions.append("a.published_at <= \(to.description)")
        }
        if let hasCaptions = filter.hasCaptions {
            let exists: SQL = "EXISTS (SELECT 1 FROM captions c WHERE c.article_id = a.id)"
            conditions.append(hasCaptions ? exists : "NOT \(exists)")
        }
        return conditions
    }

    /// The conditions joined by AND; `1` (true) when there are none.
    static func all(_ conditions: [SQL]) -> SQL {
        conditions.isEmpty ? "1" : conditions.map { "(\($0))" }.joined(separator: " AND ")
    }
}
