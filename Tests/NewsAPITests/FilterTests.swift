import Foundation
import HTTPTestSupport
import Testing

/// The filters of `/v1/articles` and `/v1/captions`, and the 400s for values they do not take.
@Suite("Article and caption filters over a real socket", .serialized)
struct FilterTests {
    private let api: APITestServer
    private let ids: [String: Int]
    private let client: TestClient

    init() throws {
        api = try APITestServer()
        ids = try EvalCorpus.ingest(into: api)
        client = try api.client()
    }

    private func articles(_ query: String) throws -> [[String: Any]] {
        let response = try client.request("GET", "/v1/articles?limit=100&\(query)")
        #expect(response.status == 200, "\(query): \(response.text)")
        return response.items
    }

    private func entityID(_ name: String) throws -> Int {
        try #require(try client.request("GET", "/v1/entities?limit=100&q=\(queryValue(name))").items
            .first { $0["name"] as? String == name }?["id"] as? Int)
    }

    @Test func entityIdsMustAllBeMentioned() throws {
        let libya = try entityID("Libya")
        let italy = try entityID("Italy")
        let withLibya = Set(try articles("entity=\(libya)").compactMap { $0["id"] as? Int })
        let withItaly = Set(try articles("entity=\(italy)").compactMap { $0["id"] as? Int })
        let both = Set(try articles("entity=\(libya)&entity=\(italy)").compactMap { $0["id"] as? Int })
        #expect(withLibya.count > 1 && withItaly.count > 1)
        #expect(both == withLibya.intersection(withItaly))
        #expect(!both.isEmpty && both.count < withLibya.count)
        #expect(try articles("entity=999999").isEmpty)
    }

    @Test func entityNameMatchesANameOrAnAliasInAnyCase() throws {
        let seed = 1
        // "Hiftar" is how most mentions of Khalifa Hifter are written in the seed.
        for name in ["Khalifa Hifter", "khalifa hifter", "Hiftar", "HIFTAR"] {
            #expect(try articles("entityName=\(queryValue(name))").compactMap { $0["id"] as? Int } == [seed], "\(name)")
        }
        #expect(try articles("entityName=Hift").isEmpty)
        #expect(try articles("entityName=Hiftar&entityType=PERSON").count == 1)
        #expect(try articles("entityName=Hiftar&entityType=GPE").isEmpty)
    }

    @Test func entityTypeAloneKeepsArticlesMentioningAnyEntityOfThatType() throws {
        let all = try articles("")
        let withPeople = try articles("entityType=person")
        #expect(!withPeople.isEmpty && withPeople.count <= all.count)
        for article in withPeople.prefix(5) {
            let detail = try #require(try client.request("GET", "/v1/articles/\(article["id"] as? Int ?? 0)").json)
            #expect((detail["entities"] as? [[String: Any]])?.contains { $0["type"] as? String == "PERSON" } == true)
        }
    }

    @Test func datesAreInclusiveAndLeaveUndatedArticlesOut() throws {
        let march = try articles("from=2019-03-05&to=2019-04-11")
        let dates = march.compactMap { $0["publishedAt"] as? String }
        #expect(dates.count == march.count)
        #expect(dates.contains("2019-03-05") && dates.contains("2019-04-11"))
        #expect(dates.allSatisfy { $0 >= "2019-03-05" && $0 <= "2019-04-11" })
        #expect(try articles("from=2019-04-11&to=2019-04-11").compactMap { $0["id"] as? Int } == [ids["13-bogota-coca-record"]!])
        #expect(try articles("from=2100-01-01").isEmpty)
    }

    @Test func hasCaptionsSplitsTheListing() throws {
        let all = try articles("")
        let with = try articles("hasCaptions=true")
        let without = try articles("hasCaptions=false")
        #expect(with.allSatisfy { ($0["captionCount"] as? Int ?? 0) > 0 })
        #expect(without.allSatisfy { $0["captionCount"] as? Int == 0 })
        #expect(with.count + without.count == all.count)
    }

    @Test func filtersCombineWithSearch() throws {
        let libya = try entityID("Libya")
        let withSearch = try articles("q=said&entity=\(libya)&hasCaptions=true&from=2018-01-01")
        #expect(!withSearch.isEmpty)
        let filtered = Set(try articles("entity=\(libya)&hasCaptions=true&from=2018-01-01").compactMap { $0["id"] as? Int })
        #expect(Set(withSearch.compactMap { $0["id"] as? Int }).isSubset(of: filtered))
    }

    @Test(arguments: [
        ("entity=abc", "entity"), ("entity=0", "entity"), ("entity=-3", "entity"),
        ("entityType=PLANET", "entityType"), ("entityName=", "entityName"), ("entityName=%00x", "entityName"),
        ("from=2019-02-30", "from"), ("from=2019-2-3", "from"), ("to=yesterday", "to"), ("from=2020-01-02&to=2020-01-01", "from"),
        ("hasCaptions=yes", "hasCaptions"), ("hasCaptions=1", "hasCaptions"),
        ("sort=newest", "sort"), ("sort=relevance", "sort"), ("sort=-publishedAt&sort=publishedAt", "sort"),
        ("limit=0", "limit"), ("limit=101", "limit"), ("offset=0", "offset"),
    ])
    func invalidValuesAre400sNamingTheParameter(query: String, parameter: String) throws {
        let response = try client.request("GET", "/v1/articles?\(query)")
        #expect(response.status == 400, "\(query)")
        #expect(response.field("Content-Type") == "application/problem+json")
        #expect(response.json?["parameter"] as? String == parameter, "\(query): \(response.text)")
        #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-parameter")
    }

    @Test func unknownParametersAreIgnored() throws {
        #expect(try client.request("GET", "/v1/articles?colour=blue&page=7").status == 200)
    }

    @Test func captionsFilterBySearchFilePhotoAndEntity() throws {
        let all = try client.walk("/v1/captions?limit=100")
        #expect(all.allSatisfy { $0["entities"] is [[String: Any]] })
        let files = try client.walk("/v1/captions?isFilePhoto=true")
        #expect(!files.isEmpty && files.allSatisfy { $0["isFilePhoto"] as? Bool == true })
        #expect(files.count + (try client.walk("/v1/captions?isFilePhoto=false")).count == all.count)

        let glacial = try client.walk("/v1/captions?q=glacial")
        #expect(glacial.count == 1)
        #expect((glacial.first?["text"] as? String)?.contains("glacial") == true)
        #expect(try client.walk("/v1/captions?q=glacial+-Huaraz").isEmpty)

        // A caption's entities are the ones with a mention span in that caption.
        let benghazi = try entityID("Benghazi")
        let withBenghazi = try client.walk("/v1/captions?entity=\(benghazi)")
        #expect(!withBenghazi.isEmpty)
        for caption in withBenghazi {
            #expect((caption["entities"] as? [[String: Any]])?.contains { $0["id"] as? Int == benghazi } == true)
            #expect((caption["text"] as? String)?.contains("Benghazi") == true)
        }
        let libyanArmy = try entityID("Libyan National Army")
        let both = try client.walk("/v1/captions?entity=\(benghazi)&entity=\(libyanArmy)")
        #expect(both.count <= withBenghazi.count)
        #expect(try client.request("GET", "/v1/captions?isFilePhoto=maybe").json?["parameter"] as? String == "isFilePhoto")
    }
}
