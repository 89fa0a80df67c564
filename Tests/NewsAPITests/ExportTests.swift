import Foundation
import HTTPTestSupport
import NewsIngest
import Testing

/// `GET /v1/articles` with `Accept: application/x-ndjson`: every matching article in full, streamed.
@Suite("NDJSON export over a real socket", .serialized)
struct ExportTests {
    private static let ndjson = [("Accept", "application/x-ndjson")]

    private func lines(_ response: RawResponse) throws -> [[String: Any]] {
        try response.body.split(separator: UInt8(ascii: "\n")).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
    }

    @Test func oneLinePerMatchingArticleEachTheFullArticle() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        for query in ["", "q=said", "hasCaptions=true&sort=publishedAt", "q=said&sort=-publishedAt&from=2019-01-01", "entityType=ORG"] {
            let export = try client.request("GET", "/v1/articles?\(query)", fields: Self.ndjson)
            #expect(export.status == 200)
            #expect(export.field("Content-Type") == "application/x-ndjson")
            #expect(export.field("Transfer-Encoding") == "chunked")
            #expect(export.field("Vary")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains("Accept") == true)
            #expect(export.body.last == UInt8(ascii: "\n"))
            let articles = try lines(export)
            let listing = try client.walk("/v1/articles?limit=3&\(query)")
            #expect(articles.count == listing.count, "\(query)")
            #expect(articles.count == (try client.request("GET", "/v1/articles?\(query)").json?["total"] as? Int), "\(query)")
            #expect(articles.compactMap { $0["id"] as? Int } == listing.compactMap { $0["id"] as? Int }, "\(query)")
            for article in articles.prefix(3) {
                let single = try #require(try client.request("GET", "/v1/articles/\(article["id"] as? Int ?? 0)").json)
                #expect(NSDictionary(dictionary: article).isEqual(to: single))
            }
        }
    }

    /// With ~12 MiB to send, far more than the socket buffers hold, the server can only be a few pages
    /// ahead of a client that does not read. An article stored meanwhile, which sorts last, still
    /// comes out: the rest of the export was read from the database after it was stored, page by page,
    /// rather than all at once when the request came.
    @Test func aLargeExportIsReadPageByPageWhileItIsSent() throws {
        let api = try APITestServer()
        let paragraph = String(repeating: "The harvest was poor and prices rose again across the region. ", count: 13)
        let count = 1_500
        for start in stride(from: 0, to: count, by: 250) {
            let batch = try (start..<min(start + 250, count)).map {
                try SyntheticArticle.make($0, text: paragraph, publishedAt: CalendarDate(year: 2000 + $0 % 20, month: 1, day: 1), paragraphs: 10)
            }
            _ = try api.store.storeBatch(batch)
        }
        let client = try api.client()
        try client.send("GET /v1/articles HTTP/1.1\r\nHost: test\r\nAccept: application/x-ndjson\r\n\r\n")
        // Let the producer fill the socket buffers and block on the client that does not read yet.
        usleep(500_000)
        let late = try SyntheticArticle.make(99_999, text: "Stored while the export was being sent.")
        let lateID = try api.store.store(late.0, late.1).id

        let export = try client.readResponse(timeout: 60)
        #expect(export.status == 200)
        #expect(export.body.count > 12_000_000)
        let ids = try lines(export).compactMap { $0["id"] as? Int }
        #expect(ids.count == count + 2)
        #expect(ids.last == Int(lateID))
        #expect(Set(ids).count == ids.count)
        #expect(try client.request("GET", "/v1/health").status == 200)
    }

    @Test(arguments: [
        ("application/x-ndjson", true),
        ("application/json, application/x-ndjson;q=0.5", false),
        ("application/x-ndjson, application/json;q=0.9", true),
        ("application/x-ndjson;q=0", false),
        ("application/json", false),
        ("*/*", false),
        ("text/html, application/X-NDJSON", true),
    ])
    func acceptChoosesTheFormat(accept: String, isNDJSON: Bool) throws {
        let api = try APITestServer()
        let response = try api.client().request("GET", "/v1/articles", fields: [("Accept", accept)])
        #expect(response.status == 200)
        #expect(response.field("Content-Type") == (isNDJSON ? "application/x-ndjson" : "application/json"), "\(accept)")
    }

    @Test func badParametersAreStillProblemsAndHeadSendsNoBody() throws {
        let api = try APITestServer()
        let client = try api.client()
        let bad = try client.request("GET", "/v1/articles?q=-libya", fields: Self.ndjson)
        #expect(bad.status == 400)
        #expect(bad.field("Content-Type") == "application/problem+json")
        let head = try client.request("HEAD", "/v1/articles", fields: Self.ndjson)
        #expect(head.status == 200)
        #expect(head.field("Content-Type") == "application/x-ndjson")
        #expect(try client.request("GET", "/v1/health").status == 200)
    }
}
