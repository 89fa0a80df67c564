internal import GRDB
import NewsIngest

/// Inserts or replaces parsed documents inside a write transaction the caller owns.
///
/// Statements are cached on the connection, so a batch compiles each SQL text once; the inserts of
/// every article run through ``DirectStatement``.
///
/// The alias counts and search rows of what it inserts wait in the writer until ``finish()``, which
/// the caller runs last in its transaction: counts add up over the articles of a batch (the same
/// entities and spellings recur), and FTS5 writes its pending data out whenever a later statement
/// opens a statement transaction (see `Migrations/0005_ingest_aliases_and_index_writes.sql`).
struct ArticleWriter {
    let db: Database
    /// Headlines, paragraphs and captions inserted but not yet in the search index, in rowid order.
    private var pendingTexts: [(rowid: Int64, field: SearchIndex.Field, text: String)] = []
    /// Spans inserted but not yet counted in `entity_aliases`, by entity and text.
    private var pendingAliases: [AliasKey: Int] = [:]
    /// Entity ids looked up or inserted by this writer. Within one transaction nothing else renames,
    /// merges or deletes entities, so a name and type keeps its id.
    private var entityIDs: [EntityKey: Int64] = [:]

    private struct EntityKey: Hashable {
        let name: String
        let type: EntityType
    }

    private struct AliasKey: Hashable {
        let entityID: Int64
        let text: String
    }

    private let paragraphRows: MultiRowInsert
    private let mentionRows: MultiRowInsert
    private let spanRows: MultiRowInsert
    private let aliasRows: MultiRowInsert
    private let existingArticle: DirectStatement
    private let articleRow: DirectStatement
    private let captionRow: DirectStatement
    private let entityByName: DirectStatement
    private let entityRedirect: DirectStatement
    private let entityRow: DirectStatement
    /// The search row of each kind of text, by ``SearchIndex/Field/rawValue``.
    private let searchRows: [DirectStatement]

