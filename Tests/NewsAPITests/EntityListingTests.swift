import Foundation
import HTTPTestSupport
import NewsIngest
import NewsStore
import Testing

/// Entity autocomplete, an entity's articles, and related entities.
@Suite("Entity listings over a real socket", .serialized)
struct EntityListingTests {
    private let api: APITestServer
    private let client: TestClient

    init() throws {
        api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        client = try api.client()
    }

    private func names(_ target: String) throws -> [String] {
        try client.walk(target).compactMap { $0["name"] as? String }
    }

    @Test func autocompleteMatchesNamePrefixesAndAliasesIgnoringCase() throws {
        // The name begins with "Khalifa"; "Hiftar" is one of its aliases only. "khal" also finds
        // Mansour Khaldoun, through his alias "Khaldoun".
        #expect(try names("/v1/entities?q=khali") == ["Khalifa Hifter"])
        #expect(try names("/v1/entities?q=khal") == ["Khalifa Hifter", "Mansour Khaldoun"])
        #expect(try names("/v1/entities?q=HIFTA") == ["Khalifa Hifter"])
        #expect(try names("/v1/entities?q=hiftar") == ["Khalifa Hifter"])
        let libs = try names("/v1/entities?q=lib")
        #expect(libs.contains("Libya") && libs.contains("Libyan National Army"))
        #expect(libs.allSatisfy { $0.lowercased().hasPrefix("lib") })
        #expect(try names("/v1/entities?q=zzzz").isEmpty)
        // Characters with a meaning in LIKE mean nothing here.
        #expect(try names("/v1/entities?q=%25").isEmpty)
        #expect(try names("/v1/entities?q=_").isEmpty)
    }

    @Test func autocompleteCombinesWithTypeAndSorts() throws {
        let people = try client.walk("/v1/entities?q=g&type=person")
        #expect(!people.isEmpty && people.allSatisfy { $0["type"] as? String == "PERSON" })
        let byName = try names("/v1/entities?sort=name")
        // SQLite's NOCASE folds ASCII letters only, and compares bytes.
        let folded = byName.map { Array($0.utf8).map { (65...90).contains($0) ? $0 + 32 : $0 } }
        #expect(zip(folded, folded.dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) })
        let byMentions = try client.walk("/v1/entities?sort=-mentions").compactMap { $0["mentionCount"] as? Int }
        #expect(byMentions == byMentions.sorted(by: >))
        #expect(Set(byName) == Set(try names("/v1/entities")))
        #expect(try client.request("GET", "/v1/entities?sort=popular").json?["parameter"] as? String == "sort")
        #expect(try client.request("GET", "/v1/entities?q=").json?["parameter"] as? String == "q")
    }

    @Test func anEntitysArticlesArePagedNewestFirst() throws {
        let libya = try #require(try client.request("GET", "/v1/entities?q=Libya&type=GPE").items.first { $0["name"] as? String == "Libya" })
        let id = try #require(libya["id"] as? Int)
        let articles = try client.walk("/v1/entities/\(id)/articles?limit=1")
        #expect(articles.count == libya["articleCount"] as? Int)
        let dates = articles.compactMap { $0["publishedAt"] as? String }
        #expect(dates == dates.sorted(by: >))
        for target in ["/v1/entities/999999/articles", "/v1/entities/abc/articles", "/v1/entities/999999/related"] {
            let response = try client.request("GET", target)
            #expect(response.status == 404, "\(target)")
            #expect(response.field("Content-Type") == "application/problem+json")
        }
    }

    @Test func relatedEntitiesCountSharedArticlesWithEvidence() throws {
        let libya = try #require(try client.request("GET", "/v1/entities?q=Libya&type=GPE").items.first { $0["name"] as? String == "Libya" })
        let id = try #require(libya["id"] as? Int)
        let related = try client.walk("/v1/entities/\(id)/related?limit=7")
        #expect(!related.isEmpty)
        #expect(!related.contains { $0["id"] as? Int == id })
        let counts = related.compactMap { $0["count"] as? Int }
        #expect(counts == counts.sorted(by: >))
        let libyaArticles = Set(try client.walk("/v1/entities/\(id)/articles").compactMap { $0["id"] as? Int })
        for entity in related {
            let evidence = try #require(entity["articleIds"] as? [Int])
            #expect(evidence.count == min(entity["count"] as? Int ?? 0, 10))
            #expect(Set(evidence).isSubset(of: libyaArticles))
            let theirs = Set(try client.walk("/v1/entities/\(entity["id"] as? Int ?? 0)/articles").compactMap { $0["id"] as? Int })
            #expect(entity["count"] as? Int == theirs.intersection(libyaArticles).count)
        }
    }

