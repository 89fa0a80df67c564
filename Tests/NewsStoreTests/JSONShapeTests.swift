import Foundation
import NewsIngest
@testable import NewsStore
import Testing

/// The read types ARE the API's JSON: exact keys, and null (not a missing key) for absent values.
@Suite struct JSONShapeTests {
    private func object(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func articleDetailKeysAndNulls() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let json = try object(try #require(try store.article(id: id)))
            #expect(Set(json.keys) == ["id", "headline", "publishedAt", "dateline", "byline", "paragraphs",
                                       "captions", "entities", "sha256", "createdAt"])
            #expect(json["dateline"] is NSNull && json["byline"] is NSNull)
            #expect(json["publishedAt"] as? String == "2018-11-13")
            #expect(json["createdAt"] as? String == Fixtures.nowText)
            let caption = try #require((json["captions"] as? [[String: Any]])?.first)
            #expect(Set(caption.keys) == ["id", "text", "isFilePhoto", "date", "place", "credit"])
            #expect(caption["date"] as? String == "2018-11-13")
            let entity = try #require((json["entities"] as? [[String: Any]])?.first)
            #expect(Set(entity.keys) == ["id", "name", "type", "mentions", "spans"])
            #expect(entity["type"] as? String == "GPE")
        }
    }

    @Test func listingKeysAndNulls() throws {
        try withTemporaryStore { store, _ in
            let item = try Fixtures.article("Undated.", captions: [Caption(text: "A photo.", isFilePhoto: false, date: nil, place: nil)],
                                            entities: [NamedEntity(name: "Rome", type: .gpe, mentions: 1)])
            let id = try store.store(item.0, item.1).id

            let summary = try object(try #require(try store.articles(limit: 1).data.first))
            #expect(Set(summary.keys) == ["id", "headline", "publishedAt", "dateline", "captionCount"])
            #expect(summary["publishedAt"] is NSNull)
            #expect(summary["id"] as? Int64 == id)

            let caption = try object(try #require(try store.captions().data.first))
            #expect(Set(caption.keys) == ["id", "articleId", "text", "isFilePhoto", "date", "place", "credit", "entities"])
            #expect(caption["date"] is NSNull && caption["place"] is NSNull)

            // The entity detail's JSON is the API's (EntityResponse), checked in the API tests.
            let summaryJSON = try object(try #require(try store.entities().data.first))
            #expect(Set(summaryJSON.keys) == ["id", "name", "type", "articleCount", "mentionCount"])
        }
    }

    @Test func detailDecodesBackFromItsJSON() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let detail = try #require(try store.article(id: id))
            let decoded = try JSONDecoder().decode(ArticleDetail.self, from: JSONEncoder().encode(detail))
            #expect(decoded == detail)
        }
    }
}