    init(db: Database) throws {
        self.db = db
        existingArticle = try DirectStatement(db, "SELECT id FROM articles WHERE sha256 = ?")
        articleRow = try DirectStatement(db, """
            INSERT INTO articles (headline, published_at, dateline, byline, raw_text, sha256, created_at, parser_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        captionRow = try DirectStatement(db, """
            INSERT INTO captions (article_id, position, text, is_file_photo, date, place, credit) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        entityByName = try DirectStatement(db, "SELECT id FROM entities WHERE name = ? AND type = ?")
        entityRedirect = try DirectStatement(db, "SELECT entity_id FROM entity_redirects WHERE name = ? AND type = ?")
        entityRow = try DirectStatement(db, "INSERT INTO entities (name, type) VALUES (?, ?)")
        // One row per statement: a statement of several rows opens a statement transaction, and so
        // writes a segment.
        searchRows = try SearchIndex.Field.allCases.map { field in
            try DirectStatement(db, "INSERT INTO search (rowid, \(field.name)) VALUES (?, ?)")
        }
        paragraphRows = MultiRowInsert(db, "INSERT INTO paragraphs (article_id, position, text) VALUES", columns: 3)
        // The parser lists each entity once; should it repeat one, the counts add up rather than fail.
        mentionRows = MultiRowInsert(db, "INSERT INTO mentions (article_id, entity_id, count) VALUES", columns: 3,
                                     tail: "ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count")
        spanRows = MultiRowInsert(db, #"INSERT INTO mention_spans (article_id, entity_id, section, position, start, "end", text, role) VALUES"#,
                                  columns: 8)
        aliasRows = MultiRowInsert(db, "INSERT INTO entity_aliases (entity_id, text, count) VALUES", columns: 3,
                                   tail: "ON CONFLICT (entity_id, text) DO UPDATE SET count = count + excluded.count")
    }

    /// The id of the article whose text hashes to `sha256`, if stored.
    static func articleID(sha256: String, in db: Database) throws -> Int64? {
        try DirectStatement(db, "SELECT id FROM articles WHERE sha256 = ?").fetchInt64 { $0.add(sha256) }
    }

    /// Inserts the article and everything hanging off it, unless its text is already stored.
    ///
    /// - Parameters:
    ///   - sha256: ``NewsDocument/sha256Hex`` of `document`, computed outside the transaction.
    ///   - createdAt: `created_at`, one instant for every article of a transaction.
    /// - Throws: `DatabaseError` (for example a CHECK violation); the caller's transaction then rolls back.
    mutating func write(_ document: NewsDocument, sha256: String, _ article: ParsedArticle, createdAt: String) throws -> StoreOutcome {
        if let id = try existingArticle.fetchInt64({ $0.add(sha256) }) { return .existing(id) }

        try articleRow.execute { row in
                row.add(article.headline)
                row.add(article.publishedAt?.description)
                row.add(article.dateline)
                row.add(article.byline)
                row.add(document.text)
                row.add(sha256)
                row.add(createdAt)
                row.add(ArticleParser.version)
            }
        let articleID = db.lastInsertedRowID
        pendingTexts.append((SearchIndex.rowid(article: articleID, field: .headline, position: 0), .headline, article.headline))
        try insertParts(of: article, articleID: articleID)
        return .created(articleID)
    }

    /// Replaces what was parsed of the stored article `articleID` (headline, dates, byline, paragraphs,
    /// captions, mentions) with `article`, read from the same raw text by ``ArticleParser/version``.
    /// Entities that no article mentions afterwards are deleted, so counts stay exact. Fields edited
    /// by hand (`edited_fields`, see ``ArticleEditor``) keep their edited values.
    ///
    /// The search rows of the article (its headline through the UPDATE trigger, its paragraphs and
    /// captions here) are written before returning.
    ///
    /// - Throws: `DatabaseError`; the caller's transaction then rolls back.
    mutating func replaceParts(of articleID: Int64, with article: ParsedArticle) throws {
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
        try finish()
    }

    /// Adds the alias counts of the spans inserted since the last call, then inserts the search rows
    /// of the headlines, paragraphs and captions inserted since then. Run it after every other
    /// statement of the transaction.
    mutating func finish() throws {
        let aliases = Array(pendingAliases)
        try aliasRows.insert(count: aliases.count) { index, row in
            row.add(aliases[index].key.entityID)
            row.add(aliases[index].key.text)
            row.add(aliases[index].value)
        }
        pendingAliases.removeAll(keepingCapacity: true)

        for (rowid, field, text) in pendingTexts {
            try searchRows[Int(field.rawValue)].execute { row in
                row.add(rowid)
                row.add(text)
            }
        }
        pendingTexts.removeAll(keepingCapacity: true)
    }

    /// Deletes those of `entityIDs` that no article mentions any more (with their redirects), so
    /// that entity listings and counts never show an entity without articles.
    func deleteOrphanedEntities(_ entityIDs: [Int64]) throws {
        let orphan = try db.cachedStatement(sql: """
            DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)
            """)
        for entity in entityIDs { try orphan.execute(arguments: [entity]) }
    }

    /// Paragraphs, captions, mentions and their spans of a new or emptied article, and the counts of
    /// its span texts in `entity_aliases`.
    private mutating func insertParts(of article: ParsedArticle, articleID: Int64) throws {
        let paragraphs = article.paragraphs
        for (position, text) in paragraphs.enumerated() {
            pendingTexts.append((try Self.searchRowid(articleID, .paragraph, position), .paragraph, text))
        }
        try paragraphRows.insert(count: paragraphs.count) { position, row in
            row.add(articleID)
            row.add(position)
            row.add(paragraphs[position])
        }

        for (position, item) in article.captions.enumerated() {
            try captionRow.execute { row in
                row.add(articleID)
                row.add(position)
                row.add(item.text)
                row.add(item.isFilePhoto)
                row.add(item.date?.description)
                row.add(item.place)
                row.add(item.credit)
            }
            pendingTexts.append((try Self.searchRowid(articleID, .caption, position), .caption, item.text))
        }

        let entities = article.entities
        var entityIDs: [Int64] = []
        entityIDs.reserveCapacity(entities.count)
        for entity in entities { entityIDs.append(try entityID(entity)) }
        try mentionRows.insert(count: entities.count) { index, row in
            row.add(articleID)
            row.add(entityIDs[index])
            row.add(entities[index].mentions)
        }

        // Each entity's spans in order, entity after entity: the order they are read back in.
        var spans: [(entityID: Int64, span: MentionSpan)] = []
        for (entity, entityID) in zip(entities, entityIDs) {
            for span in entity.spans {
                spans.append((entityID, span))
                pendingAliases[AliasKey(entityID: entityID, text: span.text), default: 0] += 1
            }
        }
        try spanRows.insert(count: spans.count) { index, row in
            let (entityID, item) = spans[index]
            row.add(articleID)
            row.add(entityID)
            row.add(item.section.rawValue)
            row.add(item.index)
            row.add(item.start)
            row.add(item.end)
            row.add(item.text)
            row.add(item.role)
        }
    }

    /// The search rowid of a paragraph or caption; the rowid has 22 bits for the position.
    private static func searchRowid(_ articleID: Int64, _ field: SearchIndex.Field, _ position: Int) throws -> Int64 {
        guard position < 1 << 22 else {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "\(field.name) position too large for the search index")
        }
        return SearchIndex.rowid(article: articleID, field: field, position: position)
    }

    /// The id of the entity named `entity.name` with `entity.type`, or of the entity that name and type
    /// were renamed or merged into by hand, inserting it when new.
    ///
    /// Look-up first: most entities are already known, and a no-op upsert would still rewrite the row.
    private mutating func entityID(_ entity: NamedEntity) throws -> Int64 {
        let key = EntityKey(name: entity.name, type: entity.type)
        if let id = entityIDs[key] { return id }
        let id = try storedEntityID(entity)
        entityIDs[key] = id
        return id
    }

    private func storedEntityID(_ entity: NamedEntity) throws -> Int64 {
        let bindings = { (row: inout DirectStatement.Bindings) in
            row.add(entity.name)
            row.add(entity.type.rawValue)
        }
        if let id = try entityByName.fetchInt64(bindings) { return id }
        if let id = try entityRedirect.fetchInt64(bindings) { return id }
        try entityRow.execute(bindings)
        return db.lastInsertedRowID
    }
}
