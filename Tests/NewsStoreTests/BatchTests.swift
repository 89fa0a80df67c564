import NewsIngest
@testable import NewsStore
import Testing

@Suite struct BatchTests {
    @Test func batchReportsOneOutcomePerItemAndDeduplicatesWithinItself() throws {
        try withTemporaryStore { store, _ in
            let seedID = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let outcomes = try store.storeBatch([
                try Fixtures.article("Alpha."),
                try Fixtures.article("Beta."),
                try Fixtures.article("  Alpha.\r\n"),
                (try Fixtures.seedDocument(), try Fixtures.seedArticle()),
            ])
            #expect(outcomes.map(\.isCreated) == [true, true, false, false])
            #expect(outcomes[2] == .existing(outcomes[0].id))
            #expect(outcomes[3] == .existing(seedID))
            #expect(outcomes[0].id != outcomes[1].id)
            #expect(try store.articleCount() == 3)
            #expect(try store.storeBatch([]).isEmpty)
        }
    }

    @Test func aFailingItemRollsBackTheWholeBatch() throws {
        try withTemporaryStore { store, _ in
            #expect(try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).isCreated)
            let countBefore = try store.articleCount()
            let entitiesBefore = try store.entities().data
            let captionsBefore = try store.captions().data

            let good = try Fixtures.article(
                "Good.", captions: [Fixtures.conteCaption],
                entities: [NamedEntity(name: "Fresh Entity", type: .org, mentions: 2),
                           NamedEntity(name: "Libya", type: .gpe, mentions: 2)])
            // mentions > 0 is a CHECK constraint: the second item fails after the first is written.
            let bad = try Fixtures.article("Bad.", entities: [NamedEntity(name: "Nobody", type: .person, mentions: 0)])
            #expect(throws: (any Error).self) { try store.storeBatch([good, bad]) }

            #expect(try store.articleCount() == countBefore)
            #expect(try store.entities().data == entitiesBefore)
            #expect(try store.captions().data == captionsBefore)
            #expect(try store.existingArticleID(for: good.0) == nil)

            // The store stays usable, and the good item alone goes in.
            #expect(try store.store(good.0, good.1).isCreated)
            #expect(try store.articleCount() == countBefore + 1)
        }
    }

    @Test func aFailingSingleStoreWritesNothing() throws {
        try withTemporaryStore { store, _ in
            let bad = try Fixtures.article("Bad.", entities: [
                NamedEntity(name: "Somebody", type: .person, mentions: 1),
                NamedEntity(name: "Nobody", type: .person, mentions: -1),
            ])
            #expect(throws: (any Error).self) { try store.store(bad.0, bad.1) }
            #expect(try store.articleCount() == 0)
            #expect(try store.existingArticleID(for: bad.0) == nil)
            // No orphan entity either: the entity insert was rolled back with the article.
            let good = try Fixtures.article("Good.", entities: [NamedEntity(name: "Somebody", type: .person, mentions: 1)])
            let id = try store.store(good.0, good.1).id
            #expect(try store.entities().data.map(\.name) == ["Somebody"])
            #expect(try store.article(id: id)?.entities.map(\.name) == ["Somebody"])
        }
    }
}
