import Dispatch
import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// Starts a server on an ephemeral loopback port with a few routes and stops it afterwards.
private final class RunningServer {
    let server: HTTPServer
    var port: Int { server.port }

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, extraRoutes: (inout Router) -> Void = { _ in }) throws {
        var router = Router()
        router.add(.get, "/v1/health") { _ in HTTPResponse(status: .ok, contentType: "application/json", body: #"{"status":"ok"}"#) }
        router.add(.get, "/echo/{n}") { request in
            HTTPResponse(status: .ok, contentType: "text/plain", body: request.pathParameters["n"] ?? "")
        }
        router.add(.post, "/echo") { request in
            HTTPResponse(status: .ok, fields: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        extraRoutes(&router)
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configure(&configuration)
        server = HTTPServer(configuration: configuration, router: router)
        try server.start()
    }

    deinit { server.shutdown(gracePeriod: .seconds(2)) }
}

@Suite("HTTPServer over loopback")
struct ServerTests {
    @Test func keepAliveByDefault() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        for _ in 0..<3 {
            let response = try client.request("GET", "/v1/health")
            #expect(response.status == 200)
            #expect(response.text == #"{"status":"ok"}"#)
            #expect(response.field("Content-Length") == "15")
            #expect(response.field("Date")?.hasSuffix("GMT") == true)
            #expect(response.field("Connection") == nil)
        }
        #expect(!client.closedByPeer(within: 0.2))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send((0..<16).map { "GET /echo/\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined())
        for index in 0..<16 {
            #expect(try client.readResponse().text == String(index))
        }
    }

    @Test func headSendsLengthWithoutBody() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("HEAD /v1/health HTTP/1.1\r\nHost: a\r\n\r\nGET /echo/after HTTP/1.1\r\nHost: a\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.status == 200)
        #expect(head.field("Content-Length") == "15")
        #expect(try client.readResponse().text == "after")
    }

    @Test func bodiesReachTheHandlerDeChunked() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1;x=y\r\n \r\n5\r\nworld\r\n0\r\n\r\n")
        #expect(try client.readResponse().text == "hello world")
        #expect(try client.request("POST", "/echo", body: Array("plain".utf8)).text == "plain")
    }

    @Test func unknownRouteIsJSONProblemAndConnectionSurvives() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        let missing = try client.request("GET", "/no/such/thing")
        #expect(missing.status == 404)
        #expect(missing.field("Content-Type") == "application/problem+json")
        #expect(missing.json?["status"] as? Int == 404)
        #expect(missing.json?["title"] as? String == "Not Found")
        #expect(try client.request("GET", "/v1/health").status == 200)
    }

    @Test func wrongMethodIs405WithAllowAndItsBodyIsSkipped() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("POST /v1/health HTTP/1.1\r\nHost: a\r\nContent-Length: 19\r\n\r\nGET /x HTTP/1.1\r\n\r\nGET /echo/next HTTP/1.1\r\nHost: a\r\n\r\n")
        let refused = try client.readResponse()
        #expect(refused.status == 405)
        // OPTIONS too, as an OPTIONS request on the path lists it (RFC 9110 §15.5.6).
        #expect(refused.field("Allow") == "GET, HEAD, OPTIONS")
        #expect(refused.field("Content-Type") == "application/problem+json")
        #expect(try client.readResponse().text == "next")
    }

    @Test func unknownMethodIs501AndOptionsAsteriskListsMethods() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        let unknown = try client.request("get", "/v1/health")
        #expect(unknown.status == 501)
        #expect(unknown.field("Content-Type") == "application/problem+json")
        let options = try client.request("OPTIONS", "*")
        #expect(options.status == 200)
        #expect(options.field("Allow") == "GET, HEAD, POST, OPTIONS")
        #expect(options.field("Content-Length") == "0")
    }

    @Test func connectionCloseIsHonoured() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        let response = try client.request("GET", "/v1/health", fields: [("Connection", "close")])
        #expect(response.field("Connection") == "close")
        #expect(client.closedByPeer())
    }

    @Test func http10ClosesUnlessKeepAlive() throws {
        let running = try RunningServer()
        let plain = try TestClient(port: running.port)
        try plain.send("GET /v1/health HTTP/1.0\r\n\r\n")
        #expect(try plain.readResponse().status == 200)
        #expect(plain.closedByPeer())

        let kept = try TestClient(port: running.port)
        try kept.send("GET /v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse().status == 200)
        try kept.send("GET /v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse().status == 200)
    }

    @Test func malformedRequestGets400ProblemAndClose() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("GET /v1/health HTTP/1.1\r\nHost: a\r\n\r\nFOO\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        let bad = try client.readResponse()
        #expect(bad.status == 400)
        #expect(bad.field("Connection") == "close")
        #expect((bad.json?["detail"] as? String)?.contains("request line") == true)
        #expect(client.closedByPeer())
    }

    @Test func oversizedHeaderFloodGets431() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("GET /v1/health HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-A: b\r\n", count: 20_000) + "\r\n")
        #expect(try client.readResponse().status == 431)
        #expect(client.closedByPeer())
    }

    @Test func expectContinueGetsInterimResponseThenFinal() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        try client.send("hello")
        #expect(try client.readResponse().text == "hello")

        let refused = try TestClient(port: running.port)
        try refused.send("POST /v1/health HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        #expect(try refused.readResponse().status == 405)
        #expect(refused.closedByPeer())
    }

    @Test func aCodedBodyIsRefusedBeforeItsHandlerAndTheConnectionGoesOn() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Encoding: identity, GZip\r\nContent-Length: 5\r\n\r\nhello")
        let refused = try client.readResponse()
        #expect(refused.status == 415)
        #expect(refused.field("Accept-Encoding") == "identity")
        #expect((refused.json?["detail"] as? String)?.contains("gzip") == true)
        // identity alone is no coding at all.
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Encoding: identity\r\nContent-Length: 5\r\n\r\nhello")
        #expect(try client.readResponse().text == "hello")
    }

    @Test func aBodyCutShortByAHalfCloseGetsA400() throws {
        let running = try RunningServer()
        let client = try TestClient(port: running.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
        client.finishSending()
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect((response.json?["detail"] as? String)?.contains("stopped sending") == true)
        #expect(client.closedByPeer())
        // A refused request whose body is cut short still gets its refusal.
        let refused = try TestClient(port: running.port)
        try refused.send("POST /v1/health HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
        refused.finishSending()
        #expect(try refused.readResponse().status == 405)
    }

    @Test func atTheConnectionCapNewConnectionsWaitUntilOneCloses() throws {
        let running = try RunningServer(configure: { $0.maxConnections = 2 })
        var first: TestClient? = try TestClient(port: running.port)
        #expect(try first?.request("GET", "/echo/1").text == "1")
        let second = try TestClient(port: running.port)
        #expect(try second.request("GET", "/echo/2").text == "2")
        // The kernel completes the handshake, but the server does not accept or answer it yet.
        let third = try TestClient(port: running.port)
        try third.send("GET /echo/3 HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(throws: (any Error).self) { _ = try third.readResponse(timeout: 0.5) }
        #expect(running.server.connectionCount == 2)
        first = nil
        #expect(try third.readResponse().text == "3")
        _ = first
    }

    @Test func slowHandlerDoesNotStallOtherConnections() throws {
        let release = DispatchSemaphore(value: 0)
        let running = try RunningServer(extraRoutes: { router in
            router.add(.get, "/slow") { _ in
                _ = release.wait(timeout: .now() + 10)
                return HTTPResponse(status: .ok, contentType: "text/plain", body: "slow")
            }
        })
        let slow = try TestClient(port: running.port)
        try slow.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
        let fast = try TestClient(port: running.port)
        #expect(try fast.request("GET", "/echo/fast").text == "fast")
        release.signal()
        #expect(try slow.readResponse().text == "slow")
    }

    @Test func handlersHoldingEveryPollerThreadDoNotStallOtherConnections() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let running = try RunningServer(configure: { $0.pollerThreads = 1 }, extraRoutes: { router in
            router.add(.get, "/slow") { _ in
                entered.signal()
                _ = release.wait(timeout: .now() + 10)
                return HTTPResponse(status: .ok, contentType: "text/plain", body: "slow")
            }
        })
        // Each slow request holds the thread that read it; the poller must add threads to read the rest.
        let slow = try (0..<2).map { _ in try TestClient(port: running.port) }
        for client in slow {
            try client.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(entered.wait(timeout: .now() + 5) == .success)
        }
        let fast = try TestClient(port: running.port)
        #expect(try fast.request("GET", "/echo/fast").text == "fast")
        release.signal()
        release.signal()
        for client in slow { #expect(try client.readResponse().text == "slow") }
    }

    @Test func shutdownFinishesInFlightRequestsWithClose() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let running = try RunningServer(extraRoutes: { router in
            router.add(.get, "/slow") { _ in
                entered.signal()
                _ = release.wait(timeout: .now() + 10)
                return HTTPResponse(status: .ok, contentType: "text/plain", body: "done")
            }
        })
        let idle = try TestClient(port: running.port)
        #expect(try idle.request("GET", "/v1/health").status == 200)
        let busy = try TestClient(port: running.port)
        try busy.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(entered.wait(timeout: .now() + 5) == .success)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { release.signal() }
        running.server.shutdown(gracePeriod: .seconds(5))
        let response = try busy.readResponse()
        #expect(response.text == "done")
        #expect(response.field("Connection") == "close")
        #expect(idle.closedByPeer())
        #expect(running.server.connectionCount == 0)
        #expect(throws: (any Error).self) { _ = try TestClient(port: running.port) }
    }
}
