import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// `POST /v1/articles/batch` beyond the basics in UploadTests: JSON arrays, `?atomic=false`, and
/// large bodies read while they arrive, over a real socket and a real SQLite file.
@Suite("Batch uploads over a real socket", .serialized)
struct BatchUploadTests {
    static let ndjson = [("Content-Type", "application/x-ndjson")]
    static let json = [("Content-Type", "application/json")]

    /// The evaluation documents, as uploaded.
    static func documents() throws -> [String] {
        try ["01-nairobi-drought", "03-tripoli-clashes", "05-geneva-sudan-talks", "14-kyiv-grain-ships"].map(SampleDocuments.evaluation)
    }

    static func articleCount(_ api: APITestServer) throws -> Int {
        try api.store.articleCount()
    }

    static func jsonArray(_ items: [String]) -> [UInt8] {
        Array(("[\n" + items.joined(separator: ",\n") + "\n]").utf8)
    }

    @Test func aJSONArrayIsABatch() throws {
        let api = try APITestServer()
        let client = try api.client()
        let items = try Self.documents().map(SampleDocuments.ndjsonLine)
        let response = try client.request("POST", "/v1/articles/batch", fields: Self.json, body: Self.jsonArray(items))
        #expect(response.status == 200)
        let data = try #require(response.json?["data"] as? [[String: Any]])
        #expect(data.compactMap { $0["status"] as? String } == ["created", "created", "created", "created"])
        #expect(data.compactMap { $0["index"] as? Int } == [0, 1, 2, 3])
        #expect(data.compactMap { $0["line"] as? Int } == [2, 3, 4, 5])
        #expect(response.json?["created"] as? Int == 4)
        #expect(try Self.articleCount(api) == 5)
        let tripoli = try #require(data[1]["id"] as? Int)
        #expect(try client.request("GET", "/v1/articles/\(tripoli)").json?["headline"] as? String
            == "Clashes Erupt South of Tripoli as U.N. Pushes for Ceasefire")
    }

    @Test func aBatchInACharsetOtherThanUTF8Is415() throws {
        let api = try APITestServer()
        let client = try api.client()
        let items = try Self.documents().prefix(1).map(SampleDocuments.ndjsonLine)
        for type in ["application/json; charset=utf-16", "application/x-ndjson; charset=\"ISO-8859-1\""] {
            let refused = try client.request("POST", "/v1/articles/batch", fields: [("Content-Type", type)], body: Self.jsonArray(items))
            #expect(refused.status == 415, "\(type)")
            #expect(refused.field("Content-Type") == "application/problem+json")
        }
        #expect(try Self.articleCount(api) == 1)
        let accepted = try client.request("POST", "/v1/articles/batch", fields: [("Content-Type", "application/json; charset=UTF-8")],
                                          body: Self.jsonArray(items))
        #expect(accepted.status == 200)
        #expect(try Self.articleCount(api) == 2)
    }

    @Test func aJSONArrayWithBadItemsStoresNothingAndNamesThem() throws {
        let api = try APITestServer()
        let items = [SampleDocuments.ndjsonLine(SampleDocuments.nairobi), #"{"text": ""}"#, "42", #"{"text": ["a"]}"#, "[1, {\"text\": 2}]"]
        let response = try api.client().request("POST", "/v1/articles/batch", fields: Self.json, body: Self.jsonArray(items))
        #expect(response.status == 422)
        #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-batch")
        let errors = try #require(response.json?["errors"] as? [[String: Any]])
        #expect(errors.compactMap { $0["index"] as? Int } == [1, 2, 3, 4])
        #expect(errors.compactMap { $0["line"] as? Int } == [3, 4, 5, 6])
        #expect(try Self.articleCount(api) == 1)
    }

    @Test(arguments: ["", "{\"text\": \"a\"}", "[{\"text\": \"a\"}", "[{\"text\": \"a\"},]", "[{\"text\": \"a\"}] x", "[1 2]", "[,]"])
    func aBrokenJSONArrayIs400AndStoresNothing(body: String) throws {
        let api = try APITestServer()
        let items = SampleDocuments.ndjsonLine(SampleDocuments.nairobi)
        let text = body.replacingOccurrences(of: "{\"text\": \"a\"}", with: items)
        let response = try api.client().request("POST", "/v1/articles/batch", fields: Self.json, body: Array(text.utf8))
        #expect(response.status == 400, "\(body)")
        #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-json", "\(body)")
        #expect(try Self.articleCount(api) == 1)
    }

    @Test func itemByItemABodyThatIsNoArrayIsRefusedWhole() throws {
        let api = try APITestServer()
        let response = try api.client().request("POST", "/v1/articles/batch?atomic=false", fields: Self.json, body: Array(#"{"text": "x"}"#.utf8))
        #expect(response.status == 400)
        #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-json")
    }

    @Test func anEmptyArrayIsAnEmptyBatch() throws {
        let api = try APITestServer()
        let response = try api.client().request("POST", "/v1/articles/batch", fields: Self.json, body: Array(" [ ] ".utf8))
        #expect(response.status == 422)
    }

    @Test func itemByItemStoresTheGoodAndReportsTheBad() throws {
        let api = try APITestServer()
        let client = try api.client()
        let documents = try Self.documents()
        let lines = [
            SampleDocuments.ndjsonLine(documents[0]), "", #"{"text": ""}"#, "not json",
            SampleDocuments.ndjsonLine(documents[1]), SampleDocuments.ndjsonLine(documents[0]), #"{"txt": "x"}"#,
        ]
        let response = try client.request("POST", "/v1/articles/batch?atomic=false", fields: Self.ndjson,
                                          body: Array(lines.joined(separator: "\n").utf8))
        // 200, not 207: the request did what it was asked; each item's status is in the body.
        #expect(response.status == 200)
        let body = try #require(response.json)
        #expect(body["created"] as? Int == 2)
        #expect(body["existing"] as? Int == 1)
        #expect(body["rejected"] as? Int == 3)
        let data = try #require(body["data"] as? [[String: Any]])
        #expect(data.compactMap { $0["index"] as? Int } == [0, 1, 2, 3, 4, 5])
        #expect(data.compactMap { $0["line"] as? Int } == [1, 3, 4, 5, 6, 7])
        #expect(data.compactMap { $0["status"] as? String } == ["created", "rejected", "rejected", "created", "existing", "rejected"])
        #expect(data[0]["id"] as? Int == data[4]["id"] as? Int)
        #expect(data[1]["id"] == nil)
        #expect((data[1]["reason"] as? String)?.contains("empty") == true)
        #expect((data[2]["reason"] as? String)?.contains("not valid JSON") == true)
        #expect((data[5]["reason"] as? String)?.contains("`text`") == true)
        #expect(try Self.articleCount(api) == 3)
    }

    @Test func itemByItemAJSONArrayThatBreaksOffKeepsTheItemsBefore() throws {
        let api = try APITestServer()
        let documents = try Self.documents()
        let body = "[" + SampleDocuments.ndjsonLine(documents[0]) + ", " + SampleDocuments.ndjsonLine(documents[1]) + " oops"
        let response = try api.client().request("POST", "/v1/articles/batch?atomic=false", fields: Self.json, body: Array(body.utf8))
        #expect(response.status == 200)
        let data = try #require(response.json?["data"] as? [[String: Any]])
        #expect(data.compactMap { $0["status"] as? String } == ["created", "created", "rejected"])
        #expect(try Self.articleCount(api) == 3)
    }

    @Test(arguments: ["yes", "TRUE", "1"])
    func atomicIsTrueOrFalse(value: String) throws {
        let api = try APITestServer()
        let response = try api.client().request("POST", "/v1/articles/batch?atomic=\(value)", fields: Self.ndjson,
                                                 body: Array(SampleDocuments.ndjsonLine(SampleDocuments.nairobi).utf8))
        #expect(response.status == 400)
        #expect(response.json?["parameter"] as? String == "atomic")
        #expect(try Self.articleCount(api) == 1)
    }

    // MARK: Large bodies

    /// `count` NDJSON lines of about `lineBytes` each: the evaluation documents, each made distinct by
    /// a closing sentence, padded with a member the route ignores. Padding keeps parsing (slow in a
    /// debug build) to a few hundred documents while the body is tens of MiB.
    static func largeBatch(count: Int, lineBytes: Int) throws -> [UInt8] {
        let documents = try Self.documents()
        var body: [UInt8] = []
        body.reserveCapacity(count * (lineBytes + 1))
        for index in 0..<count {
            let text = documents[index % documents.count] + "\n\nOfficials said \(index) more convoys would follow."
            let item = try JSONSerialization.data(withJSONObject: ["text": text])
            let padding = max(0, lineBytes - item.count - 14)
            body += Array(item.dropLast()) + Array(#","padding":""#.utf8) + [UInt8](repeating: UInt8(ascii: "p"), count: padding) + Array("\"}\n".utf8)
        }
        return body
    }

    @Test func a20MiBBatchIsReadWhileItArrives() throws {
        let api = try APITestServer()
        let client = try api.client()
        let body = try Self.largeBatch(count: 200, lineBytes: 105 * 1024)
        #expect(body.count >= 20 * 1024 * 1024)
        let response = try client.request("POST", "/v1/articles/batch", fields: Self.ndjson, body: body)
        #expect(response.status == 200)
        #expect(response.json?["created"] as? Int == 200)
        #expect(try Self.articleCount(api) == 201)
    }

    @Test func a20MiBChunkedBatchIsReadWhileItArrives() throws {
        let api = try APITestServer()
        let client = try api.client()
        let body = try Self.largeBatch(count: 200, lineBytes: 105 * 1024)
        var wire = Array("POST /v1/articles/batch?atomic=false HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        // Chunks that do not line up with lines.
        var offset = 0
        while offset < body.count {
            let end = min(body.count, offset + 77_777)
            wire += Array(String(end - offset, radix: 16).utf8) + [13, 10] + body[offset..<end] + [13, 10]
            offset = end
        }
        wire += Array("0\r\n\r\n".utf8)
        try client.send(wire)
        let response = try client.readResponse(timeout: 60)
        #expect(response.status == 200)
        #expect(response.json?["created"] as? Int == 200)
        #expect(response.json?["rejected"] as? Int == 0)
        #expect(try Self.articleCount(api) == 201)
    }

    @Test func aLineOverTheItemLimitIsRejectedWithoutStoppingTheOthers() throws {
        let api = try APITestServer()
        let good = SampleDocuments.ndjsonLine(SampleDocuments.nairobi)
        let huge = #"{"text": ""# + String(repeating: "a", count: 11 * 1024 * 1024) + "\"}"
        let body = Array([good, huge, SampleDocuments.ndjsonLine(SampleDocuments.geneva)].joined(separator: "\n").utf8)
        let response = try api.client().request("POST", "/v1/articles/batch?atomic=false", fields: Self.ndjson, body: body)
        #expect(response.status == 200)
        let data = try #require(response.json?["data"] as? [[String: Any]])
        #expect(data.compactMap { $0["status"] as? String } == ["created", "rejected", "created"])
        #expect((data[1]["reason"] as? String)?.contains("over") == true)
    }

    @Test func aClientThatLeavesMidBatchStoresNothing() throws {
        let api = try APITestServer()
        let body = try Self.largeBatch(count: 40, lineBytes: 64 * 1024)
        do {
            let client = try api.client()
            // The whole batch announced, 30 complete lines and part of the next sent, then the client goes.
            let cut = body.count * 3 / 4 + 100
            try client.send(Array("POST /v1/articles/batch HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-ndjson\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
                + body[..<cut])
        }
        #expect(api.waitUntilIdle())
        #expect(try Self.articleCount(api) == 1)
    }

    @Test func itemByItemAClientThatLeavesKeepsTheCompleteItems() throws {
        let api = try APITestServer()
        let body = try Self.largeBatch(count: 10, lineBytes: 8 * 1024)
        let lineLength = body.firstIndex(of: UInt8(ascii: "\n"))! + 1
        do {
            let client = try api.client()
            try client.send(Array("POST /v1/articles/batch?atomic=false HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-ndjson\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
                + body[..<(lineLength * 3 + 50)])
        }
        #expect(try api.eventually { try Self.articleCount(api) == 4 })
        #expect(api.waitUntilIdle())
        #expect(try Self.articleCount(api) == 4)
    }

    @Test func aBatchOverTheBodyLimitIs413() throws {
        let api = try APITestServer { $0.maxBodySize = 1024 * 1024 }
        let body = try Self.largeBatch(count: 4, lineBytes: 400 * 1024)
        let client = try api.client()
        var wire = Array("POST /v1/articles/batch HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        wire += Array(String(body.count, radix: 16).utf8) + [13, 10] + body + Array("\r\n0\r\n\r\n".utf8)
        _ = client.sendWithoutBlocking(wire, for: 2)
        #expect(try client.readResponse().status == 413)
        #expect(api.waitUntilIdle())
        #expect(try Self.articleCount(api) == 1)
    }
}
