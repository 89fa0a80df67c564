import Foundation
import HTTPTestSupport
import Testing

@Suite("API reads over a real socket", .serialized)
struct ReadingTests {
    @Test func healthCountsArticles() throws {
        let api = try APITestServer()
        let response = try api.client().request("GET", "/v1/health")
        #expect(response.status == 200)
        #expect(response.field("Content-Type") == "application/json")
        #expect(response.json?["status"] as? String == "ok")
        #expect(response.json?["articles"] as? Int == 1)
    }

    @Test func articleListShowsTheSeed() throws {
        let api = try APITestServer()
        let page = try #require(try api.client().request("GET", "/v1/articles").json)
        #expect(page["total"] as? Int == 1)
        #expect(Set(page.keys) == ["data", "page", "total"])
        let info = try #require(page["page"] as? [String: Any])
        #expect(info["limit"] as? Int == 20)
        #expect(info["next"] is NSNull)
        let first = try #require((page["data"] as? [[String: Any]])?.first)
        #expect(first["headline"] as? String == "Italy Brings Together Libya Rivals on Conference Sidelines")
        #expect(first["publishedAt"] as? String == "2018-11-13")
        #expect(first["captionCount"] as? Int == 2)
        #expect(first.keys.contains("dateline"))
    }

    @Test func articleDetailHasBodyCaptionsAndEntities() throws {
        let api = try APITestServer()
        let client = try api.client()
        let id = try #require((try client.request("GET", "/v1/articles").json?["data"] as? [[String: Any]])?.first?["id"] as? Int)
        let article = try #require(try client.request("GET", "/v1/articles/\(id)").json)
        #expect((article["paragraphs"] as? [String])?.count == 10)
        let captions = try #require(article["captions"] as? [[String: Any]])
        #expect(captions.count == 2)
        #expect(captions[1]["isFilePhoto"] as? Bool == true)
        #expect(captions[1]["date"] as? String == "2015-08-24")
        #expect(captions[1]["place"] as? String == "Amman, Jordan")
        let entities = try #require(article["entities"] as? [[String: Any]])
        let people = Set(entities.filter { $0["type"] as? String == "PERSON" }.compactMap { $0["name"] as? String })
        #expect(people.isSuperset(of: ["Giuseppe Conte", "Fayez Serraj", "Khalifa Hifter"]))
        #expect((article["sha256"] as? String)?.count == 64)
        #expect(article["createdAt"] is String)
    }

    @Test func entitiesFilterByTypeAndLinkToArticles() throws {
        let api = try APITestServer()
        let client = try api.client()
        let places = try #require(try client.request("GET", "/v1/entities?type=GPE").json?["data"] as? [[String: Any]])
        #expect(!places.isEmpty)
        #expect(places.allSatisfy { $0["type"] as? String == "GPE" })
        let counts = places.compactMap { $0["mentionCount"] as? Int }
        #expect(counts == counts.sorted(by: >))
        let libya = try #require(places.first { $0["name"] as? String == "Libya" })
        let detail = try #require(try client.request("GET", "/v1/entities/\(libya["id"] as? Int ?? 0)").json)
        #expect(detail["name"] as? String == "Libya")
        #expect(((detail["articles"] as? [String: Any])?["data"] as? [[String: Any]])?.count == 1)
    }

    @Test func entitiesAndCaptionsArePaged() throws {
        let api = try APITestServer()
        let client = try api.client()
        let first = try #require(try client.request("GET", "/v1/captions?limit=1").json)
        #expect((first["data"] as? [[String: Any]])?.count == 1)
        #expect(first["total"] as? Int == 2)
        let next = try #require((first["page"] as? [String: Any])?["next"] as? String)
        let second = try #require(try client.request("GET", "/v1/captions?limit=1&cursor=\(next)").json)
        #expect((second["data"] as? [[String: Any]])?.first?["isFilePhoto"] as? Bool == true)
        #expect((second["page"] as? [String: Any])?["next"] is NSNull)
        let entities = try #require(try client.request("GET", "/v1/entities?limit=3").json)
        #expect((entities["data"] as? [[String: Any]])?.count == 3)
        #expect((entities["total"] as? Int ?? 0) > 3)
        #expect((entities["page"] as? [String: Any])?["limit"] as? Int == 3)
    }

    @Test func captionsCarryTheirArticle() throws {
        let api = try APITestServer()
        let captions = try #require(try api.client().request("GET", "/v1/captions").json?["data"] as? [[String: Any]])
        #expect(captions.count == 2)
        #expect(captions.allSatisfy { $0["articleId"] is Int })
        #expect(captions.filter { $0["isFilePhoto"] as? Bool == true }.count == 1)
    }

    @Test func headMirrorsGetWithoutBody() throws {
        let api = try APITestServer()
        let client = try api.client()
        let get = try client.request("GET", "/v1/articles")
        let head = try client.request("HEAD", "/v1/articles")
        #expect(head.status == 200)
        #expect(head.field("Content-Length") == String(get.body.count))
        #expect(try client.request("GET", "/v1/health").status == 200)
    }

    @Test(arguments: [
        ("/v1/articles?limit=0", 400), ("/v1/articles?limit=101", 400), ("/v1/articles?limit=%2B5", 400),
        ("/v1/articles?offset=-1", 400), ("/v1/entities?type=PLANET", 400),
        ("/v1/entities?limit=0", 400), ("/v1/articles?limit=1&limit=abc", 400), ("/v1/entities?type=GPE&type=ORG", 400), ("/v1/captions?offset=-5", 400), ("/v1/captions?limit=1e3", 400),
        ("/v1/articles/abc", 404), ("/v1/articles/1%2F2", 404), ("/v1/articles%2F1", 404), ("/v1/articles/999999", 404), ("/v1/entities/0", 404),
    ])
    func badParametersAreProblems(target: String, status: Int) throws {
        let api = try APITestServer()
        let response = try api.client().request("GET", target)
        #expect(response.status == status)
        #expect(response.field("Content-Type") == "application/problem+json")
        #expect(response.json?["status"] as? Int == status)
        #expect((response.json?["detail"] as? String)?.isEmpty == false)
    }

    @Test func paginationWalksTheList() throws {
        let api = try APITestServer()
        let client = try api.client()
        let batch = [SampleDocuments.nairobi, SampleDocuments.geneva].map(SampleDocuments.ndjsonLine).joined(separator: "\n")
        #expect(try client.request("POST", "/v1/articles/batch", fields: [("Content-Type", "application/x-ndjson")], body: Array(batch.utf8)).status == 200)
        var seen: [Int] = []
        var target: String? = "/v1/articles?limit=1"
        while let current = target {
            let response = try client.request("GET", current)
            let page = try #require(response.json)
            #expect(page["total"] as? Int == 3)
            seen += (page["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            target = response.field("Link").map { String($0.dropFirst().prefix { $0 != ">" }) }
        }
        #expect(seen.count == 3 && Set(seen).count == 3)
        let dates = try #require(try client.request("GET", "/v1/articles").json?["data"] as? [[String: Any]]).map { $0["publishedAt"] as? String ?? "" }
        #expect(dates.first == "2022-03-03")
    }
}
