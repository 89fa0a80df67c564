import NewsIngest
@testable import NewsStore
import Testing

@Suite struct OrderingTests {
    /// Stores four articles out of date order; returns their ids keyed by text.
    private func storeFour(_ store: NewsStore) throws -> [String: Int64] {
        let items = [
            try Fixtures.article("Old.", publishedAt: Fixtures.date(2020, 1, 1),
                                 captions: [Fixtures.conteCaption, Fixtures.hifterCaption]),
            try Fixtures.article("Undated.", publishedAt: nil, captions: [Fixtures.hifterCaption]),
            try Fixtures.article("New.", publishedAt: Fixtures.date(2021, 5, 5)),
            try Fixtures.article("Old too.", publishedAt: Fixtures.date(2020, 1, 1), captions: [Fixtures.conteCaption]),
        ]
        let outcomes = try store.storeBatch(items)
        return Dictionary(uniqueKeysWithValues: zip(items.map(\.0.text), outcomes.map(\.id)))
    }

    @Test func newestFirstWithUndatedLastAndLaterIDFirstOnTies() throws {
        try withTemporaryStore { store, _ in
            let ids = try storeFour(store)
            let page = try store.articles(limit: 10)
            #expect(page.data.map(\.headline) == ["New.", "Old too.", "Old.", "Undated."])
            #expect(page.data.map(\.id) == ["New.", "Old too.", "Old.", "Undated."].map { ids[$0]! })
            #expect(page.data.map(\.captionCount) == [0, 1, 2, 1])
            #expect(page.data.last?.publishedAt == nil)
            #expect(page.total == 4)
        }
    }

    @Test func pagesFollowOnFromTheirKey() throws {
        try withTemporaryStore { store, _ in
            _ = try storeFour(store)
            let first = try store.articles(limit: 2)
            #expect(first.data.map(\.headline) == ["New.", "Old too."])
            #expect(first.total == 4 && first.limit == 2)
            // The key of the last dated article on the page leads to the other dated one, then the undated one.
            let firstKey = try #require(first.next)
            let second = try store.articles(limit: 2, after: firstKey)
            #expect(second.data.map(\.headline) == ["Old.", "Undated."])
            #expect(second.next == nil)

            let oldest = try store.articles(order: .oldestFirst, limit: 3)
            #expect(oldest.data.map(\.headline) == ["Old.", "Old too.", "New."])
            let oldestKey = try #require(oldest.next)
            let rest = try store.articles(order: .oldestFirst, limit: 3, after: oldestKey)
            #expect(rest.data.map(\.headline) == ["Undated."] && rest.next == nil)

            // SQLite would read LIMIT -1 as unlimited; the store reads it as nothing.
            let negative = try store.articles(limit: -1)
            #expect(negative.data.isEmpty && negative.limit == 0 && negative.next == nil)
        }
    }

    @Test func aKeyFromAnotherOrderIsRefused() throws {
        try withTemporaryStore { store, _ in
            _ = try storeFour(store)
            let key = try #require(try store.articles(limit: 1).next)
            #expect(throws: ListingError.invalidPageKey) { try store.entities(limit: 1, after: key) }
            #expect(throws: ListingError.invalidPageKey) { try store.articles(limit: 1, after: PageKey([.text("yesterday"), .integer(1)])) }
        }
    }

    @Test func captionsFollowArticleOrderThenPosition() throws {
        try withTemporaryStore { store, _ in
            let ids = try storeFour(store)
            let captions = try store.captions().data
            #expect(captions.map(\.articleId) == [ids["Old too."]!, ids["Old."]!, ids["Old."]!, ids["Undated."]!])
            #expect(captions.map(\.isFilePhoto) == [false, false, true, true])
            #expect(captions[1].text == Fixtures.conteCaption.text && captions[2].text == Fixtures.hifterCaption.text)
            #expect(captions[3].date == Fixtures.date(2015, 8, 24) && captions[3].place == "Amman, Jordan")
        }
    }

    @Test func aWalkOneCaptionAtATimeMeetsEachCaptionOnceInOrder() throws {
        try withTemporaryStore { store, _ in
            _ = try storeFour(store)
            let all = try store.captions().data
            var walked: [CaptionRecord] = []
            var key: PageKey?
            repeat {
                let page = try store.captions(limit: 1, after: key)
                walked += page.data
                key = page.next
            } while key != nil
            // Two captions of one article on either side of a page boundary included.
            #expect(walked == all)
            #expect(walked.count == 4)
        }
    }

    @Test func entityArticlesAreNewestFirst() throws {
        try withTemporaryStore { store, _ in
            let rome = NamedEntity(name: "Rome", type: .gpe, mentions: 1)
            let ids = try store.storeBatch([
                try Fixtures.article("Undated.", entities: [rome]),
                try Fixtures.article("Old.", publishedAt: Fixtures.date(2019, 3, 3), entities: [rome]),
                try Fixtures.article("New.", publishedAt: Fixtures.date(2022, 3, 3), entities: [rome]),
            ]).map(\.id)
            let entityID = try #require(try store.entities().data.first?.id)
            #expect(try store.entity(id: entityID)?.articles.data.map(\.id) == [ids[2], ids[1], ids[0]])
        }
    }
}
