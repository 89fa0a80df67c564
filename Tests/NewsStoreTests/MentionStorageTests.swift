import Foundation
import NewsIngest
@testable import NewsStore
import Testing

/// Spans, aliases and credits from the real parser, through a real SQLite file and back.
@Suite struct MentionStorageTests {
    static let parser = ArticleParser()

    static func evalDocument(_ name: String) throws -> NewsDocument {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try NewsDocument(bytes: Data(contentsOf: root.appendingPathComponent("Tests/Eval/Documents/\(name).txt")))
    }

    @Test func articleDetailGivesBackEverySpanAndCredit() throws {
        try withTemporaryStore { store, _ in
            let document = try Self.evalDocument("01-nairobi-drought")
            let parsed = try Self.parser.parse(document)
            let id = try store.store(document, parsed).id
            let detail = try #require(try store.article(id: id))
            #expect(detail.captions.map(\.credit) == parsed.captions.map(\.credit))
            #expect(detail.captions.first?.credit == "AP Photo/Brian Otieno")
            for entity in parsed.entities {
                let stored = try #require(detail.entities.first { $0.name == entity.name && $0.type == entity.type })
                #expect(stored.spans == entity.spans)
                #expect(stored.mentions == entity.spans.count)
            }
        }
    }

    @Test func aliasesAccumulateAcrossArticles() throws {
        try withTemporaryStore { store, _ in
            let seed = try Fixtures.seedDocument()
            _ = try store.store(seed, try Self.parser.parse(seed))
            let other = try NewsDocument(text: """
                Libya Strongman Visits Cairo

                BENGHAZI, Libya (AP) — Khalifa Hiftar flew to Cairo on Monday. Hiftar met officials there.
                """)
            let parsed = try Self.parser.parse(other)
            #expect(parsed.entities.contains { $0.name == "Khalifa Hiftar" && $0.type == .person })
            _ = try store.store(other, parsed)
            let seedDetail = try #require(try store.article(id: 1))
            let hifter = try #require(seedDetail.entities.first { $0.name == "Khalifa Hifter" })
            let entity = try #require(try store.entity(id: hifter.id))
            // The seed alone: "Hiftar" 4 times, "Khalifa Hifter" twice, "Hifter" once.
            #expect(entity.aliases == [
                EntityAlias(text: "Hiftar", count: 4), EntityAlias(text: "Khalifa Hifter", count: 2), EntityAlias(text: "Hifter", count: 1),
            ])
            #expect(entity.mentionCount == 7)
        }
    }

    @Test func sameCanonicalEntityFromTwoDocumentsIsOneRowWithBothAliases() throws {
        try withTemporaryStore { store, _ in
            let first = try NewsDocument(text: "Aid Reaches Refugees in the North\n\nThe U.N. said aid arrived on Monday.")
            let second = try NewsDocument(text: "Council Meets on Drought Relief\n\nThe United Nations said the UN council would meet.")
            let firstID = try store.store(first, try Self.parser.parse(first)).id
            _ = try store.store(second, try Self.parser.parse(second))
            let un = try #require(try store.article(id: firstID)?.entities.first { $0.name == "United Nations" })
            let entity = try #require(try store.entity(id: un.id))
            #expect(entity.articleCount == 2)
            #expect(Set(entity.aliases.map(\.text)) == ["U.N.", "United Nations", "UN"])
            #expect(entity.aliases.reduce(0) { $0 + $1.count } == entity.mentionCount)
        }
    }
}
