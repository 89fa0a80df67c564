internal import GRDB

/// Reads pages of captions, by article newest first (undated last), then in document order,
/// each with the entities mentioned in it, inside a read transaction the caller owns.
struct CaptionListing {
    let db: Database

    private static let keyset = DateKeyset(newestFirst: true, within: "c.position")

    /// One page after `key` (from the start when nil).
    ///
    /// - Throws: ``ListingError/invalidPageKey`` for a key of another shape; `DatabaseError`.
    func page(_ filter: CaptionFilter, limit: Int, after key: PageKey?) throws -> Page<CaptionRecord> {
        try SearchIndex.translatingErrors {
            let conditions = Self.conditions(filter)
            // The conditions are on captions alone, and every caption has its article: no join to count.
            let total = try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT COUNT(*) FROM captions c WHERE \(ArticleListing.all(conditions))")) ?? 0
            let position = try key.map(Self.keyset.position)
            var rows: [(record: CaptionRecord, key: DateKeyset.Position)] = []
            for segment in Self.keyset.segments(after: position) where rows.count <= limit {
                rows += try Row.fetchAll(db, SQLRequest<Row>(literal: """
                    SELECT \(sql: CaptionRecord.selection), a.published_at AS article_published_at
                    FROM captions c JOIN articles a ON a.id = c.article_id
                    WHERE \(ArticleListing.all(conditions + [segment.condition]))
                    ORDER BY \(segment.ordering) LIMIT \(limit + 1 - rows.count)
                    """)).map { row in
                    (try CaptionRecord(row: row), DateKeyset.Position(date: row["article_published_at"], article: row["article_id"], within: row["position"]))
                }
            }
            let pageRows = rows.prefix(limit)
            let entities = try entitiesByCaption(articles: Set(pageRows.map(\.record.articleId)))
            let data = pageRows.map { item in
                var record = item.record
                record.entities = entities[CaptionPlace(article: item.key.article, position: item.key.within ?? 0)] ?? []
                return record
            }
            let next = rows.count > limit ? pageRows.last.map { Self.keyset.key($0.key) } : nil
            return Page(data: data, total: total, limit: limit, next: next)
        }
    }

    /// The filter as conditions over `captions AS c` alone, every value bound.
    static func conditions(_ filter: CaptionFilter) -> [SQL] {
        var conditions: [SQL] = []
        if let search = filter.search {
            conditions.append("""
                ((c.article_id << 24) | (2 << 22) | c.position) IN
                    (SELECT rowid FROM search WHERE search MATCH \(SearchIndex.expression(search.expression, in: [.caption])))
                """)
        }
        if let isFilePhoto = filter.isFilePhoto {
            conditions.append("c.is_file_photo = \(isFilePhoto)")
        }
        for id in filter.entityIDs {
            conditions.append("""
                EXISTS (SELECT 1 FROM mention_spans s WHERE s.article_id = c.article_id AND s.entity_id = \(id)
                        AND s.section = 'caption' AND s.position = c.position)
                """)
        }
        return conditions
    }

    private struct CaptionPlace: Hashable {
        let article: Int64
        let position: Int64
    }

    /// The entities with a mention span in each caption of these articles, in order of first mention.
    private func entitiesByCaption(articles: Set<Int64>) throws -> [CaptionPlace: [CaptionRecord.Entity]] {
        guard !articles.isEmpty else { return [:] }
        var result: [CaptionPlace: [CaptionRecord.Entity]] = [:]
        for row in try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT s.article_id, s.position, e.id, e.name, e.type, MIN(s.start) AS first_start
            FROM mention_spans s JOIN entities e ON e.id = s.entity_id
            WHERE s.section = 'caption' AND s.article_id IN \(Array(articles))
            GROUP BY s.article_id, s.position, e.id
            ORDER BY s.article_id, s.position, first_start, e.id
            """)) {
            let place = CaptionPlace(article: row["article_id"], position: row["position"])
            result[place, default: []].append(
                CaptionRecord.Entity(id: row["id"], name: row["name"], type: try StoredValue.entityType(row, "type")))
        }
        return result
    }
}
