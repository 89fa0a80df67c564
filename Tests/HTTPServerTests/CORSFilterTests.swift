import HTTPServer
import HTTPTestSupport
import Testing

/// The CORS protocol (Fetch standard §3.2), over a real socket.
@Suite("CORS filter")
struct CORSFilterTests {
    private func listServer() throws -> FilteredServer {
        try FilteredServer(filters: [
            RepresentationFilter(),
            try CORSFilter(parsing: ["https://news.example", "http://localhost:3000"]),
        ])
    }

    @Test func originsParseAsBrowsersSerializeThem() throws {
        #expect(try CORSFilter(parsing: []).origins == .any)
        #expect(try CORSFilter(parsing: ["*"]).origins == .any)
        #expect(try CORSFilter(parsing: ["HTTPS://News.Example:443", "http://localhost:3000,http://[::1]:8080"]).origins
            == .list(["https://news.example", "http://localhost:3000", "http://[::1]:8080"]))
        #expect(try CORSFilter(parsing: ["http://a.example:80, http://a.example"]).origins == .list(["http://a.example"]))
        for bad in ["news.example", "https://news.example/", "https://news.example/path", "https://", "https://a:99999", "null"] {
            #expect(throws: CORSFilter.InvalidOrigin.self, "\(bad)") { try CORSFilter(parsing: [bad]) }
        }
        #expect(throws: CORSFilter.InvalidOrigin.self) { try CORSFilter(parsing: ["*", "https://news.example"]) }
    }

    @Test func anyOriginIsAllowedOnEveryResponse() throws {
        let running = try FilteredServer()
        let client = try TestClient(port: running.port)
        let withOrigin = try client.request("GET", "/small", fields: [("Origin", "https://anywhere.example")])
        #expect(withOrigin.field("Access-Control-Allow-Origin") == "*")
        #expect(withOrigin.field("Access-Control-Expose-Headers") == "ETag, Link")
        #expect(withOrigin.field("Vary") == "Accept-Encoding", "* does not vary by Origin")
        #expect(try client.request("GET", "/small").field("Access-Control-Allow-Origin") == "*")
        let refused = try client.request("DELETE", "/small", fields: [("Origin", "https://anywhere.example")])
        #expect(refused.status == 405)
        #expect(refused.field("Access-Control-Allow-Origin") == "*")
    }

    @Test func listedOriginsAreEchoedAndOthersGetNothing() throws {
        let running = try listServer()
        let client = try TestClient(port: running.port)
        let allowed = try client.request("GET", "/small", fields: [("Origin", "http://localhost:3000")])
        #expect(allowed.field("Access-Control-Allow-Origin") == "http://localhost:3000")
        #expect(allowed.field("Access-Control-Expose-Headers") == "ETag, Link")
        #expect(allowed.field("Vary") == "Accept-Encoding, Origin")
        let other = try client.request("GET", "/small", fields: [("Origin", "https://evil.example")])
        #expect(other.status == 200)
        #expect(other.field("Access-Control-Allow-Origin") == nil)
        #expect(other.field("Access-Control-Expose-Headers") == nil)
        #expect(other.field("Vary") == "Accept-Encoding, Origin")
        let none = try client.request("GET", "/small")
        #expect(none.field("Access-Control-Allow-Origin") == nil)
        #expect(none.field("Vary") == "Accept-Encoding, Origin", "a cache must not serve this answer to a listed origin")
        let notModified = try client.request("GET", "/small", fields: [("Origin", "https://news.example"), ("If-None-Match", "*")])
        #expect(notModified.status == 304)
        #expect(notModified.field("Access-Control-Allow-Origin") == "https://news.example")
        #expect(notModified.field("Vary") == "Accept-Encoding, Origin")
    }

    @Test func preflightListsTheMethodsOfThePath() throws {
        let running = try listServer()
        let client = try TestClient(port: running.port)
        let preflight = try client.request("OPTIONS", "/large", fields: [
            ("Origin", "https://news.example"), ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "authorization, content-type"),
        ])
        #expect(preflight.status == 204)
        #expect(preflight.body.isEmpty)
        #expect(preflight.field("Access-Control-Allow-Origin") == "https://news.example")
        #expect(preflight.field("Access-Control-Allow-Methods") == "GET, HEAD, POST, OPTIONS")
        #expect(preflight.field("Access-Control-Allow-Headers") == "Authorization, Content-Type, If-Match, If-None-Match")
        #expect(preflight.field("Access-Control-Max-Age") == "86400")
        #expect(preflight.field("Access-Control-Expose-Headers") == nil)
        #expect(preflight.field("Vary") == "Origin")
        #expect(preflight.field("Content-Length") == nil)

        // A method the path does not take: the list is the same 405's Allow, and the browser refuses.
        let wrongMethod = try client.request("OPTIONS", "/small", fields: [
            ("Origin", "https://news.example"), ("Access-Control-Request-Method", "DELETE"),
        ])
        #expect(wrongMethod.status == 204)
        let refused = try client.request("POST", "/small", fields: [("Origin", "https://news.example")])
        #expect(refused.status == 405)
        #expect(wrongMethod.field("Access-Control-Allow-Methods") == refused.field("Allow"))
        #expect(refused.field("Access-Control-Allow-Origin") == "https://news.example")
    }

    @Test func plainOptionsAndForeignPreflightsKeepTheUsualAnswer() throws {
        let running = try listServer()
        let client = try TestClient(port: running.port)
        let plain = try client.request("OPTIONS", "/large")
        #expect(plain.status == 200)
        #expect(plain.field("Allow") == "GET, HEAD, POST, OPTIONS")
        #expect(plain.field("Access-Control-Allow-Methods") == nil)
        let foreign = try client.request("OPTIONS", "/large", fields: [
            ("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST"),
        ])
        #expect(foreign.status == 200)
        #expect(foreign.field("Access-Control-Allow-Origin") == nil)
        #expect(foreign.field("Access-Control-Allow-Methods") == nil)
        let missing = try client.request("OPTIONS", "/nowhere", fields: [
            ("Origin", "https://news.example"), ("Access-Control-Request-Method", "GET"),
        ])
        #expect(missing.status == 404)
        #expect(missing.field("Access-Control-Allow-Origin") == "https://news.example")
    }

    @Test func anEmptyOriginListIsAnErrorNotAnyOrigin() {
        #expect(throws: CORSFilter.InvalidOrigin.self) { try CORSFilter(parsing: [","]) }
        #expect(throws: CORSFilter.InvalidOrigin.self) { try CORSFilter(parsing: [""]) }
        #expect(throws: Never.self) { try CORSFilter(parsing: []) }
    }
}
