import Foundation
internal import GRDB
import NewsIngest
@testable import NewsStore
import Testing

/// Stores an article with plain INSERTs, as the writer did before `0005_ingest_aliases_and_index_writes.sql`:
/// no search rows (before 0004 there was no index; from 0004 to 0005 insert triggers added them) and
/// no alias counts (aliases were grouped from `mention_spans`). For databases migrated only that far.
func storeAsLegacyWriter(_ store: NewsStore, _ document: NewsDocument, _ article: ParsedArticle) throws -> Int64 {
    try store.pool.write { db in
        try db.execute(sql: """
            INSERT INTO articles (headline, published_at, dateline, byline, raw_text, sha256, created_at, parser_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [article.headline, article.publishedAt?.description, article.dateline, article.byline,
                             document.text, document.sha256Hex, Fixtures.nowText, ArticleParser.version])
        let id = db.lastInsertedRowID
        for (position, text) in article.paragraphs.enumerated() {
            try db.execute(sql: "INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)", arguments: [id, position, text])
        }
        for (position, item) in article.captions.enumerated() {
            try db.execute(sql: """
                INSERT INTO captions (article_id, position, text, is_file_photo, date, place, credit) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, position, item.text, item.isFilePhoto, item.date?.description, item.place, item.credit])
        }
        for entity in article.entities {
            try db.execute(sql: "INSERT OR IGNORE INTO entities (name, type) VALUES (?, ?)", arguments: [entity.name, entity.type.rawValue])
            let entityID = try Int64.fetchOne(db, sql: "SELECT id FROM entities WHERE name = ? AND type = ?",
                                              arguments: [entity.name, entity.type.rawValue])!
            try db.execute(sql: "INSERT INTO mentions (article_id, entity_id, count) VALUES (?, ?, ?)", arguments: [id, entityID, entity.mentions])
            for span in entity.spans {
                try db.execute(sql: """
                    INSERT INTO mention_spans (article_id, entity_id, section, position, start, "end", text, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, entityID, span.section.rawValue, span.index, span.start, span.end, span.text, span.role])
            }
        }
        return id
    }
}

/// What `0005_ingest_aliases_and_index_writes.sql` changed: alias counts kept in `entity_aliases`, spans
/// hanging off their mentions, search rows written by the article writer.
@Suite struct IngestSchemaTests {
    static let parser = ArticleParser()

    static func evalDocument(_ name: String) throws -> NewsDocument {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try NewsDocument(bytes: Data(contentsOf: root.appendingPathComponent("Tests/Eval/Documents/\(name).txt")))
    }

    static func evalDocuments() throws -> [NewsDocument] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Tests/Eval/Documents")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try NewsDocument(bytes: Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    /// `entity_aliases` holds exactly the grouped span counts, and the search index exactly the stored texts.
    private func expectConsistent(_ store: NewsStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (grouped, counted) = try store.pool.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT entity_id, text, COUNT(*) AS count FROM mention_spans GROUP BY entity_id, text ORDER BY entity_id, text
                """).map { "\($0["entity_id"] as Int64) \($0["text"] as String) \($0["count"] as Int)" },
             try Row.fetchAll(db, sql: "SELECT entity_id, text, count FROM entity_aliases ORDER BY entity_id, text")
                .map { "\($0["entity_id"] as Int64) \($0["text"] as String) \($0["count"] as Int)" })
        }
        #expect(!grouped.isEmpty, sourceLocation: sourceLocation)
        #expect(counted == grouped, sourceLocation: sourceLocation)
        #expect(try store.indexedTexts() == store.expectedIndexedTexts(), sourceLocation: sourceLocation)
        try store.checkSearchIndexIntegrity()
        let violations = try store.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aliasCountsFollowStoresReparsesMergesAndDeletes() throws {
        try withTemporaryStore { store, _ in
            let documents = try Self.evalDocuments()
            #expect(documents.count >= 10)
            // Two batches, the second repeating a document of the first and one of its own.
            let first = try store.storeBatch(documents.prefix(6).map { ($0, try Self.parser.parse($0)) })
            let second = try store.storeBatch(([documents[2]] + documents.dropFirst(6) + [documents[7]]).map { ($0, try Self.parser.parse($0)) })
            let allCreated = first.allSatisfy { $0.isCreated }
            #expect(allCreated)
            #expect(second.first == .existing(first[2].id) && second.last == .existing(second[2].id))
            try expectConsistent(store)

            // Reparse with a parser that reads fewer entities.
            #expect(try store.reparse(articleID: first[0].id) { document in
                var article = try Self.parser.parse(document)
                article.entities = Array(article.entities.prefix(2))
                return article
            })
            try expectConsistent(store)

            // Merge the two most mentioned entities, then delete an article.
            let entities = try store.entities(limit: 2).data
            #expect(try store.mergeEntity(entities[1].id, into: entities[0].id) == .merged)
            try expectConsistent(store)
            #expect(try store.deleteArticle(id: first[1].id))
            try expectConsistent(store)
        }
    }

    @Test func aliasesOfAnEntityAreItsSpanTextsByCountThenText() throws {
        try withTemporaryStore { store, _ in
            for name in ["01-nairobi-drought", "03-tripoli-clashes"] {
                let document = try Self.evalDocument(name)
                _ = try store.store(document, try Self.parser.parse(document))
            }
            for summary in try store.entities(limit: 100).data {
                let entity = try #require(try store.entity(id: summary.id))
                let expected = try store.pool.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT text, COUNT(*) AS count FROM mention_spans WHERE entity_id = ? GROUP BY text ORDER BY count DESC, text
                        """, arguments: [summary.id]).map { EntityAlias(text: $0["text"], count: $0["count"]) }
                }
                #expect(entity.aliases == expected)
            }
        }
    }

    @Test func theMigrationCountsAliasesAndKeepsSpansOfArticlesStoredBeforeIt() throws {
        let all = try Migration.bundled()
        let before = all.filter { $0.name < "0005" }
        // 0001 to 0004; the store then opens with all of them, 0005 and later.
        #expect(before.count == 4 && all.count > 4)
        try withTemporaryStore(migrations: before) { store, path in
            var details: [ArticleDetail] = []
            var ids: [Int64] = []
            for name in ["01-nairobi-drought", "03-tripoli-clashes", "05-geneva-sudan-talks"] {
                let document = try Self.evalDocument(name)
                ids.append(try storeAsLegacyWriter(store, document, try Self.parser.parse(document)))
            }
            let aliasesBefore = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT entity_id, text, COUNT(*) AS count FROM mention_spans GROUP BY entity_id, text ORDER BY 1, 2")
                    .map { "\($0["entity_id"] as Int64) \($0["text"] as String) \($0["count"] as Int)" }
            }
            let spansBefore = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT rowid, * FROM mention_spans ORDER BY rowid").map(\.description)
            }
            for id in ids { details.append(try #require(try store.article(id: id))) }
            try store.close()

            let upgraded = try NewsStore(path: path, migrations: all, now: { Fixtures.now })
            try expectConsistent(upgraded)
            for (id, detail) in zip(ids, details) { #expect(try upgraded.article(id: id) == detail) }
            let aliasesAfter = try upgraded.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT entity_id, text, count FROM entity_aliases ORDER BY 1, 2")
                    .map { "\($0["entity_id"] as Int64) \($0["text"] as String) \($0["count"] as Int)" }
            }
            #expect(aliasesAfter == aliasesBefore)
            #expect(try upgraded.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT rowid, * FROM mention_spans ORDER BY rowid").map(\.description)
            } == spansBefore)

            // Articles stored after the migration join the same entities and counts.
            let document = try Self.evalDocument("04-rome-rescue-ship")
            _ = try upgraded.store(document, try Self.parser.parse(document))
            try expectConsistent(upgraded)
            // Deleting an article deletes its spans through its mentions, and their counts.
            #expect(try upgraded.deleteArticle(id: ids[0]))
            try expectConsistent(upgraded)
        }
    }

    @Test func aSpanNeedsItsMention() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            #expect(throws: DatabaseError.self) {
                try store.executeAsAnotherWriter("""
                    INSERT INTO mention_spans (article_id, entity_id, section, position, start, "end", text) VALUES (\(id), 999, 'headline', NULL, 0, 5, 'Italy')
                    """)
            }
        }
    }
}
