import Dispatch
import Foundation
@testable import HTTPServer
import HTTPTestSupport
import Synchronization
import Testing

@Suite("Streamed request bodies over loopback")
struct RequestBodyStreamingTests {
    /// What a streaming handler saw: the bytes it read, or why its body was interrupted.
    enum Outcome: Equatable {
        case read(count: Int, sum: UInt32)
        case interrupted(String)
    }

    /// A server whose streaming routes report to the test.
    ///
    /// `/count` reads the whole body and answers `count sum`; `/hold` waits for ``release`` before
    /// reading; `/backlog` signals ``heldBack`` once its unread body holds the connection back, then
    /// waits for ``release``; `/early` answers without reading; `/buffered` gets its body whole. Every
    /// streaming handler records its ``Outcome`` and signals ``finished``.
    final class StreamingServer: Sendable {
        let server: HTTPServer
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let heldBack = DispatchSemaphore(value: 0)
        private let recorder = Recorder()
        var finished: DispatchSemaphore { recorder.finished }

        var port: Int { server.port }

        /// The handlers' outcomes, in the order they finished.
        final class Recorder: Sendable {
            let finished = DispatchSemaphore(value: 0)
            let outcomes = Mutex<[Outcome]>([])

            func record(_ outcome: Outcome) {
                outcomes.withLock { $0.append(outcome) }
                finished.signal()
            }
        }

        init(gate: (any RequestGate)? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
            var router = Router()
            router.gate = gate
            router.add(.post, "/count", streamingBody: true) { [recorder] request in
                StreamingServer.consume(request, recorder)
            }
            router.add(.post, "/hold", streamingBody: true) { [recorder, release, started] request in
                started.signal()
                release.wait()
                return StreamingServer.consume(request, recorder)
            }
            router.add(.post, "/backlog", streamingBody: true) { [recorder, release, heldBack] request in
                let deadline = DispatchTime.now() + 10
                while request.bodyStream?.isHoldingBackProducer == false && DispatchTime.now() < deadline {
                    usleep(10_000)
                }
                heldBack.signal()
                release.wait()
                return StreamingServer.consume(request, recorder)
            }
            router.add(.post, "/early", streamingBody: true) { _ in
                HTTPResponse(status: .ok, contentType: "text/plain", body: "early")
            }
            router.add(.post, "/buffered") { request in
                HTTPResponse(status: .ok, contentType: "text/plain", body: "\(request.body.count)")
            }
            router.add(.get, "/ok") { _ in HTTPResponse(status: .ok, contentType: "text/plain", body: "ok") }
            var configuration = ServerConfiguration()
            configuration.port = 0
            configure(&configuration)
            server = HTTPServer(configuration: configuration, router: router)
            try server.start()
        }

        deinit { server.shutdown(gracePeriod: .seconds(2)) }

        private static func consume(_ request: HTTPRequest, _ recorder: Recorder) -> HTTPResponse {
            guard let body = request.bodyStream else { return HTTPResponse(status: .internalServerError) }
            var count = 0
            var sum: UInt32 = 0
            do {
                while let piece = try body.read() {
                    #expect(!piece.isEmpty)
                    count += piece.count
                    for byte in piece { sum &+= UInt32(byte) }
                }
            } catch {
                recorder.record(.interrupted(error.reason))
                return HTTPResponse(status: .badRequest, contentType: "text/plain", body: "interrupted: \(error.reason)")
            }
            recorder.record(.read(count: count, sum: sum))
            return HTTPResponse(status: .ok, contentType: "text/plain", body: "\(count) \(sum)")
        }

        /// The outcome of the next handler to finish, waiting up to five seconds for it.
        func nextOutcome() -> Outcome? {
            guard recorder.finished.wait(timeout: .now() + 5) == .success else { return nil }
            return recorder.outcomes.withLock { $0.removeFirst() }
        }
    }

