import Foundation
import NewsIngest
import NewsStore
import Testing
@testable import NewsAPI

/// The JSON writer must give exactly the bytes of the API's JSONEncoder, which stays the reference.
@Suite("JSONWriter")
struct JSONWriterTests {
    private func encoded(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    private func expectSameBytes<Value: Encodable & JSONWritable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = try encoded(value)
        let written = value.jsonBytes
        #expect(written == reference, "\(String(decoding: written, as: UTF8.self))\n!=\n\(String(decoding: reference, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    @Test func storedArticlesAndListingsMatchTheEncoder() throws {
        let api = try APITestServer()
        let ids = try EvalCorpus.ingest(into: api)
        #expect(ids.count >= 20)
        var checked = 0
        for id in [1] + ids.values.map(Int64.init) {
            let article = try #require(try api.store.article(id: id))
            try expectSameBytes(article)
            checked += 1
        }
        #expect(checked == ids.count + 1)
        let page = try api.store.articles(limit: 50)
        #expect(page.data.count == ids.count + 1)
        try expectSameBytes(ListingResponse.Body(data: page.data, page: .init(next: nil, limit: 50), total: page.total))
        try expectSameBytes(ListingResponse.Body(data: page.data, page: .init(next: "abc/def", limit: 50), total: page.total))
        try expectSameBytes(NewsAPI.Health(status: "ok", articles: page.total))
        let entities = try api.store.entities(limit: 100)
        #expect(entities.data.count > 50)
        try expectSameBytes(ListingResponse.Body(data: entities.data, page: .init(next: nil, limit: 100), total: entities.total))
        for summary in entities.data.prefix(20) {
            let entity = try #require(try api.store.entity(id: summary.id))
            #expect(!entity.aliases.isEmpty)
            for next in [nil, "/v1/entities/\(entity.id)/articles?limit=10&cursor=abc"] {
                try expectSameBytes(EntityResponse.Body(
                    id: entity.id, name: entity.name, type: entity.type, articleCount: entity.articleCount,
                    mentionCount: entity.mentionCount, aliases: entity.aliases,
                    articles: .init(data: entity.articles.data, total: entity.articleCount, next: next)))
            }
        }
    }

    @Test func stringsEscapeAsTheEncoderDoes() throws {
        let controls = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        for text in [controls, "", "plain", "quote \" backslash \\ slash / end", "Bogotá — “quoted” 😀 \u{2028}\u{2029} \u{7F}", "\u{0}"] {
            try expectSameBytes(text)
            try expectSameBytes([text, text])
        }
    }

    @Test func integersAndOptionalsMatchTheEncoder() throws {
        try expectSameBytes([Int64.min, Int64.max, 0, -1, 10, 1_000_000])
        try expectSameBytes([Int.min, Int.max])
        try expectSameBytes([String?.none, "x"])
        try expectSameBytes([true, false])
        try expectSameBytes([[Int]]())
        try expectSameBytes(MentionSpan(section: .dateline, index: nil, start: 0, end: 7, text: "NAIROBI", role: nil))
    }
}
