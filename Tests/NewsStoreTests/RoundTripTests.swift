import Foundation
import NewsIngest
@testable import NewsStore
import Testing

/// The seed document stored once and read back through every read method.
@Suite struct RoundTripTests {
    @Test func detailHoldsEveryStoredField() throws {
        let document = try Fixtures.seedDocument()
        let parsed = try Fixtures.seedArticle()
        try withTemporaryStore { store, _ in
            let outcome = try store.store(document, parsed)
            #expect(outcome.isCreated)
            let detail = try #require(try store.article(id: outcome.id))

            #expect(detail.id == outcome.id)
            #expect(detail.headline == "Italy Brings Together Libya Rivals on Conference Sidelines")
            #expect(detail.publishedAt == Fixtures.date(2018, 11, 13))
            #expect(detail.dateline == nil)
            #expect(detail.byline == nil)
            #expect(detail.paragraphs == parsed.paragraphs)
            #expect(detail.paragraphs.count == 10)
            #expect(detail.paragraphs.first?.hasPrefix("Italy's premier hosted a meeting Tuesday") == true)
            #expect(detail.paragraphs.last?.hasSuffix("to Europe via Italy in recent years.") == true)
            #expect(detail.sha256 == Fixtures.seedSHA256)
            #expect(detail.createdAt == Fixtures.nowText)
            #expect(try store.rawText(articleID: outcome.id) == document.text)

            #expect(detail.captions.map(\.text) == [Fixtures.conteCaption.text, Fixtures.hifterCaption.text])
            #expect(detail.captions.map(\.isFilePhoto) == [false, true])
            #expect(detail.captions.map(\.date) == [Fixtures.date(2018, 11, 13), Fixtures.date(2015, 8, 24)])
            #expect(detail.captions.map(\.place) == ["Palermo", "Amman, Jordan"])
            #expect(Set(detail.captions.map(\.id)).count == 2)

            // Most mentions first; the three with 3 mentions by name.
            #expect(detail.entities.map(\.name) == [
                "Libya", "Italy", "Khalifa Hifter", "Giuseppe Conte", "Palermo", "Tripoli", "Italian", "Qatar",
            ])
            #expect(detail.entities.map(\.mentions) == [6, 5, 4, 3, 3, 3, 2, 1])
            #expect(detail.entities.map(\.type) == [.gpe, .gpe, .person, .person, .gpe, .gpe, .norp, .gpe])
        }
    }

    @Test func listingsAgreeWithTheDetail() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let detail = try #require(try store.article(id: id))

            #expect(try store.articleCount() == 1)
            let page = try store.articles(limit: 10)
            #expect(page.total == 1 && page.limit == 10 && page.next == nil)
            #expect(page.data == [ArticleSummary(
                id: id, headline: detail.headline, publishedAt: Fixtures.date(2018, 11, 13),
                dateline: nil, captionCount: 2)])

            let entities = try store.entities(type: nil).data
            #expect(entities.count == 8)
            #expect(entities.map(\.name) == detail.entities.map(\.name))
            #expect(entities.allSatisfy { $0.articleCount == 1 })
            #expect(entities.map(\.mentionCount) == detail.entities.map(\.mentions))
            #expect(entities.map(\.id) == detail.entities.map(\.id))

            #expect(try store.entities(type: .person).data.map(\.name) == ["Khalifa Hifter", "Giuseppe Conte"])
            #expect(try store.entities(type: .norp).data.map(\.name) == ["Italian"])
            #expect(try store.entities(type: .org).data.isEmpty)

            let conte = try #require(detail.entities.first { $0.name == "Giuseppe Conte" })
            let entity = try #require(try store.entity(id: conte.id))
            #expect(entity.summary == EntitySummary(id: conte.id, name: "Giuseppe Conte", type: .person, articleCount: 1, mentionCount: 3))
            #expect(entity.articles.data == page.data)

            let captions = try store.captions().data
            #expect(captions == detail.captions.map {
                CaptionRecord(id: $0.id, articleId: id, text: $0.text, isFilePhoto: $0.isFilePhoto, date: $0.date, place: $0.place)
            })
        }
    }

    @Test func unknownIDsReadAsNil() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            #expect(try store.article(id: id + 1) == nil)
            #expect(try store.entity(id: 999_999) == nil)
        }
    }

    @Test func articleWithoutCaptionsOrEntitiesRoundTrips() throws {
        try withTemporaryStore { store, _ in
            let (document, parsed) = try Fixtures.article("Bare text.")
            let id = try store.store(document, parsed).id
            let detail = try #require(try store.article(id: id))
            #expect(detail.dateline == "ROME")
            #expect(detail.byline == "By A. Writer")
            #expect(detail.publishedAt == nil)
            #expect(detail.paragraphs == ["Bare text."])
            #expect(detail.captions.isEmpty && detail.entities.isEmpty)
            #expect(try store.articles(limit: 5).data.first?.captionCount == 0)
            #expect(try store.entities().data.isEmpty)
            #expect(try store.captions().data.isEmpty)
        }
    }
}
