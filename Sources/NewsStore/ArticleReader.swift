internal import GRDB
import NewsIngest

/// The read queries, run on one connection inside a read transaction the caller owns,
/// so that multi-query results (a page and its total, an article and its parts) are consistent.
struct ArticleReader {
    let db: Database

    func articleCount() throws -> Int {
        try ArticleListing.articleCount(in: db)
    }

    /// One query per table rather than one per caption or entity.
    func article(id: Int64) throws -> ArticleDetail? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, headline, published_at, dateline, byline, sha256, created_at FROM articles WHERE id = ?
            """), arguments: [id]) else { return nil }

        let paragraphs = try String.fetchAll(db.cachedStatement(sql: """
            SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position
            """), arguments: [id])

        let captions = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, text, is_file_photo, date, place, credit FROM captions WHERE article_id = ? ORDER BY position
            """), arguments: [id])
            .map { row in
                ArticleDetail.Caption(
                    id: row["id"], text: row["text"], isFilePhoto: row["is_file_photo"],
                    date: try StoredValue.date(row, "date"), place: row["place"], credit: row["credit"])
            }

        var spans: [Int64: [MentionSpan]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT entity_id, section, position, start, "end", text, role FROM mention_spans WHERE article_id = ?
            """), arguments: [id]) {
            spans[row["entity_id"], default: []].append(try StoredValue.span(row))
        }
        let entities = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.id, e.name, e.type, m.count FROM mentions m JOIN entities e ON e.id = m.entity_id
            WHERE m.article_id = ? ORDER BY m.count DESC, e.name, e.id
            """), arguments: [id])
            .map { row in
                let entityID: Int64 = row["id"]
                return ArticleDetail.Entity(
                    id: entityID, name: row["name"], type: try StoredValue.entityType(row, "type"),
                    mentions: row["count"], spans: (spans[entityID] ?? []).sorted())
            }

        return ArticleDetail(
            id: row["id"], headline: row["headline"], publishedAt: try StoredValue.date(row, "published_at"),
            dateline: row["dateline"], byline: row["byline"], paragraphs: paragraphs, captions: captions,
            entities: entities, sha256: row["sha256"], createdAt: row["created_at"])
    }

    /// Reads kept counts (migration 0006) and one page of articles: the same few rows for an entity
    /// of three articles and for one of fifty thousand.
    func entity(id: Int64) throws -> EntityDetail? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT e.id, e.name, e.type, c.article_count, c.mention_count
            FROM entities e JOIN entity_counts c ON c.entity_id = e.id WHERE e.id = ?
            """), arguments: [id]) else { return nil }
        let aliases = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT text, count FROM entity_alias_counts WHERE entity_id = ? ORDER BY count DESC, text
            """), arguments: [id])
            .map { EntityAlias(text: $0["text"], count: $0["count"]) }
        let articles = try ArticleListing(db: db).page(ArticleFilter(entityIDs: [id]), order: .newestFirst,
                                                       limit: EntityDetail.articleLimit, after: nil)
        return EntityDetail(summary: try EntitySummary(row: row), aliases: aliases, articles: articles)
    }
}