    /// `count` bytes that are not all alike, with their expected sum.
    static func payload(_ count: Int) -> (bytes: [UInt8], sum: UInt32) {
        var bytes = [UInt8](repeating: 0, count: count)
        var sum: UInt32 = 0
        for index in 0..<count {
            bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 9)
            sum &+= UInt32(bytes[index])
        }
        return (bytes, sum)
    }

    static func head(_ path: String, length: Int? = nil, extra: String = "") -> [UInt8] {
        let framing = length.map { "Content-Length: \($0)\r\n" } ?? "Transfer-Encoding: chunked\r\n"
        return Array("POST \(path) HTTP/1.1\r\nHost: t\r\n\(framing)\(extra)\r\n".utf8)
    }

    static func chunk(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10]
    }

    @Test func aContentLengthBodyOf20MiBArrivesWhole() throws {
        let running = try StreamingServer()
        let (bytes, sum) = Self.payload(20 * 1024 * 1024)
        let client = try TestClient(port: running.port)
        try client.send(Self.head("/count", length: bytes.count) + bytes)
        let response = try client.readResponse(timeout: 30)
        #expect(response.status == 200)
        #expect(response.text == "\(bytes.count) \(sum)")
        #expect(running.nextOutcome() == .read(count: bytes.count, sum: sum))
        // The connection goes on.
        #expect(try client.request("GET", "/ok").text == "ok")
    }

    @Test func aChunkedBodyArrivesWhole() throws {
        let running = try StreamingServer()
        let (bytes, sum) = Self.payload(20 * 1024 * 1024 + 12345)
        var wire = Self.head("/count")
        var offset = 0
        var size = 1
        while offset < bytes.count {
            let end = min(bytes.count, offset + size)
            wire += Self.chunk(bytes[offset..<end])
            offset = end
            size = size * 3 % 200_003 + 1
        }
        wire += Array("0\r\nX-Trailer: yes\r\n\r\n".utf8)
        let client = try TestClient(port: running.port)
        try client.send(wire)
        let response = try client.readResponse(timeout: 30)
        #expect(response.text == "\(bytes.count) \(sum)")
    }

    @Test func aSlowHandlerHoldsTheClientBack() throws {
        let running = try StreamingServer { $0.requestBodyBufferSize = 64 * 1024 }
        let (bytes, sum) = Self.payload(48 * 1024 * 1024)
        let client = try TestClient(port: running.port)
        try client.send(Self.head("/hold", length: bytes.count))
        #expect(running.started.wait(timeout: .now() + 5) == .success)
        // The handler reads nothing yet: the server stops reading once 64 KiB wait, so only the
        // kernel's socket buffers take more.
        let accepted = client.sendWithoutBlocking(bytes, for: 1)
        #expect(accepted < 24 * 1024 * 1024, "the server kept reading: \(accepted) bytes accepted")
        running.release.signal()
        try client.send(Array(bytes[accepted...]))
        #expect(try client.readResponse(timeout: 30).text == "\(bytes.count) \(sum)")
    }

    @Test func aClientThatLeavesMidBodyInterruptsTheHandler() throws {
        let running = try StreamingServer()
        do {
            let client = try TestClient(port: running.port)
            try client.send(Self.head("/count", length: 10 * 1024 * 1024) + Self.payload(1024 * 1024).bytes)
        }
        guard case .interrupted = running.nextOutcome() else {
            Issue.record("the handler was not told that its body will not come")
            return
        }
    }

    @Test func aClientThatStopsSendingMidBodyGetsTheHandlersAnswer() throws {
        let running = try StreamingServer()
        let client = try TestClient(port: running.port)
        var wire = Self.head("/count")
        wire += Self.chunk(Self.payload(1000).bytes[...])
        try client.send(wire)
        client.finishSending()
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.text.hasPrefix("interrupted"))
        #expect(response.field("Connection") == "close")
        #expect(client.closedByPeer())
    }

    @Test func aChunkedBodyOverTheLimitGets413() throws {
        let running = try StreamingServer { $0.maxBodySize = 1024 * 1024 }
        let client = try TestClient(port: running.port)
        var wire = Self.head("/count")
        let piece = Self.payload(256 * 1024).bytes
        for _ in 0..<5 { wire += Self.chunk(piece[...]) }
        wire += Array("0\r\n\r\n".utf8)
        _ = client.sendWithoutBlocking(wire, for: 2)
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.field("Content-Type") == "application/problem+json")
        guard case .interrupted = running.nextOutcome() else {
            Issue.record("the handler read a body over the limit")
            return
        }
    }

    @Test func aDeclaredLengthOverTheLimitGets413BeforeTheHandler() throws {
        let running = try StreamingServer { $0.maxBodySize = 1024 * 1024 }
        let client = try TestClient(port: running.port)
        try client.send(Self.head("/count", length: 2 * 1024 * 1024))
        #expect(try client.readResponse().status == 413)
        #expect(running.finished.wait(timeout: .now() + 0.3) == .timedOut)
    }

    @Test func aStalledBodyGets408AndInterruptsTheHandler() throws {
        let clock = ManualClock()
        let running = try StreamingServer { $0.clock = clock }
        let client = try TestClient(port: running.port)
        try client.send(Self.head("/count", length: 100, extra: "Expect: 100-continue\r\n"))
        #expect(try client.readResponse().status == 100)
        clock.advance(by: .seconds(31))
        running.server.checkTimeouts()
        #expect(try client.readResponse().status == 408)
        guard case .interrupted = running.nextOutcome() else {
            Issue.record("the handler kept waiting for a stalled body")
            return
        }
    }

    @Test func aBodyHeldBackForASlowHandlerDoesNotTimeOut() throws {
        let clock = ManualClock()
        let running = try StreamingServer {
            $0.clock = clock
            $0.requestBodyBufferSize = 64 * 1024
        }
        let (bytes, sum) = Self.payload(16 * 1024 * 1024)
        let client = try TestClient(port: running.port)
        try client.send(Self.head("/backlog", length: bytes.count))
        let accepted = client.sendWithoutBlocking(bytes, for: 0.5)
        #expect(running.heldBack.wait(timeout: .now() + 10) == .success)
        // The handler is behind, not the client: no 408 however long that lasts.
        clock.advance(by: .seconds(60))
        running.server.checkTimeouts()
        running.release.signal()
        try client.send(Array(bytes[accepted...]))
        let response = try client.readResponse(timeout: 30)
        #expect(response.text == "\(bytes.count) \(sum)", "\(response.status) accepted \(accepted)")
    }

    @Test func aHandlerThatAnswersBeforeTheBodyEndsClosesTheConnection() throws {
        let running = try StreamingServer()
        let client = try TestClient(port: running.port)
        try client.send(Self.head("/early", length: 1024 * 1024) + Self.payload(1000).bytes)
        let response = try client.readResponse()
        #expect(response.text == "early")
        #expect(response.field("Connection") == "close")
        #expect(client.closedByPeer(within: 5))
    }

    @Test func pipelinedRequestsAfterAStreamedBodyAreAnswered() throws {
        let running = try StreamingServer()
        let client = try TestClient(port: running.port)
        let (bytes, sum) = Self.payload(5000)
        try client.send(Self.head("/count", length: bytes.count) + bytes + Array("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
            + Self.head("/count", length: 0))
        #expect(try client.readResponse().text == "\(bytes.count) \(sum)")
        #expect(try client.readResponse().text == "ok")
        #expect(try client.readResponse().text == "0 0")
    }

    @Test func uploadsBeyondTheStreamingCapGet503() throws {
        let running = try StreamingServer { $0.maxConcurrentStreamedBodies = 1 }
        let first = try TestClient(port: running.port)
        try first.send(Self.head("/hold", length: 3) + Array("abc".utf8))
        #expect(running.started.wait(timeout: .now() + 5) == .success)
        let second = try TestClient(port: running.port)
        let refused = try second.request("POST", "/count", body: Array("xyz".utf8))
        #expect(refused.status == 503)
        #expect(refused.field("Retry-After") == "1")
        running.release.signal()
        #expect(try first.readResponse().text == "3 294")
        // The slot is free again.
        #expect(try second.request("POST", "/count", body: Array("xyz".utf8)).status == 200)
    }

    /// Refuses POSTs that lack `X-Allowed: yes`.
    struct HeaderGate: RequestGate {
        func refusal(for head: RequestHead) -> HTTPResponse? {
            guard head.method == .post, head.fields["X-Allowed"] != "yes" else { return nil }
            return ProblemDetails(status: .unauthorized, detail: "no").response(fields: ["WWW-Authenticate": "Bearer realm=\"t\""])
        }
    }

    @Test func theGateRefusesBeforeTheBodyIsRead() throws {
        let running = try StreamingServer(gate: HeaderGate())
        let client = try TestClient(port: running.port)
        // A client waiting for 100 Continue gets the refusal instead, and never sends its body.
        try client.send(Self.head("/count", length: 50 * 1024 * 1024, extra: "Expect: 100-continue\r\n"))
        let refused = try client.readResponse()
        #expect(refused.status == 401)
        #expect(refused.field("WWW-Authenticate") == "Bearer realm=\"t\"")
        #expect(client.closedByPeer())
        #expect(running.finished.wait(timeout: .now() + 0.3) == .timedOut)

        // A small body is read and dropped, and the connection goes on; buffered routes are gated too.
        let other = try TestClient(port: running.port)
        #expect(try other.request("POST", "/buffered", body: [1, 2, 3]).status == 401)
        #expect(try other.request("GET", "/ok").status == 200)
        #expect(try other.request("POST", "/buffered", fields: [("X-Allowed", "yes")], body: [1, 2, 3]).text == "3")
        #expect(try other.request("POST", "/count", fields: [("X-Allowed", "yes")], body: [1, 2, 3]).text == "3 6")
    }

    @Test func aCompleteBodyReadsBackWithoutAConnection() throws {
        let body = RequestBody(complete: Array("hello".utf8))
        #expect(try body.read() == Array("hello".utf8))
        #expect(try body.read() == nil)
        #expect(try RequestBody(complete: []).read() == nil)
    }
}
