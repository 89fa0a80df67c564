internal import GRDB
import NewsIngest

/// Inserts or replaces parsed documents inside a write transaction the caller owns.
///
/// Statements are cached on the connection, so a batch compiles each SQL text once.
struct ArticleWriter {
    let db: Database

    /// The id of the article whose text hashes to `sha256`, if stored.
    static func articleID(sha256: String, in db: Database) throws -> Int64? {
        let statement = try db.cachedStatement(sql: "SELECT id FROM articles WHERE sha256 = ?")
        return try Int64.fetchOne(statement, arguments: [sha256])
    }

    /// Inserts the article and everything hanging off it, unless its text is already stored.
    ///
    /// - Parameters:
    ///   - sha256: ``NewsDocument/sha256Hex`` of `document`, computed outside the transaction.
    ///   - createdAt: `created_at`, one instant for every article of a transaction.
    /// - Throws: `DatabaseError` (for example a CHECK violation); the caller's transaction then rolls back.
    func write(_ document: NewsDocument, sha256: String, _ article: ParsedArticle, createdAt: String) throws -> StoreOutcome {
        if let id = try Self.articleID(sha256: sha256, in: db) { return .existing(id) }

        try db.cachedStatement(sql: """
            INSERT INTO articles (headline, published_at, dateline, byline, raw_text, sha256, created_at, parser_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                article.headline, article.publishedAt?.description, article.dateline, article.byline,
                document.text, sha256, createdAt, ArticleParser.version,
            ])
        let articleID = db.lastInsertedRowID
        try insertParts(of: article, articleID: articleID)
        return .created(articleID)
    }

    /// Replaces what was parsed of the stored article `articleID` (headline, dates, byline, paragraphs,
    /// captions, mentions) with `article`, read from the same raw text by ``ArticleParser/version``.
    /// Entities that no article mentions afterwards are deleted, so counts stay exact. Fields edited
    /// by hand (`edited_fields`, see ``ArticleEditor``) keep their edited values.
    ///
    /// - Throws: `DatabaseError`; the caller's transaction then rolls back.
    func replaceParts(of articleID: Int64, with article: ParsedArticle) throws {
        let previousEntities = try Int64.fetchAll(db.cachedStatement(sql: "SELECT entity_id FROM mentions WHERE article_id = ?"),
                                                  arguments: [articleID])
        let edited = Set(try ArticleEditor.decodeFields(
            String.fetchOne(db.cachedStatement(sql: "SELECT edited_fields FROM articles WHERE id = ?"), arguments: [articleID]) ?? "[]"))
        // iif(edited, column, parsed): an edited column keeps its value.
        try db.cachedStatement(sql: """
            UPDATE articles SET headline = iif(?, headline, ?), published_at = iif(?, published_at, ?),
                dateline = iif(?, dateline, ?), byline = iif(?, byline, ?), parser_version = ? WHERE id = ?
            """).execute(arguments: [
                edited.contains("headline"), article.headline, edited.contains("published_at"), article.publishedAt?.description,
                edited.contains("dateline"), article.dateline, edited.contains("byline"), article.byline,
                ArticleParser.version, articleID,
            ])
        for table in ["mention_spans", "mentions", "captions", "paragraphs"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE article_id = ?").execute(arguments: [articleID])
        }
        try insertParts(of: article, articleID: articleID)
        try deleteOrphanedEntities(previousEntities)
    }

    /// Deletes those of `entityIDs` that no article mentions any more (with their redirects), so
    /// that entity listings and counts never show an entity without articles.
    func deleteOrphanedEntities(_ entityIDs: [Int64]) throws {
        let orphan = try db.cachedStatement(sql: """
            DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)
            """)
        for entity in entityIDs { try orphan.execute(arguments: [entity]) }
    }

    /// Paragraphs, captions, mentions and their spans of a new or emptied article.
    private func insertParts(of article: ParsedArticle, articleID: Int64) throws {
        let paragraph = try db.cachedStatement(sql: "INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)")
        for (position, text) in article.paragraphs.enumerated() {
            try paragraph.execute(arguments: [articleID, position, text])
        }

        let caption = try db.cachedStatement(sql: """
            INSERT INTO captions (article_id, position, text, is_file_photo, date, place, credit) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, item) in article.captions.enumerated() {
            try caption.execute(arguments: [
                articleID, position, item.text, item.isFilePhoto, item.date?.description, item.place, item.credit,
            ])
        }

        // The parser lists each entity once; should it repeat one, the counts add up rather than fail.
        let mention = try db.cachedStatement(sql: """
            INSERT INTO mentions (article_id, entity_id, count) VALUES (?, ?, ?)
            ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count
            """)
        let span = try db.cachedStatement(sql: """
            INSERT INTO mention_spans (article_id, entity_id, section, position, start, "end", text, role)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for entity in article.entities {
            let entityID = try entityID(entity)
            try mention.execute(arguments: [articleID, entityID, entity.mentions])
            for item in entity.spans {
                try span.execute(arguments: [
                    articleID, entityID, item.section.rawValue, item.index, item.start, item.end, item.text, item.role,
                ])
            }
        }
    }

    /// The id of the entity named `entity.name` with `entity.type`, or of the entity that name and type
    /// were renamed or merged into by hand, inserting it when new.
    ///
    /// Look-up first: most entities are already known, and a no-op upsert would still rewrite the row.
    private func entityID(_ entity: NamedEntity) throws -> Int64 {
        let find = try db.cachedStatement(sql: "SELECT id FROM entities WHERE name = ? AND type = ?")
        if let id = try Int64.fetchOne(find, arguments: [entity.name, entity.type.rawValue]) { return id }
        let redirect = try db.cachedStatement(sql: "SELECT entity_id FROM entity_redirects WHERE name = ? AND type = ?")
        if let id = try Int64.fetchOne(redirect, arguments: [entity.name, entity.type.rawValue]) { return id }
        try db.cachedStatement(sql: "INSERT INTO entities (name, type) VALUES (?, ?)")
            .execute(arguments: [entity.name, entity.type.rawValue])
        return db.lastInsertedRowID
    }
}
