internal import GRDB
import NewsIngest

/// The read queries, run on one connection inside a read transaction the caller owns,
/// so that multi-query results (a page and its total, an article and its parts) are consistent.
struct ArticleReader {
    let db: Database

    func articleCount() throws -> Int {
        try ArticleListing.articleCount(in: db)
    }

    /// One query per table rather than one per caption or entity. Rows are read by column
    /// position from cursors, without copying: this is the most requested read.
    func article(id: Int64) throws -> ArticleDetail? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, headline, published_at, dateline, byline, sha256, created_at FROM articles WHERE id = ?
            """), arguments: [id]) else { return nil }

        let paragraphs = try String.fetchAll(db.cachedStatement(sql: """
            SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position
            """), arguments: [id])

        var captions: [ArticleDetail.Caption] = []
        let captionRows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, text, is_file_photo, date, place, credit FROM captions WHERE article_id = ? ORDER BY position
            """), arguments: [id])
        while let row = try captionRows.next() {
            captions.append(ArticleDetail.Caption(
                id: row[0], text: row[1], isFilePhoto: row[2],
                date: try StoredValue.date(row, at: 3, column: "date"), place: row[4], credit: row[5]))
        }

        var spans: [Int64: [MentionSpan]] = [:]
        let spanRows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT entity_id, section, position, start, "end", text, role FROM mention_spans WHERE article_id = ?
            """), arguments: [id])
        while let row = try spanRows.next() {
            spans[row[0], default: []].append(try StoredValue.span(row, from: 1))
        }

        var entities: [ArticleDetail.Entity] = []
        let entityRows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT e.id, e.name, e.type, m.count FROM mentions m JOIN entities e ON e.id = m.entity_id
            WHERE m.article_id = ? ORDER BY m.count DESC, e.name, e.id
            """), arguments: [id])
        while let row = try entityRows.next() {
            let entityID: Int64 = row[0]
            entities.append(ArticleDetail.Entity(
                id: entityID, name: row[1], type: try StoredValue.entityType(row, at: 2, column: "type"),
                mentions: row[3], spans: (spans[entityID] ?? []).sorted()))
        }

        return ArticleDetail(
            id: row[0], headline: row[1], publishedAt: try StoredValue.date(row, at: 2, column: "published_at"),
            dateline: row[3], byline: row[4], paragraphs: paragraphs, captions: captions,
            entities: entities, sha256: row[5], createdAt: row[6])
    }

    /// Reads kept counts (migration 0006) and one page of articles: the same few rows for an entity
    /// of three articles and for one of fifty thousand.
    func entity(id: Int64) throws -> EntityDetail? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT e.id, e.name, e.type, c.article_count, c.mention_count
            FROM entities e JOIN entity_counts c ON c.entity_id = e.id WHERE e.id = ?
            """), arguments: [id]) else { return nil }
        let aliases = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT text, count FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC, text
            """), arguments: [id])
            .map { EntityAlias(text: $0["text"], count: $0["count"]) }
        let articles = try ArticleListing(db: db).page(ArticleFilter(entityIDs: [id]), order: .newestFirst,
                                                       limit: EntityDetail.articleLimit, after: nil)
        return EntityDetail(summary: try EntitySummary(row: row), aliases: aliases, articles: articles)
    }
}
