import Foundation
import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

@Suite("Connection timeouts, on a manual clock")
struct TimeoutTests {
    private func start(_ clock: ManualClock) throws -> HTTPServer {
        var router = Router()
        router.add(.get, "/ok") { _ in HTTPResponse(status: .ok, contentType: "text/plain", body: "ok") }
        router.add(.post, "/ok") { _ in HTTPResponse(status: .ok, contentType: "text/plain", body: "ok") }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.clock = clock
        // The periodic check still runs, but only the manual clock can make a deadline pass.
        let server = HTTPServer(configuration: configuration, router: router)
        try server.start()
        return server
    }

    @Test func incompleteHeaderGets408AfterTenSeconds() throws {
        let clock = ManualClock()
        let server = try start(clock)
        defer { server.shutdown(gracePeriod: .seconds(1)) }
        let client = try TestClient(port: server.port)
        // The answer to the first request shows the server has read the partial second one too.
        try client.send("GET /ok HTTP/1.1\r\nHost: a\r\n\r\nGET /ok HTTP/1.1\r\nHost: a\r\nX-Slow: ")
        #expect(try client.readResponse().status == 200)
        clock.advance(by: .seconds(9))
        server.checkTimeouts()
        #expect(throws: (any Error).self) { _ = try client.readResponse(timeout: 0.3) }
        clock.advance(by: .seconds(2))
        server.checkTimeouts()
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(response.field("Content-Type") == "application/problem+json")
        #expect(client.closedByPeer())
    }

    @Test func idleKeepAliveConnectionIsClosedAfterFifteenSeconds() throws {
        let clock = ManualClock()
        let server = try start(clock)
        defer { server.shutdown(gracePeriod: .seconds(1)) }
        let client = try TestClient(port: server.port)
        #expect(try client.request("GET", "/ok").status == 200)
        clock.advance(by: .seconds(14))
        server.checkTimeouts()
        #expect(try client.request("GET", "/ok").status == 200)
        clock.advance(by: .seconds(16))
        server.checkTimeouts()
        #expect(client.closedByPeer())
    }

    @Test func stalledBodyGets408AfterThirtySeconds() throws {
        let clock = ManualClock()
        let server = try start(clock)
        defer { server.shutdown(gracePeriod: .seconds(1)) }
        let client = try TestClient(port: server.port)
        // 100 Continue shows the server has read the head; the body then never comes.
        try client.send("POST /ok HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        clock.advance(by: .seconds(29))
        server.checkTimeouts()
        #expect(throws: (any Error).self) { _ = try client.readResponse(timeout: 0.3) }
        clock.advance(by: .seconds(2))
        server.checkTimeouts()
        #expect(try client.readResponse().status == 408)
        #expect(client.closedByPeer())
    }

    @Test func connectionThatNeverSendsIsClosedAsIdle() throws {
        let clock = ManualClock()
        let server = try start(clock)
        defer { server.shutdown(gracePeriod: .seconds(1)) }
        let client = try TestClient(port: server.port)
        // Connections are accepted in order, so once a later one is answered this one is open on the server.
        #expect(try TestClient(port: server.port).request("GET", "/ok").status == 200)
        clock.advance(by: .seconds(16))
        server.checkTimeouts()
        #expect(client.closedByPeer())
    }
}
