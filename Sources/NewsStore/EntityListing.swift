internal import GRDB
import NewsIngest

/// Reads pages of entities, and of the entities related to one, inside a read transaction the
/// caller owns. Only entities that some article mentions are listed.
struct EntityListing {
    let db: Database

    /// One page of entities after `key` (from the start when nil).
    ///
    /// - Parameter prefix: names or aliases that begin with it, ignoring the case of ASCII letters.
    /// - Throws: ``ListingError/invalidPageKey`` for a key of another shape; `DatabaseError`.
    func page(prefix: String?, type: EntityType?, order: EntityOrder, limit: Int, after key: PageKey?) throws -> Page<EntitySummary> {
        var conditions: [SQL] = []
        if let type { conditions.append("e.type = \(type.rawValue)") }
        if let prefix { conditions.append(Self.beginning(with: prefix)) }
        switch order {
        case .mostMentioned: return try mostMentionedPage(conditions, limit: limit, after: key)
        case .name: return try byNamePage(conditions, limit: limit, after: key)
        }
    }

    /// Mention counts change as articles arrive, so they are counted over the articles up to the
    /// walk's watermark: page after page, an entity keeps its place.
    private func mostMentionedPage(_ conditions: [SQL], limit: Int, after key: PageKey?) throws -> Page<EntitySummary> {
        var watermark = try Watermark.current(in: db)
        var having: SQL = ""
        if let key {
            guard key.parts.count == 4, case .integer(let mentions) = key.parts[1], case .text(let name) = key.parts[2],
                  case .integer(let id) = key.parts[3] else { throw ListingError.invalidPageKey }
            watermark = try Watermark.read(key)
            having = "HAVING (-SUM(m.count), e.name, e.id) > (\(-mentions), \(name), \(id))"
        }
        let filter = ArticleListing.all(conditions + ["m.article_id <= \(watermark)"])
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT \(sql: EntitySummary.selection) FROM entities e JOIN mentions m ON m.entity_id = e.id
            WHERE \(filter) GROUP BY e.id \(having)
            ORDER BY \(sql: EntitySummary.mostMentionedFirst) LIMIT \(limit + 1)
            """)).map(EntitySummary.init(row:))
        let total = try Int.fetchOne(db, SQLRequest<Int>(literal: """
            SELECT COUNT(DISTINCT m.entity_id) FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE \(filter)
            """)) ?? 0
        let data = Array(rows.prefix(limit))
        let next = rows.count > limit ? data.last.map {
            PageKey([.integer(watermark), .integer(Int64($0.mentionCount)), .text($0.name), .integer($0.id)])
        } : nil
        return Page(data: data, total: total, limit: limit, next: next)
    }

    /// Names never change, so this order needs no watermark; the counts shown are those of now.
    private func byNamePage(_ conditions: [SQL], limit: Int, after key: PageKey?) throws -> Page<EntitySummary> {
        var conditions = conditions + ["EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"]
        let total = try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT COUNT(*) FROM entities e WHERE \(ArticleListing.all(conditions))")) ?? 0
        if let key {
            guard key.parts.count == 2, case .text(let name) = key.parts[0], case .integer(let id) = key.parts[1] else {
                throw ListingError.invalidPageKey
            }
            // The first comparison alone is what lets SQLite seek in entities_by_name_nocase.
            conditions.append("e.name >= \(name) COLLATE NOCASE AND (e.name COLLATE NOCASE, e.id) > (\(name), \(id))")
        }
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT e.id, e.name, e.type,
                (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS article_count,
                (SELECT SUM(m.count) FROM mentions m WHERE m.entity_id = e.id) AS mention_count
            FROM entities e WHERE \(ArticleListing.all(conditions))
            ORDER BY e.name COLLATE NOCASE, e.id LIMIT \(limit + 1)
            """)).map(EntitySummary.init(row:))
        let data = Array(rows.prefix(limit))
        let next = rows.count > limit ? data.last.map { PageKey([.text($0.name), .integer($0.id)]) } : nil
        return Page(data: data, total: total, limit: limit, next: next)
    }

    /// Entities whose name or one of whose aliases begins with `prefix`, as a condition on `e.id`.
    ///
    /// A range rather than LIKE, so that the NOCASE indexes serve it whatever the prefix holds:
    /// every text beginning with the prefix sorts at or after it and before it followed by
    /// U+10FFFF, the highest code point.
    static func beginning(with prefix: String) -> SQL {
        let end = prefix + "\u{10FFFF}"
        return """
            e.id IN (SELECT id FROM entities WHERE name >= \(prefix) COLLATE NOCASE AND name < \(end) COLLATE NOCASE
                     UNION SELECT entity_id FROM entity_aliases WHERE text >= \(prefix) COLLATE NOCASE AND text < \(end) COLLATE NOCASE)
            """
    }

    /// One page of the entities that share articles with entity `id`, most shared first, ties by
    /// id; nil when no article mentions entity `id`. Counted over the articles up to the walk's
    /// watermark, like ``mostMentionedPage``.
    ///
    /// - Throws: ``ListingError/invalidPageKey`` for a key of another shape; `DatabaseError`.
    func related(to id: Int64, limit: Int, after key: PageKey?) throws -> Page<RelatedEntity>? {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?)"),
                                arguments: [id]) == true else { return nil }
        var watermark = try Watermark.current(in: db)
        var having: SQL = ""
        if let key {
            guard key.parts.count == 3, case .integer(let count) = key.parts[1], case .integer(let otherID) = key.parts[2] else {
                throw ListingError.invalidPageKey
            }
            watermark = try Watermark.read(key)
            having = "HAVING (-COUNT(*), e.id) > (\(-count), \(otherID))"
        }
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT e.id, e.name, e.type, COUNT(*) AS shared
            FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id JOIN entities e ON e.id = m2.entity_id
            WHERE m1.entity_id = \(id) AND m2.entity_id <> \(id) AND m1.article_id <= \(watermark)
            GROUP BY e.id \(having) ORDER BY shared DESC, e.id LIMIT \(limit + 1)
            """))
        let total = try Int.fetchOne(db, SQLRequest<Int>(literal: """
            SELECT COUNT(DISTINCT m2.entity_id) FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id
            WHERE m1.entity_id = \(id) AND m2.entity_id <> \(id) AND m1.article_id <= \(watermark)
            """)) ?? 0
        let pageRows = rows.prefix(limit)
        let pageIDs: [Int64] = pageRows.map { $0["id"] }
        var evidence: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT entity_id, article_id FROM (
                SELECT m2.entity_id, m2.article_id, ROW_NUMBER() OVER (
                    PARTITION BY m2.entity_id ORDER BY a.published_at DESC NULLS LAST, a.id DESC) AS place
                FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id JOIN articles a ON a.id = m1.article_id
                WHERE m1.entity_id = \(id) AND m1.article_id <= \(watermark) AND m2.entity_id IN \(pageIDs)
            ) WHERE place <= \(RelatedEntity.evidenceLimit) ORDER BY entity_id, place
            """)) {
            evidence[row["entity_id"], default: []].append(row["article_id"])
        }
        let data = try pageRows.map { row in
            let entityID: Int64 = row["id"]
            return RelatedEntity(id: entityID, name: row["name"], type: try StoredValue.entityType(row, "type"),
                                 count: row["shared"], articleIds: evidence[entityID] ?? [])
        }
        let next = rows.count > limit ? data.last.map { PageKey([.integer(watermark), .integer(Int64($0.count)), .integer($0.id)]) } : nil
        return Page(data: data, total: total, limit: limit, next: next)
    }
}
