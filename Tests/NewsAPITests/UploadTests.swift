import Foundation
import HTTPTestSupport
import Testing

@Suite("API uploads over a real socket", .serialized)
struct UploadTests {
    private func articleCount(_ client: TestClient) throws -> Int {
        try #require(try client.request("GET", "/v1/health").json?["articles"] as? Int)
    }

    @Test func postingADocumentCreatesThenFindsIt() throws {
        let api = try APITestServer()
        let client = try api.client()
        let body = Array(SampleDocuments.nairobi.utf8)
        let created = try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain; charset=utf-8")], body: body)
        #expect(created.status == 201)
        let id = try #require(created.json?["id"] as? Int)
        #expect(created.field("Location") == "/v1/articles/\(id)")
        #expect(created.json?["headline"] as? String == "Drought Deepens Across Northern Kenya as Rains Fail Again")
        #expect(created.json?["dateline"] as? String == "NAIROBI, Kenya")

        let crlf = Array(SampleDocuments.nairobi.replacingOccurrences(of: "\n", with: "\r\n").utf8) + Array("\r\n\r\n".utf8)
        let again = try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain")], body: crlf)
        #expect(again.status == 200)
        #expect(again.json?["id"] as? Int == id)
        #expect(try articleCount(client) == 2)
    }

    @Test(arguments: [
        ("binary", [UInt8]([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])),
        ("invalid UTF-8", [UInt8]([0x48, 0x65, 0xFF, 0xFE, 0x6C, 0x6F])),
        ("empty", [UInt8]()),
        ("only site chrome", Array("Accessibility links\n\nBreaking News\n".utf8)),
    ])
    func notANewsDocumentIs422AndStoresNothing(name: String, body: [UInt8]) throws {
        let api = try APITestServer()
        let client = try api.client()
        let response = try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain")], body: body)
        #expect(response.status == 422, "\(name)")
        #expect(response.field("Content-Type") == "application/problem+json")
        #expect(try articleCount(client) == 1)
    }

    @Test func declaredLatin1IsDecodedAndUnknownCharsetsAre415() throws {
        let api = try APITestServer()
        let client = try api.client()
        let latin1 = SampleDocuments.geneva.replacingOccurrences(of: "resumed talks", with: "resumed talks at the caf\u{E9}")
        let bytes = latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let created = try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain; charset=ISO-8859-1")], body: bytes)
        #expect(created.status == 201)
        #expect((created.json?["paragraphs"] as? [String])?.first?.contains("caf\u{E9}") == true)
        let unknown = try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain; charset=koi8-r")], body: bytes)
        #expect(unknown.status == 415)
    }

    @Test func wrongMediaTypeIs415() throws {
        let api = try APITestServer()
        let response = try api.client().request("POST", "/v1/articles", fields: [("Content-Type", "application/pdf")], body: [1, 2, 3])
        #expect(response.status == 415)
    }

    @Test func batchIsStoredOnceAndListed() throws {
        let api = try APITestServer()
        let client = try api.client()
        let batch = Array([SampleDocuments.nairobi, SampleDocuments.geneva].map(SampleDocuments.ndjsonLine).joined(separator: "\n").utf8)
        let first = try client.request("POST", "/v1/articles/batch", fields: [("Content-Type", "application/x-ndjson")], body: batch)
        #expect(first.status == 200)
        let results = try #require(first.json?["data"] as? [[String: Any]])
        #expect(results.map { $0["status"] as? String } == ["created", "created"])
        #expect(results.map { $0["index"] as? Int } == [0, 1])
        #expect(try articleCount(client) == 3)
        let headlines = try #require(try client.request("GET", "/v1/articles").json?["data"] as? [[String: Any]]).compactMap { $0["headline"] as? String }
        #expect(headlines.contains("Talks on Lake Chad Water Sharing Resume in Geneva"))

        let second = try client.request("POST", "/v1/articles/batch", fields: [("Content-Type", "application/x-ndjson")], body: batch)
        #expect(second.status == 200)
        let again = try #require(second.json?["data"] as? [[String: Any]])
        #expect(again.map { $0["status"] as? String } == ["existing", "existing"])
        #expect(again.map { $0["id"] as? Int } == results.map { $0["id"] as? Int })
        #expect(try articleCount(client) == 3)
    }

    @Test func batchWithABadItemStoresNothing() throws {
        let api = try APITestServer()
        let client = try api.client()
        let lines = [SampleDocuments.ndjsonLine(SampleDocuments.nairobi), #"{"text": ""}"#, "not json", #"{"body": "x"}"#,
                     SampleDocuments.ndjsonLine(SampleDocuments.geneva)]
        let response = try client.request("POST", "/v1/articles/batch", fields: [("Content-Type", "application/x-ndjson")],
                                          body: Array(lines.joined(separator: "\n").utf8))
        #expect(response.status == 422)
        let errors = try #require(response.json?["errors"] as? [[String: Any]])
        #expect(errors.compactMap { $0["index"] as? Int } == [1, 2, 3])
        #expect(errors.compactMap { $0["line"] as? Int } == [2, 3, 4])
        #expect(errors.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        #expect(try articleCount(client) == 1)
    }

    @Test func blankLinesAreNotItemsButCountAsLines() throws {
        let api = try APITestServer()
        let body = "\r\n" + SampleDocuments.ndjsonLine(SampleDocuments.nairobi) + "\r\n\n  \n[1, 2]\n"
        let response = try api.client().request("POST", "/v1/articles/batch", fields: [("Content-Type", "application/x-ndjson")],
                                                body: Array(body.utf8))
        #expect(response.status == 422)
        let errors = try #require(response.json?["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["index"] as? Int == 1)
        #expect(errors.first?["line"] as? Int == 5)
    }

    @Test func chunkedUploadWorks() throws {
        let api = try APITestServer()
        let client = try api.client()
        let body = Array(SampleDocuments.geneva.utf8)
        let half = body.count / 2
        var wire = Array("POST /v1/articles HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        for part in [body[0..<half], body[half...]] {
            wire += Array(String(part.count, radix: 16).utf8) + [13, 10] + part + [13, 10]
        }
        wire += Array("0\r\n\r\n".utf8)
        try client.send(wire)
        let response = try client.readResponse()
        #expect(response.status == 201)
        #expect(response.json?["byline"] as? String == "Marta Okonjo and Lee Park")
    }
}
