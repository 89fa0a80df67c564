import HTTPServer
import HTTPTestSupport
import Testing

/// Every error the HTTP layer answers is an RFC 9457 problem with its own stable `type`,
/// including those sent before a request head is complete; and it passes through the filters.
@Suite("HTTP-layer problems over loopback")
struct ProblemTypeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let request: String
        let status: Int
        let type: String
        var testDescription: String { "\(status) \(name)" }
    }

    static let cases: [Case] = [
        Case(name: "malformed request line, before any head", request: "FOO\r\n\r\n", status: 400,
             type: "urn:newsapi:problem:malformed-request"),
        Case(name: "malformed field line", request: "GET /small HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", status: 400,
             type: "urn:newsapi:problem:malformed-request"),
        Case(name: "bad chunk while reading a body", request: "POST /large HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
             status: 400, type: "urn:newsapi:problem:malformed-request"),
        Case(name: "no route", request: "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n", status: 404, type: "urn:newsapi:problem:not-found"),
        Case(name: "wrong method", request: "POST /small HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", status: 405,
             type: "urn:newsapi:problem:method-not-allowed"),
        Case(name: "header section too slow", request: "GET /small HTTP/1.1\r\nHost: a\r\nX-Slow: ", status: 408,
             type: "urn:newsapi:problem:request-timeout"),
        Case(name: "body stalled", request: "POST /large HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc", status: 408,
             type: "urn:newsapi:problem:request-timeout"),
        Case(name: "declared body over the limit", request: "POST /large HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n",
             status: 413, type: "urn:newsapi:problem:content-too-large"),
        Case(name: "request line over the limit", request: "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n",
             status: 414, type: "urn:newsapi:problem:uri-too-long"),
        Case(name: "unknown expectation", request: "GET /small HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\n\r\n", status: 417,
             type: "urn:newsapi:problem:expectation-failed"),
        Case(name: "too many field lines", request: "GET /small HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-A: b\r\n", count: 200) + "\r\n",
             status: 431, type: "urn:newsapi:problem:fields-too-large"),
        Case(name: "method no route implements", request: "BREW /small HTTP/1.1\r\nHost: a\r\n\r\n", status: 501,
             type: "urn:newsapi:problem:not-implemented"),
        Case(name: "transfer coding not implemented", request: "POST /large HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
             status: 501, type: "urn:newsapi:problem:not-implemented"),
        Case(name: "coded request body", request: "POST /large HTTP/1.1\r\nHost: a\r\nContent-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc",
             status: 415, type: "urn:newsapi:problem:unsupported-media-type"),
        Case(name: "tunnel", request: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", status: 501,
             type: "urn:newsapi:problem:not-implemented"),
        Case(name: "HTTP/2 request line", request: "GET /small HTTP/2.0\r\nHost: a\r\n\r\n", status: 505,
             type: "urn:newsapi:problem:version-not-supported"),
    ]

    @Test(arguments: cases)
    func everyStatusIsAProblemWithItsType(_ testCase: Case) throws {
        let running = try FilteredServer { configuration in
            configuration.maxBodySize = 1_000_000
            configuration.headerTimeout = .milliseconds(300)
            configuration.bodyReadTimeout = .milliseconds(300)
            configuration.timeoutCheckInterval = .milliseconds(50)
        }
        let client = try TestClient(port: running.port)
        try client.send(testCase.request)
        let response = try client.readResponse()
        #expect(response.status == testCase.status)
        #expect(response.field("Content-Type") == "application/problem+json")
        let problem = try #require(response.json)
        #expect(problem["type"] as? String == testCase.type)
        #expect(problem["status"] as? Int == testCase.status)
        #expect((problem["title"] as? String)?.isEmpty == false)
        #expect((problem["detail"] as? String)?.isEmpty == false)
        #expect(response.field("Content-Length") == String(response.body.count))
        #expect(response.field("Access-Control-Allow-Origin") == "*", "filtered like any response")
        #expect(response.field("ETag") == nil)
    }
}
