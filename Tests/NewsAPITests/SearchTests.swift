import Foundation
import HTTPTestSupport
import Testing

/// Full-text search end to end, over a real socket, on the seed and the evaluation documents.
@Suite("Search over the evaluation documents", .serialized)
struct SearchTests {
    private let api: APITestServer
    private let ids: [String: Int]
    private let client: TestClient

    init() throws {
        api = try APITestServer()
        ids = try EvalCorpus.ingest(into: api)
        client = try api.client()
    }

    private func articleIDs(_ query: String, _ extra: String = "") throws -> [Int] {
        let response = try client.request("GET", "/v1/articles?limit=100&q=\(queryValue(query))\(extra)")
        #expect(response.status == 200, "\(query): \(response.text)")
        return response.items.compactMap { $0["id"] as? Int }
    }

    private var colombia: Int { ids["13-bogota-coca-record"]! }
    private var chile: Int { ids["02-santiago-copper-strike"]! }
    private var eskom: Int { ids["19-johannesburg-eskom-bailout"]! }
    private var peru: Int { ids["17-peru-glacial-lake"]! }

    @Test func aPhraseThatExistsFindsItsArticleOnly() throws {
        #expect(try articleIDs(#""eradication teams""#) == [colombia])
        // The same words apart, or in another order, are no phrase match.
        #expect(try articleIDs(#""teams eradication""#).isEmpty)
    }

    @Test func anExclusionRemovesArticlesThatHoldTheWordAnywhere() throws {
        #expect(Set(try articleIDs("strike")) == [chile, eskom])
        #expect(try articleIDs("strike -copper") == [eskom])
        #expect(try articleIDs(#"strike -"final offer""#) == [eskom])
        #expect(try articleIDs("strike NOT copper") == [eskom])
    }

    @Test func aPrefixMatchesTheWordsItBegins() throws {
        #expect(try articleIDs("eradicat*") == [colombia])
        #expect(try articleIDs("eradicat").isEmpty)
    }

    @Test func orMatchesEither() throws {
        #expect(Set(try articleIDs("copper OR coca")) == [chile, colombia])
        #expect(try articleIDs("copper coca").isEmpty)
    }

    @Test func diacriticsAndCaseDoNotMatter() throws {
        for query in ["Narino", "NARIÑO", "arbelaez", "Arbeláez"] {
            #expect(try articleIDs(query) == [colombia], "\(query)")
        }
        #expect(try articleIDs("Huaman") == [peru])
    }

    @Test func wordsOfAQueryMayStandInDifferentParagraphs() throws {
        // "Arbeláez" and "FARC" are paragraphs apart in the Colombia story.
        #expect(try articleIDs("Arbelaez FARC") == [colombia])
    }

    @Test func newestFirstIsTheDefaultAndRelevanceRanksHeadlineMatchesFirst() throws {
        // "strike" is in the Chile story's headline and body, and only in the Eskom story's body.
        #expect(try articleIDs("strike") == [eskom, chile])
        #expect(try articleIDs("strike", "&sort=relevance") == [chile, eskom])
        #expect(try articleIDs("strike", "&sort=-publishedAt") == [eskom, chile])
        #expect(try articleIDs("strike", "&sort=publishedAt") == [chile, eskom])
    }

    @Test func searchListsArticlesAndCaptionsWithHighlights() throws {
        let response = try client.request("GET", "/v1/search?q=\(queryValue(#""eradication teams" OR glacial"#))")
        #expect(response.status == 200)
        let hits = response.items
        #expect(response.json?["total"] as? Int == hits.count)
        let colombiaHit = try #require(hits.first { $0["articleId"] as? Int == colombia })
        #expect(colombiaHit["type"] as? String == "article")
        #expect(colombiaHit["field"] as? String == "paragraph")
        #expect(colombiaHit["captionId"] is NSNull)
        #expect((colombiaHit["highlights"] as? String)?.contains("<mark>eradication teams</mark>") == true)
        #expect(colombiaHit["headline"] as? String == "Colombia's coca crop hits record — and Washington is losing patience")

        let caption = try #require(hits.first { $0["type"] as? String == "caption" })
        #expect(caption["field"] as? String == "caption")
        #expect(caption["articleId"] as? Int == peru)
        #expect(caption["captionId"] is Int)
        #expect(caption["position"] as? Int == 0)
        #expect((caption["highlights"] as? String)?.contains("<mark>glacial</mark>") == true)
        #expect(Set(hits.map { Set($0.keys) }) == [["type", "articleId", "captionId", "headline", "publishedAt", "field", "position", "highlights"]])
    }

    @Test func aHeadlineHitSaysSo() throws {
        let hits = try client.request("GET", "/v1/search?q=Sidelines").items
        let first = try #require(hits.first)
        #expect(first["field"] as? String == "headline")
        #expect(first["position"] is NSNull)
        #expect(first["highlights"] as? String == "Italy Brings Together Libya Rivals on Conference <mark>Sidelines</mark>")
    }

    @Test func highlightsAreEscapedHTML() throws {
        let document = """
        Markup <b>in</b> a headline & more

        Officials said the <script>alert(1)</script> tag & the ampersand were kept as text in Zanzibar.
        """
        #expect(try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain")], body: Array(document.utf8)).status == 201)
        let hit = try #require(try client.request("GET", "/v1/search?q=zanzibar").items.first)
        let highlights = try #require(hit["highlights"] as? String)
        #expect(!highlights.contains("<script>") && !highlights.contains("<b>"))
        #expect(highlights.contains("&lt;script&gt;") && highlights.contains("&amp;"))
        #expect(highlights.contains("<mark>Zanzibar</mark>"))
    }

    @Test func aSearchIsPagedLikeEveryListing() throws {
        let all = try client.request("GET", "/v1/search?q=said&limit=100")
        let walked = try client.walk("/v1/search?q=said&limit=3")
        #expect(walked.count == all.items.count)
        #expect(walked.map { "\($0["type"]!)\($0["articleId"]!)\($0["captionId"]!)" } == all.items.map { "\($0["type"]!)\($0["articleId"]!)\($0["captionId"]!)" })
    }

    @Test(arguments: ["", "q=", "q=%22%22", "q=-libya", "q=*", "q=NOT+libya", "q=%E2%80%94"])
    func unsearchableQueriesAreInvalidQueryProblems(query: String) throws {
        for path in ["/v1/articles", "/v1/search", "/v1/captions"] where !(query.isEmpty && path != "/v1/search") {
            let response = try client.request("GET", "\(path)?\(query)")
            #expect(response.status == 400, "\(path)?\(query)")
            #expect(response.field("Content-Type") == "application/problem+json")
            #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-query")
            #expect(response.json?["parameter"] as? String == "q")
            #expect((response.json?["detail"] as? String)?.isEmpty == false)
        }
    }
}