    @Test func evidenceIsCappedAtTenNewestArticles() throws {
        let atlantis = NamedEntity(name: "Atlantis", type: .gpe, mentions: 1)
        let poseidon = NamedEntity(name: "Poseidon", type: .person, mentions: 2)
        var stored: [(id: Int64, date: CalendarDate)] = []
        for index in 0..<12 {
            let date = CalendarDate(year: 2001, month: 1 + index, day: 1)!
            let item = try SyntheticArticle.make(700 + index, publishedAt: date, entities: [atlantis, poseidon])
            stored.append((try api.store.store(item.0, item.1).id, date))
        }
        let atlantisID = try #require(try client.request("GET", "/v1/entities?q=Atlantis").items.first?["id"] as? Int)
        let related = try client.request("GET", "/v1/entities/\(atlantisID)/related").items
        let first = try #require(related.first)
        #expect(first["name"] as? String == "Poseidon")
        #expect(first["count"] as? Int == 12)
        let newestTen = stored.sorted { $0.date > $1.date }.prefix(10).map { Int($0.id) }
        #expect(first["articleIds"] as? [Int] == newestTen)
    }

    @Test func anEntityShowsItsNewestArticlesAndLinksToTheRest() throws {
        let vesuvius = NamedEntity(name: "Vesuvius", type: .loc, mentions: 1)
        var stored: [(id: Int, date: CalendarDate)] = []
        for index in 0..<13 {
            let date = CalendarDate(year: 1990 + index, month: 8, day: 24)!
            let item = try SyntheticArticle.make(800 + index, publishedAt: date, entities: [vesuvius])
            stored.append((Int(try api.store.store(item.0, item.1).id), date))
        }
        let newestFirst = stored.sorted { $0.date > $1.date }.map(\.id)
        let id = try #require(try client.request("GET", "/v1/entities?q=Vesuvius").items.first?["id"] as? Int)
        let entity = try #require(try client.request("GET", "/v1/entities/\(id)").json)
        #expect(Set(entity.keys) == ["id", "name", "type", "articleCount", "mentionCount", "aliases", "articles"])
        #expect(entity["articleCount"] as? Int == 13)
        let articles = try #require(entity["articles"] as? [String: Any])
        #expect(Set(articles.keys) == ["data", "total", "next"])
        #expect(articles["total"] as? Int == 13)
        // The OpenAPI document states the same page size.
        let schemas = try #require((try client.request("GET", "/openapi.json").json?["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let data = try #require(((schemas["EntityArticles"] as? [String: Any])?["properties"] as? [String: Any])?["data"] as? [String: Any])
        #expect(data["maxItems"] as? Int == EntityDetail.articleLimit)
        let shown = try #require(articles["data"] as? [[String: Any]])
        #expect(shown.compactMap { $0["id"] as? Int } == Array(newestFirst.prefix(10)))
        #expect(Set(shown[0].keys) == ["id", "headline", "publishedAt", "dateline", "captionCount"])

        // `next` is the second page of the entity's article listing; following it meets the rest once.
        let next = try #require(articles["next"] as? String)
        #expect(next.hasPrefix("/v1/entities/\(id)/articles?limit=10&cursor="))
        let rest = try client.walk(next).compactMap { $0["id"] as? Int }
        #expect(rest == Array(newestFirst.dropFirst(10)))

        // An entity whose articles all fit has a null `next`.
        let libya = try #require(try client.request("GET", "/v1/entities?q=Libya&type=GPE").items.first { $0["name"] as? String == "Libya" })
        let detail = try #require(try client.request("GET", "/v1/entities/\(libya["id"] as? Int ?? 0)").json?["articles"] as? [String: Any])
        #expect(detail["next"] is NSNull)
        #expect((detail["data"] as? [[String: Any]])?.count == libya["articleCount"] as? Int)
    }
}
