internal import GRDB

/// Internal views of the full-text index for tests and diagnostics; not part of the API.
extension NewsStore {
    /// One row of the `search` table, decoded: which article, which kind of text, and the text.
    struct IndexedText: Hashable {
        var article: Int64
        var field: String
        /// Paragraph or caption position; 0 for the headline.
        var position: Int
        var text: String
    }

    /// Every row of the full-text index, in rowid order.
    func indexedTexts() throws -> [IndexedText] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, headline, paragraph, caption FROM search ORDER BY rowid").map { row in
                let rowid: Int64 = row["rowid"]
                let field = SearchIndex.field(ofRow: rowid)
                return IndexedText(article: SearchIndex.article(ofRow: rowid), field: field.name,
                                   position: SearchIndex.position(ofRow: rowid), text: row[field.name])
            }
        }
    }

    /// What the index should hold: the headlines, paragraphs and captions of the stored articles.
    func expectedIndexedTexts() throws -> [IndexedText] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id AS article, 'headline' AS field, 0 AS position, headline AS text, 0 AS kind FROM articles
                UNION ALL SELECT article_id, 'paragraph', position, text, 1 FROM paragraphs
                UNION ALL SELECT article_id, 'caption', position, text, 2 FROM captions
                ORDER BY article, kind, position
                """).map { IndexedText(article: $0["article"], field: $0["field"], position: $0["position"], text: $0["text"]) }
        }
    }

    /// FTS5's own check that the inverted index agrees with the stored text; throws when it does not.
    func checkSearchIndexIntegrity() throws {
        try pool.write { db in try db.execute(sql: "INSERT INTO search (search) VALUES ('integrity-check')") }
    }

    /// Runs SQL as another writer would (an admin with the sqlite3 shell, a future route), in one transaction.
    func executeAsAnotherWriter(_ sql: String) throws {
        try pool.write { db in try db.execute(sql: sql) }
    }
}
