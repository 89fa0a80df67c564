internal import GRDB

/// Reads pages of the article listing, filtered, in date or relevance order, inside a read
/// transaction the caller owns (so a page and its total agree).
struct ArticleListing {
    let db: Database

    /// One page after `key` (from the start when nil).
    ///
    /// - Throws: ``ListingError/invalidPageKey`` for a key of another shape;
    ///   ``ListingError/relevanceWithoutQuery``; `DatabaseError`.
    func page(_ filter: ArticleFilter, order: ArticleOrder, limit: Int, after key: PageKey?) throws -> Page<ArticleSummary> {
        try SearchIndex.translatingErrors {
            let conditions = Self.conditions(filter)
            switch order {
            case .newestFirst, .oldestFirst:
                let total = try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT COUNT(*) FROM articles a WHERE \(Self.all(conditions))")) ?? 0
                return try datePage(conditions, newestFirst: order == .newestFirst, limit: limit, after: key, total: total)
            case .relevance:
                guard let search = filter.search else { throw ListingError.relevanceWithoutQuery }
                return try relevancePage(conditions, search: search, limit: limit, after: key)
            }
        }
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
    private func relevancePage(_ conditions: [SQL], search: SearchQuery, limit: Int, after key: PageKey?) throws -> Page<ArticleSummary> {
        var watermark = try Watermark.current(in: db)
        var after: (score: Double, id: Int64)?
        if let key {
            guard key.parts.count == 3, case .real(let score) = key.parts[1], case .integer(let id) = key.parts[2] else {
                throw ListingError.invalidPageKey
            }
            watermark = try Watermark.read(key)
            after = (score, id)
        }
        let candidates = Set(try Int64.fetchAll(db, SQLRequest<Int64>(literal: "SELECT a.id FROM articles a WHERE \(Self.all(conditions))")))
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
    static func conditions(_ filter: ArticleFilter, searchFields: Set<SearchIndex.Field> = Set(SearchIndex.Field.allCases)) -> [SQL] {
        var conditions: [SQL] = []
        if let search = filter.search {
            conditions.append("a.id IN (\(SearchIndex.matchingArticles(search, in: searchFields)))")
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
