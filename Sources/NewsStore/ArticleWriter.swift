internal import GRDB
import NewsIngest

/// Inserts one parsed document inside a write transaction the caller owns.
///
/// Statements are cached on the connection, so a batch compiles each SQL text once.
struct ArticleWriter {
    let db: Database
    /// `created_at` for every article written by this writer (one transaction, one instant).
    let createdAt: String

    /// The id of the article whose text hashes to `sha256`, if stored.
    static func articleID(sha256: String, in db: Database) throws -> Int64? {
        let statement = try db.cachedStatement(sql: "SELECT id FROM articles WHERE sha256 = ?")
        return try Int64.fetchOne(statement, arguments: [sha256])
    }

    /// Inserts the article and everything hanging off it, unless its text is already stored.
    ///
    /// - Parameter sha256: ``NewsDocument/sha256Hex`` of `document`, computed outside the transaction.
    /// - Throws: `DatabaseError` (for example a CHECK violation); the caller's transaction then rolls back.
    func write(_ document: NewsDocument, sha256: String, _ article: ParsedArticle) throws -> StoreOutcome {
        if let id = try Self.articleID(sha256: sha256, in: db) { return .existing(id) }

        try db.cachedStatement(sql: """
            INSERT INTO articles (headline, published_at, dateline, byline, raw_text, sha256, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                article.headline, article.publishedAt?.description, article.dateline, article.byline,
                document.text, sha256, createdAt,
            ])
        let articleID = db.lastInsertedRowID

        let paragraph = try db.cachedStatement(sql: "INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)")
        for (position, text) in article.paragraphs.enumerated() {
            try paragraph.execute(arguments: [articleID, position, text])
        }

        let caption = try db.cachedStatement(sql: """
            INSERT INTO captions (article_id, position, text, is_file_photo, date, place) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, item) in article.captions.enumerated() {
            try caption.execute(arguments: [articleID, position, item.text, item.isFilePhoto, item.date?.description, item.place])
        }

        // The parser lists each entity once; should it repeat one, the counts add up rather than fail.
        let mention = try db.cachedStatement(sql: """
            INSERT INTO mentions (article_id, entity_id, count) VALUES (?, ?, ?)
            ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count
            """)
        for entity in article.entities {
            try mention.execute(arguments: [articleID, try entityID(entity), entity.mentions])
        }
        return .created(articleID)
    }

    /// The id of the entity named `entity.name` with `entity.type`, inserting it when new.
    ///
    /// Look-up first: most entities are already known, and a no-op upsert would still rewrite the row.
    private func entityID(_ entity: NamedEntity) throws -> Int64 {
        let find = try db.cachedStatement(sql: "SELECT id FROM entities WHERE name = ? AND type = ?")
        if let id = try Int64.fetchOne(find, arguments: [entity.name, entity.type.rawValue]) { return id }
        try db.cachedStatement(sql: "INSERT INTO entities (name, type) VALUES (?, ?)")
            .execute(arguments: [entity.name, entity.type.rawValue])
        return db.lastInsertedRowID
    }
}
