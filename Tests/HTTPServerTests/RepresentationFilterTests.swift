import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// ETag, If-None-Match and gzip, over a real socket.
@Suite("Representation filter over loopback")
struct RepresentationFilterTests {
    private func isStrongTag(_ value: String?) -> Bool {
        guard let value, value.hasPrefix("\""), value.hasSuffix("\"") else { return false }
        return value.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == "-" || $0.isLetter }
    }

    @Test func successfulGetsCarryAStableStrongTagAndNoCache() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let first = try client.request("GET", "/large")
        let second = try client.request("GET", "/large")
        let tag = try #require(first.field("ETag"))
        #expect(tag.count == 34)
        #expect(isStrongTag(tag))
        #expect(second.field("ETag") == tag)
        #expect(first.field("Cache-Control") == "no-cache")
        #expect(first.body == FilteredServer.largeJSON)
    }

    @Test func theTagFollowsTheBytes() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let first = try client.request("GET", "/counter")
        let second = try client.request("GET", "/counter")
        #expect(first.text != second.text)
        #expect(first.field("ETag") != nil && first.field("ETag") != second.field("ETag"))
    }

    @Test func matchingIfNoneMatchGets304WithValidatorsAndNoBody() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let tag = try #require(try client.request("GET", "/large").field("ETag"))
        let notModified = try client.request("GET", "/large", fields: [("If-None-Match", tag)])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.field("ETag") == tag)
        #expect(notModified.field("Cache-Control") == "no-cache")
        #expect(notModified.field("Vary") == "Accept-Encoding")
        #expect(notModified.field("Access-Control-Allow-Origin") == "*")
        #expect(notModified.field("Content-Length") == nil)
        #expect(notModified.field("Content-Type") == nil)
        // The connection goes on: a 304 has no body to frame.
        #expect(try client.request("GET", "/small").status == 200)
    }

    @Test func ifNoneMatchListsAnyAndWeakTags() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let tag = try #require(try client.request("GET", "/large").field("ETag"))
        #expect(try client.request("GET", "/large", fields: [("If-None-Match", #""other""#)]).status == 200)
        #expect(try client.request("GET", "/large", fields: [("If-None-Match", #""a", "b,c", "# + tag)]).status == 304)
        #expect(try client.request("GET", "/large", fields: [("If-None-Match", "W/" + tag)]).status == 304, "weak comparison")
        #expect(try client.request("GET", "/large", fields: [("If-None-Match", #""x""#), ("If-None-Match", tag)]).status == 304)
        #expect(try client.request("GET", "/large", fields: [("If-None-Match", "*")]).status == 304)
        #expect(try client.request("GET", "/large", fields: [("If-None-Match", "not-a-tag")]).status == 200)
        let head = try client.request("HEAD", "/large", fields: [("If-None-Match", tag)])
        #expect(head.status == 304)
    }

    @Test func onlySuccessfulGetsAreTagged() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let created = try client.request("POST", "/large")
        #expect(created.status == 201)
        #expect(created.field("ETag") == nil)
        let problem = try client.request("GET", "/missing", fields: [("If-None-Match", "*")])
        #expect(problem.status == 404)
        #expect(problem.field("ETag") == nil)
        let routeless = try client.request("GET", "/nowhere", fields: [("If-None-Match", "*")])
        #expect(routeless.status == 404)
        #expect(routeless.field("ETag") == nil)
        let streamed = try client.request("GET", "/stream", fields: [("If-None-Match", "*")])
        #expect(streamed.status == 200)
        #expect(streamed.field("ETag") == nil)
        #expect(streamed.text.hasPrefix(#"{"line":0,"#))
    }

    @Test func streamsAreGzippedAsTheyAreProduced() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let plain = try client.request("GET", "/stream")
        #expect(plain.field("Content-Encoding") == nil)
        #expect(plain.field("Vary") == "Accept-Encoding")
        #expect(plain.text.split(separator: "\n").count == 50)
        let coded = try client.request("GET", "/stream", fields: [("Accept-Encoding", "gzip")])
        #expect(coded.status == 200)
        #expect(coded.field("Transfer-Encoding") == "chunked")
        #expect(coded.field("Content-Encoding") == "gzip")
        #expect(coded.field("ETag") == nil)
        #expect(gunzip(coded.body) == plain.body)
        #expect(coded.body.count < plain.body.count)
        #expect(try client.request("GET", "/small").status == 200, "the chunked body ended cleanly")

        // HTTP/1.0: no chunks, the close ends the gzip member.
        let old = try TestClient(port: running.port)
        try old.send("GET /stream HTTP/1.0\r\nAccept-Encoding: gzip\r\n\r\n")
        let closeDelimited = try old.readResponse()
        #expect(closeDelimited.field("Content-Encoding") == "gzip")
        #expect(gunzip(closeDelimited.body) == plain.body)
    }

    @Test func aRoutesOwnTagIsKept() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        #expect(try client.request("GET", "/tagged").field("ETag") == #""v7""#)
        #expect(try client.request("GET", "/tagged", fields: [("Accept-Encoding", "gzip")]).field("ETag") == #""v7-gzip""#)
        #expect(try client.request("GET", "/tagged", fields: [("If-None-Match", #""v7""#)]).status == 304)
    }

    @Test func gzipRoundTripsWithItsOwnTag() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let plain = try client.request("GET", "/large")
        let coded = try client.request("GET", "/large", fields: [("Accept-Encoding", "gzip, deflate, br")])
        #expect(coded.status == 200)
        #expect(coded.field("Content-Encoding") == "gzip")
        #expect(coded.field("Vary") == "Accept-Encoding")
        #expect(coded.field("Content-Length") == String(coded.body.count))
        #expect(coded.body.count < plain.body.count / 4)
        #expect(gunzip(coded.body) == plain.body)
        let identityTag = try #require(plain.field("ETag"))
        let gzipTag = try #require(coded.field("ETag"))
        #expect(gzipTag == String(identityTag.dropLast()) + "-gzip\"")

        // Each tag revalidates its own representation, and only that one.
        #expect(try client.request("GET", "/large", fields: [("Accept-Encoding", "gzip"), ("If-None-Match", gzipTag)]).status == 304)
        #expect(try client.request("GET", "/large", fields: [("If-None-Match", identityTag)]).status == 304)
        let switched = try client.request("GET", "/large", fields: [("Accept-Encoding", "gzip"), ("If-None-Match", identityTag)])
        #expect(switched.status == 200)
        #expect(gunzip(switched.body) == plain.body)
        let notModified = try client.request("GET", "/large", fields: [("Accept-Encoding", "gzip"), ("If-None-Match", gzipTag)])
        #expect(notModified.field("ETag") == gzipTag)
        #expect(notModified.field("Content-Encoding") == nil)
    }

    @Test func acceptEncodingWeightsDecide() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        func coding(_ acceptEncoding: String?, path: String = "/large") throws -> String? {
            let fields = acceptEncoding.map { [("Accept-Encoding", $0)] } ?? []
            let response = try client.request("GET", path, fields: fields)
            #expect(response.status == 200)
            if response.field("Content-Encoding") == "gzip" { #expect(gunzip(response.body) != nil) }
            return response.field("Content-Encoding")
        }
        #expect(try coding(nil) == nil)
        #expect(try coding("") == nil)
        #expect(try coding("gzip") == "gzip")
        #expect(try coding("GZIP;Q=1.0") == "gzip")
        #expect(try coding("x-gzip") == "gzip")
        #expect(try coding("*") == "gzip")
        #expect(try coding("gzip;q=0") == nil)
        #expect(try coding("gzip;q=0.000, *") == nil, "gzip refused by name outranks *")
        #expect(try coding("*;q=0.5, gzip;q=0") == nil)
        #expect(try coding("br") == nil)
        #expect(try coding("gzip;q=0.5, identity") == nil, "identity preferred")
        #expect(try coding("gzip;q=0.5, identity;q=0.5") == "gzip")
        #expect(try coding("gzip;q=abc") == nil, "an unreadable weight drops the element")
        #expect(try coding("gzip;q=1.5") == nil)
        // Small bodies are not worth a coding, unless the client refuses identity.
        #expect(try coding("gzip", path: "/small") == nil)
        #expect(try coding("gzip, identity;q=0", path: "/small") == "gzip")
        #expect(try coding("gzip, *;q=0", path: "/small") == "gzip")
    }

    @Test func varyIsSetOnCompressibleTypesOnly() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        #expect(try client.request("GET", "/small").field("Vary") == "Accept-Encoding")
        #expect(try client.request("GET", "/small", fields: [("Accept-Encoding", "gzip")]).field("Vary") == "Accept-Encoding")
        #expect(try client.request("GET", "/missing").field("Vary") == "Accept-Encoding")
        let binary = try client.request("GET", "/binary", fields: [("Accept-Encoding", "gzip")])
        #expect(binary.field("Vary") == nil)
        #expect(binary.field("Content-Encoding") == nil)
        let encoded = try client.request("GET", "/encoded", fields: [("Accept-Encoding", "gzip")])
        #expect(encoded.field("Content-Encoding") == "br")
        #expect(encoded.body == FilteredServer.largeJSON)
    }

    @Test func errorsAndOtherMethodsAreCompressedToo() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let created = try client.request("POST", "/large", fields: [("Accept-Encoding", "gzip")])
        #expect(created.field("Content-Encoding") == "gzip")
        #expect(gunzip(created.body) == FilteredServer.largeJSON)
        let problem = try client.request("GET", "/missing", fields: [("Accept-Encoding", "gzip")])
        #expect(problem.status == 404)
        #expect(problem.field("Content-Encoding") == "gzip")
        #expect(gunzip(problem.body).map { String(decoding: $0, as: UTF8.self) }?.contains("urn:newsapi:problem:not-found") == true)
    }

    @Test func headCarriesTheFieldsOfGetWithoutCompressing() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let get = try client.request("GET", "/large", fields: [("Accept-Encoding", "gzip")])
        let head = try client.request("HEAD", "/large", fields: [("Accept-Encoding", "gzip")])
        #expect(head.status == 200)
        for name in ["ETag", "Content-Encoding", "Vary", "Cache-Control", "Content-Type", "Access-Control-Allow-Origin"] {
            #expect(head.field(name) == get.field(name), "\(name)")
        }
        // The coded length is known only by coding, which HEAD skips; a wrong length is not allowed.
        #expect(head.field("Content-Length") == nil)
        #expect(try client.request("GET", "/small").status == 200, "nothing followed the HEAD answer")

        let plainGet = try client.request("GET", "/large")
        let plainHead = try client.request("HEAD", "/large")
        #expect(plainHead.field("Content-Length") == plainGet.field("Content-Length"))
        #expect(plainHead.field("ETag") == plainGet.field("ETag"))
    }

    @Test func withoutFiltersNothingChanges() throws {
        let running = try FilteredServer(filters: [])
        let client = try TestClient(port: running.port)
        let response = try client.request("GET", "/large", fields: [("Accept-Encoding", "gzip")])
        #expect(response.field("ETag") == nil)
        #expect(response.field("Vary") == nil)
        #expect(response.field("Content-Encoding") == nil)
        #expect(response.field("Access-Control-Allow-Origin") == nil)
    }
}
