import Foundation
import HTTPTestSupport
import Testing

/// Validators, 304s, gzip, CORS and `?pretty` on the real routes, over a real socket.
@Suite("API HTTP behaviour over a real socket", .serialized)
struct HTTPBehaviourTests {
    @Test func articleTagIsStableAndRevalidates() throws {
        let api = try APITestServer()
        let client = try api.client()
        let first = try client.request("GET", "/v1/articles/1")
        let second = try client.request("GET", "/v1/articles/1")
        let tag = try #require(first.field("ETag"))
        #expect(second.field("ETag") == tag)
        #expect(first.field("Cache-Control") == "no-cache")
        let notModified = try client.request("GET", "/v1/articles/1", fields: [("If-None-Match", tag)])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.field("ETag") == tag)
        #expect(try client.request("GET", "/v1/articles/1", fields: [("If-None-Match", #""0123""#)]).status == 200)
        #expect(try client.request("GET", "/v1/articles/1", fields: [("If-None-Match", "*")]).status == 304)
        #expect(try client.request("GET", "/v1/articles/2", fields: [("If-None-Match", "*")]).status == 404, "* needs a current representation")
    }

    @Test func listTagChangesWhenAnArticleIsAdded() throws {
        let api = try APITestServer()
        let client = try api.client()
        let before = try #require(try client.request("GET", "/v1/articles").field("ETag"))
        #expect(try client.request("GET", "/v1/articles", fields: [("If-None-Match", before)]).status == 304)
        let created = try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain")],
                                         body: Array(SampleDocuments.nairobi.utf8))
        #expect(created.status == 201)
        #expect(created.field("ETag") == nil, "a POST answer is not a GET representation")
        let after = try client.request("GET", "/v1/articles", fields: [("If-None-Match", before)])
        #expect(after.status == 200)
        #expect((after.json?["data"] as? [Any])?.count == 2)
        let tag = try #require(after.field("ETag"))
        #expect(tag != before)
        #expect(try client.request("GET", "/v1/articles", fields: [("If-None-Match", tag)]).status == 304)
        // Each query is its own resource.
        #expect(try client.request("GET", "/v1/articles?limit=1", fields: [("If-None-Match", tag)]).status == 200)
    }

    @Test func articleIsGzippedForClientsThatAcceptIt() throws {
        let api = try APITestServer()
        let client = try api.client()
        let plain = try client.request("GET", "/v1/articles/1")
        #expect(plain.body.count > 1024)
        #expect(plain.field("Content-Encoding") == nil)
        #expect(plain.field("Vary") == "Accept-Encoding")
        let coded = try client.request("GET", "/v1/articles/1", fields: [("Accept-Encoding", "gzip, deflate")])
        #expect(coded.field("Content-Encoding") == "gzip")
        #expect(coded.field("Vary") == "Accept-Encoding")
        #expect(coded.field("Content-Length") == String(coded.body.count))
        #expect(gunzip(coded.body) == plain.body)
        let plainTag = try #require(plain.field("ETag"))
        let codedTag = try #require(coded.field("ETag"))
        #expect(codedTag == plainTag.dropLast() + "-gzip\"")
        #expect(try client.request("GET", "/v1/articles/1", fields: [("Accept-Encoding", "gzip"), ("If-None-Match", codedTag)]).status == 304)
        #expect(try client.request("GET", "/v1/articles/1", fields: [("If-None-Match", plainTag)]).status == 304)
        #expect(try client.request("GET", "/v1/articles/1", fields: [("Accept-Encoding", "gzip;q=0")]).field("Content-Encoding") == nil)

        let small = try client.request("GET", "/v1/health", fields: [("Accept-Encoding", "gzip")])
        #expect(small.field("Content-Encoding") == nil)
        #expect(small.field("Vary") == "Accept-Encoding")
    }

    @Test func prettyIndentsAnyJSONAnswer() throws {
        let api = try APITestServer()
        let client = try api.client()
        let compact = try client.request("GET", "/v1/health")
        #expect(compact.text == #"{"articles":1,"status":"ok"}"#)
        for query in ["?pretty", "?pretty=true"] {
            let pretty = try client.request("GET", "/v1/health" + query)
            #expect(pretty.text == "{\n  \"articles\": 1,\n  \"status\": \"ok\"\n}\n")
            #expect(pretty.field("ETag") != compact.field("ETag"), "another representation, another tag")
        }
        #expect(try client.request("GET", "/v1/health?pretty=false").text == compact.text)

        let list = try client.request("GET", "/v1/articles?limit=1&pretty")
        #expect(list.text.hasPrefix("{\n  \"data\": [\n    {\n      \"captionCount\": 2,\n"))
        let reparsed = try #require(list.json)
        #expect((reparsed["page"] as? [String: Any])?["limit"] as? Int == 1)

        let routeProblem = try client.request("GET", "/v1/articles?limit=0&pretty")
        #expect(routeProblem.status == 400)
        #expect(routeProblem.text.contains("\n  \"type\": \"urn:newsapi:problem:invalid-parameter\"\n"))
        let serverProblem = try client.request("POST", "/v1/health?pretty")
        #expect(serverProblem.status == 405)
        #expect(serverProblem.text.hasPrefix("{\n  \"detail\": "))

        // Pretty and gzip together: indented first, then coded.
        let both = try client.request("GET", "/v1/articles/1?pretty", fields: [("Accept-Encoding", "gzip")])
        let decoded = try #require(gunzip(both.body))
        #expect(String(decoding: decoded, as: UTF8.self).hasPrefix("{\n  \"byline\": null,\n  \"captions\": [\n"))
    }

    @Test func corsForAListedOriginOnReadsWritesAndPreflights() throws {
        let api = try APITestServer(corsOrigins: ["https://news.example"])
        let client = try api.client()
        let read = try client.request("GET", "/v1/articles/1", fields: [("Origin", "https://news.example")])
        #expect(read.field("Access-Control-Allow-Origin") == "https://news.example")
        #expect(read.field("Access-Control-Expose-Headers") == "ETag, Link")
        #expect(read.field("Vary") == "Accept-Encoding, Origin")
        let preflight = try client.request("OPTIONS", "/v1/articles", fields: [
            ("Origin", "https://news.example"), ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ])
        #expect(preflight.status == 204)
        #expect(preflight.field("Access-Control-Allow-Methods") == "GET, HEAD, POST, OPTIONS")
        #expect(preflight.field("Access-Control-Allow-Headers") == "Authorization, Content-Type, If-Match, If-None-Match")
        #expect(preflight.field("Access-Control-Max-Age") == "86400")
        let problem = try client.request("POST", "/v1/articles", fields: [("Origin", "https://news.example"), ("Content-Type", "text/plain")])
        #expect(problem.status == 422)
        #expect(problem.field("Access-Control-Allow-Origin") == "https://news.example")
        let foreign = try client.request("GET", "/v1/health", fields: [("Origin", "https://other.example")])
        #expect(foreign.field("Access-Control-Allow-Origin") == nil)
    }
}
