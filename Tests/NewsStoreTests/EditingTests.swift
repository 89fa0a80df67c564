import Foundation
import NewsIngest
@testable import NewsStore
import Testing

/// Edits, deletions and merges on a real SQLite file, with articles the real parser read from the
/// seed and the evaluation documents (both mention Libya, Tripoli and the United Nations).
@Suite struct EditingTests {
    static let parser = ArticleParser()

    static func document(_ name: String) throws -> NewsDocument {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try NewsDocument(text: String(contentsOf: root.appendingPathComponent("Eval/Documents/\(name).txt"), encoding: .utf8))
    }

    /// Stores the seed and the Tripoli story; returns their ids.
    static func storeTwo(_ store: NewsStore) throws -> (seed: Int64, tripoli: Int64) {
        let seed = try Fixtures.seedDocument()
        let tripoli = try document("03-tripoli-clashes")
        let outcomes = try store.storeBatch([(seed, try parser.parse(seed)), (tripoli, try parser.parse(tripoli))])
        return (outcomes[0].id, outcomes[1].id)
    }

    static func entity(_ store: NewsStore, _ name: String, _ type: EntityType) throws -> EntitySummary? {
        try store.entities(type: type, limit: 1000).data.first { $0.name == name }
    }

    static func rowCount(_ store: NewsStore, _ table: String, article id: Int64) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE article_id = ?", arguments: [id]) ?? -1 }
    }

    // MARK: Articles

    @Test func editingSetsAndRemovesFieldsAndAReparseKeepsThem() throws {
        try withTemporaryStore { store, _ in
            let (id, _) = try Self.storeTwo(store)
            let edit = ArticleEdit(headline: "Libya Rivals Meet in Palermo", publishedAt: .some(nil), byline: .some("By Jane Roe"))
            #expect(try store.editArticle(id: id, edit))
            var detail = try #require(try store.article(id: id))
            #expect(detail.headline == "Libya Rivals Meet in Palermo")
            #expect(detail.publishedAt == nil)
            #expect(detail.byline == "By Jane Roe")
            #expect(detail.dateline == nil)
            // Undated now: listed after the dated Tripoli story.
            #expect(try store.articles(limit: 10).data.last?.id == id)

            // A newer parser reads the text again: paragraphs and mentions are replaced, the edits stay.
            #expect(try store.reparse(articleID: id, with: { try Self.parser.parse($0) }))
            detail = try #require(try store.article(id: id))
            #expect(detail.headline == "Libya Rivals Meet in Palermo")
            #expect(detail.publishedAt == nil)
            #expect(detail.byline == "By Jane Roe")
            #expect(detail.paragraphs.count == 10)

            let date = try #require(CalendarDate(iso8601: "2018-11-14"))
            #expect(try store.editArticle(id: id, ArticleEdit(publishedAt: .some(date))))
            #expect(try store.article(id: id)?.publishedAt == date)
            #expect(try store.article(id: id)?.headline == "Libya Rivals Meet in Palermo")
        }
    }

    @Test func editingOrDeletingAnUnknownArticleChangesNothing() throws {
        try withTemporaryStore { store, _ in
            _ = try Self.storeTwo(store)
            #expect(try !store.editArticle(id: 99, ArticleEdit(headline: "x")))
            #expect(try !store.deleteArticle(id: 99))
            #expect(try store.articleCount() == 2)
        }
    }

    @Test func aFailingEditChangesNothing() throws {
        try withTemporaryStore { store, _ in
            let (id, _) = try Self.storeTwo(store)
            // A trigger stands in for any failure part-way through the update.
            try store.pool.write { db in
                try db.execute(sql: "CREATE TRIGGER no_empty BEFORE UPDATE OF headline ON articles WHEN NEW.headline = '' BEGIN SELECT RAISE(ABORT, 'empty'); END")
            }
            #expect(throws: (any Error).self) { try store.editArticle(id: id, ArticleEdit(headline: "", byline: .some("By X"))) }
            #expect(try store.article(id: id)?.byline == nil)
        }
    }

    @Test func deletingRemovesEverythingOfTheArticleAndEntitiesOnlyItMentioned() throws {
        try withTemporaryStore { store, _ in
            let (seed, tripoli) = try Self.storeTwo(store)
            let libyaBefore = try #require(try Self.entity(store, "Libya", .gpe))
            let seedLibya = try #require(try store.article(id: seed)?.entities.first { $0.name == "Libya" })
            let captionsBefore = try store.captions(limit: 100).total
            let seedCaptions = try #require(try store.article(id: seed)).captions.count

            #expect(try store.deleteArticle(id: seed))

            #expect(try store.article(id: seed) == nil)
            #expect(try store.articleCount() == 1)
            for table in ["paragraphs", "captions", "mentions", "mention_spans"] {
                #expect(try Self.rowCount(store, table, article: seed) == 0, "\(table)")
            }
            #expect(try store.captions(limit: 100).total == captionsBefore - seedCaptions)
            // Shared entities stay, with exact counts; entities only the seed mentioned are gone.
            let libya = try #require(try Self.entity(store, "Libya", .gpe))
            #expect(libya.id == libyaBefore.id)
            #expect(libya.articleCount == 1)
            #expect(libya.mentionCount == libyaBefore.mentionCount - seedLibya.mentions)
            #expect(try Self.entity(store, "Giuseppe Conte", .person) == nil)
            let orphans = try store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)")
            }
            #expect(orphans == 0)
            let listed = try store.entities(limit: 1000)
            #expect(listed.total == listed.data.count)
            #expect(listed.data.allSatisfy { $0.articleCount == 1 })
            #expect(try store.article(id: tripoli) != nil)
        }
    }

    // MARK: Entities

    @Test func renamingKeepsTheOldNameLeadingToTheEntity() throws {
        try withTemporaryStore { store, _ in
            let (seed, _) = try Self.storeTwo(store)
            let hifter = try #require(try Self.entity(store, "Khalifa Hifter", .person))
            #expect(try store.editEntity(id: hifter.id, EntityEdit(name: "Khalifa Haftar")) == .edited)
            #expect(try store.entity(id: hifter.id)?.name == "Khalifa Haftar")
            #expect(try Self.entity(store, "Khalifa Hifter", .person) == nil)

            // A later article, and a reparse, that still say "Khalifa Hifter" count for the renamed entity.
            let later = try Fixtures.article("Hifter spoke.", entities: [NamedEntity(name: "Khalifa Hifter", type: .person, mentions: 2)])
            let laterID = try store.store(later.0, later.1).id
            #expect(try store.article(id: laterID)?.entities.map(\.id) == [hifter.id])
            #expect(try store.reparse(articleID: seed, with: { try Self.parser.parse($0) }))
            let renamed = try #require(try store.entity(id: hifter.id))
            #expect(renamed.name == "Khalifa Haftar")
            #expect(renamed.articleCount == 2)
            #expect(renamed.mentionCount == hifter.mentionCount + 2)
        }
    }

    @Test func aNameAndTypeAnotherEntityHasIsAConflict() throws {
        try withTemporaryStore { store, _ in
            _ = try Self.storeTwo(store)
            let libya = try #require(try Self.entity(store, "Libya", .gpe))
            let libyan = try #require(try Self.entity(store, "Libyan", .norp))
            #expect(try store.editEntity(id: libyan.id, EntityEdit(name: "Libya", type: .gpe)) == .conflict(existingID: libya.id))
            #expect(try store.entity(id: libyan.id)?.name == "Libyan")
            // The same name under another type is another entity.
            #expect(try store.editEntity(id: libyan.id, EntityEdit(name: "Libya")) == .edited)
            #expect(try store.entity(id: libyan.id)?.type == .norp)
            #expect(try store.editEntity(id: 9999, EntityEdit(name: "x")) == .notFound)
        }
    }

    @Test func mergingMovesMentionsAndAliasesAndAddsUpSharedArticles() throws {
        try withTemporaryStore { store, _ in
            let (seed, tripoli) = try Self.storeTwo(store)
            let libyaID = try #require(try Self.entity(store, "Libya", .gpe)).id
            let libyanID = try #require(try Self.entity(store, "Libyan", .norp)).id
            let libya = try #require(try store.entity(id: libyaID))
            let libyan = try #require(try store.entity(id: libyanID))
            let seedCounts = try #require(try store.article(id: seed)).entities
            let totalBefore = try store.entities(limit: 1000).total

            #expect(try store.mergeEntity(libyan.id, into: libya.id) == .merged)

            #expect(try store.entity(id: libyan.id) == nil)
            let merged = try #require(try store.entity(id: libya.id))
            #expect(merged.name == "Libya" && merged.type == .gpe)
            #expect(merged.mentionCount == libya.mentionCount + libyan.mentionCount)
            #expect(Set(merged.articles.data.map(\.id)) == [seed, tripoli])
            // The aliases of both, with their counts added up.
            var aliases: [String: Int] = [:]
            for alias in libya.aliases + libyan.aliases { aliases[alias.text, default: 0] += alias.count }
            #expect(Dictionary(uniqueKeysWithValues: merged.aliases.map { ($0.text, $0.count) }) == aliases)
            // In an article that mentioned both, one row with the sum.
            let seedMentions = try #require(try store.article(id: seed)).entities.first { $0.id == libya.id }
            let expected = (seedCounts.first { $0.id == libya.id }?.mentions ?? 0) + (seedCounts.first { $0.id == libyan.id }?.mentions ?? 0)
            #expect(seedMentions?.mentions == expected)
            #expect(seedMentions?.spans.count == expected)
            #expect(try store.entities(limit: 1000).total == totalBefore - 1)

            // The merged name now leads to the target.
            let later = try Fixtures.article("Libyan voices.", entities: [NamedEntity(name: "Libyan", type: .norp, mentions: 1)])
            #expect(try store.article(id: try store.store(later.0, later.1).id)?.entities.map(\.id) == [libya.id])
        }
    }

    @Test func mergingIntoItselfOrAMissingEntityChangesNothing() throws {
        try withTemporaryStore { store, _ in
            _ = try Self.storeTwo(store)
            let libya = try #require(try Self.entity(store, "Libya", .gpe))
            #expect(try store.mergeEntity(libya.id, into: libya.id) == .sameEntity)
            #expect(try store.mergeEntity(libya.id, into: 9999) == .targetNotFound)
            #expect(try store.mergeEntity(9999, into: libya.id) == .sourceNotFound)
            #expect(try Self.entity(store, "Libya", .gpe) == libya)
        }
    }

    @Test func aMergedEntityThatWasRenamedBeforeTakesItsRedirectsAlong() throws {
        try withTemporaryStore { store, _ in
            _ = try Self.storeTwo(store)
            let un = try #require(try Self.entity(store, "United Nations", .org))
            let lna = try #require(try Self.entity(store, "Libyan National Army", .org))
            #expect(try store.editEntity(id: lna.id, EntityEdit(name: "LNA")) == .edited)
            #expect(try store.mergeEntity(lna.id, into: un.id) == .merged)
            // Both the original and the edited name lead to the target now.
            let later = try Fixtures.article("Two names.", entities: [
                NamedEntity(name: "Libyan National Army", type: .org, mentions: 1),
                NamedEntity(name: "LNA", type: .org, mentions: 2),
            ])
            let id = try store.store(later.0, later.1).id
            let entities = try #require(try store.article(id: id)).entities
            #expect(entities.map(\.id) == [un.id])
            #expect(entities.map(\.mentions) == [3])
        }
    }
}
