import Dispatch
import Foundation
import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

@Suite("Streamed response bodies")
struct StreamingTests {
    /// `/stream/{n}` sends `n` pieces of 1 KiB; `/stop` records whether its producer saw the client leave.
    private final class StreamingServer {
        let server: HTTPServer
        let producerStopped = DispatchSemaphore(value: 0)

        init(configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
            var router = Router()
            router.add(.get, "/stream/{n}") { request in
                let pieces = Int(request.pathParameters["n"] ?? "") ?? 0
                return HTTPResponse(status: .ok, fields: ["Content-Type": "text/plain"], stream: ResponseStream { writer in
                    for index in 0..<pieces {
                        try writer.write(Array(repeating: UInt8(ascii: "a") + UInt8(index % 26), count: 1024))
                    }
                })
            }
            let stopped = producerStopped
            router.add(.get, "/endless") { _ in
                HTTPResponse(status: .ok, stream: ResponseStream { writer in
                    do {
                        while true { try writer.write(Array(repeating: UInt8(ascii: "x"), count: 64 * 1024)) }
                    } catch {
                        stopped.signal()
                        throw error
                    }
                })
            }
            router.add(.get, "/fails") { _ in
                HTTPResponse(status: .ok, stream: ResponseStream { writer in
                    try writer.write("partial")
                    throw CancellationError()
                })
            }
            router.add(.get, "/small") { _ in HTTPResponse(status: .ok, contentType: "text/plain", body: "small") }
            var configuration = ServerConfiguration()
            configuration.port = 0
            configuration.writeBufferHighWaterMark = 64 * 1024
            configure(&configuration)
            server = HTTPServer(configuration: configuration, router: router)
            try server.start()
        }

        deinit { server.shutdown(gracePeriod: .seconds(2)) }
    }

    @Test func http11GetsChunksAndTheConnectionStaysUsable() throws {
        let running = try StreamingServer()
        let client = try TestClient(port: running.server.port)
        try client.send("GET /stream/300 HTTP/1.1\r\nHost: a\r\n\r\nGET /small HTTP/1.1\r\nHost: a\r\n\r\n")
        let streamed = try client.readResponse()
        #expect(streamed.status == 200)
        #expect(streamed.field("Transfer-Encoding") == "chunked")
        #expect(streamed.field("Content-Length") == nil)
        #expect(streamed.body.count == 300 * 1024)
        #expect(streamed.body[0] == UInt8(ascii: "a") && streamed.body[299 * 1024] == UInt8(ascii: "a") + UInt8(299 % 26))
        #expect(try client.readResponse().text == "small")
    }

    @Test func headGetsTheStreamHeadOnly() throws {
        let running = try StreamingServer()
        let client = try TestClient(port: running.server.port)
        try client.send("HEAD /stream/3 HTTP/1.1\r\nHost: a\r\n\r\nGET /small HTTP/1.1\r\nHost: a\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.field("Transfer-Encoding") == "chunked")
        #expect(try client.readResponse().text == "small")
    }

    @Test func http10GetsACloseDelimitedBody() throws {
        let running = try StreamingServer()
        let client = try TestClient(port: running.server.port)
        try client.send("GET /stream/5 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.field("Connection") == "close")
        #expect(response.field("Transfer-Encoding") == nil)
        #expect(response.body.count == 5 * 1024)
    }

    @Test func clientsThatStopReadingDoNotTakeTheHandlersPlaces() throws {
        let running = try StreamingServer { $0.maxConcurrentHandlers = 2 }
        // Each producer waits for its client, which never reads: more of them than handler places.
        let stalled = try (0..<4).map { _ in try TestClient(port: running.server.port) }
        for client in stalled { try client.send("GET /endless HTTP/1.1\r\nHost: a\r\n\r\n") }
        usleep(300_000)
        let other = try TestClient(port: running.server.port)
        #expect(try other.request("GET", "/small").text == "small")
        _ = stalled
    }

    @Test func producerStopsWhenTheClientLeaves() throws {
        let running = try StreamingServer()
        do {
            let client = try TestClient(port: running.server.port)
            try client.send("GET /endless HTTP/1.1\r\nHost: a\r\n\r\n")
            // Reading until the time limit shows the body is flowing before the client goes away.
            #expect(throws: (any Error).self) { _ = try client.readResponse(timeout: 0.3) }
        }
        #expect(running.producerStopped.wait(timeout: .now() + 5) == .success)
    }

    @Test func failingProducerEndsTheBodyIncomplete() throws {
        let running = try StreamingServer()
        let client = try TestClient(port: running.server.port)
        try client.send("GET /fails HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(throws: (any Error).self) { _ = try client.readResponse() }
    }
}
