import Foundation
import NewsIngest
@testable import NewsStore
import Testing

/// `reparse`: stored raw text read again, one transaction per article.
@Suite struct ReparseTests {
    static let parser = ArticleParser()

    /// Stores the seed as an older parser would have: no spans, version 0, and an entity the new parser does not find.
    static func storeAsOldParser(_ store: NewsStore) throws -> Int64 {
        let document = try Fixtures.seedDocument()
        var parsed = try parser.parse(document)
        parsed.entities.append(NamedEntity(name: "Palermo Conference", type: .org, mentions: 1))
        let id = try store.store(document, parsed).id
        try store.pool.write { db in
            try db.execute(sql: "UPDATE articles SET parser_version = 0, headline = 'Old headline' WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM mention_spans")
        }
        return id
    }

    @Test func outdatedArticlesAreReadAgainAndOrphanEntitiesGo() throws {
        try withTemporaryStore { store, _ in
            let id = try Self.storeAsOldParser(store)
            #expect(try store.outdatedArticleCount() == 1)
            #expect(try store.articleIDsToReparse(all: false, after: 0, limit: 10) == [id])
            let found = try store.reparse(articleID: id, with: { try Self.parser.parse($0) })
            #expect(found)

            #expect(try store.outdatedArticleCount() == 0)
            #expect(try store.articleIDsToReparse(all: false, after: 0, limit: 10).isEmpty)
            #expect(try store.articleIDsToReparse(all: true, after: 0, limit: 10) == [id])
            let detail = try #require(try store.article(id: id))
            #expect(detail.headline == "Italy Brings Together Libya Rivals on Conference Sidelines")
            #expect(detail.entities.allSatisfy { !$0.spans.isEmpty })
            #expect(!detail.entities.contains { $0.name == "Palermo Conference" })
            #expect(try store.entities(type: .org).data.map(\.name) == ["United Nations", "Libyan National Army"])
            let orphans = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entities WHERE name = 'Palermo Conference'") }
            #expect(orphans == 0)
        }
    }

    @Test func aFailingParseChangesNothing() throws {
        try withTemporaryStore { store, _ in
            let id = try Self.storeAsOldParser(store)
            let before = try store.article(id: id)
            #expect(throws: IngestError.noHeadline) {
                try store.reparse(articleID: id, with: { _ in throw IngestError.noHeadline })
            }
            #expect(try store.article(id: id) == before)
            #expect(try store.outdatedArticleCount() == 1)
        }
    }

    @Test func anUnknownIDIsReported() throws {
        try withTemporaryStore { store, _ in
            let found = try store.reparse(articleID: 42, with: { try Self.parser.parse($0) })
            #expect(!found)
        }
    }
}
