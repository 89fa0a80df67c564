import Dispatch
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection. Every piece of its state is touched only on its own serial
/// `queue`: socket events from the ``SocketPoller``, the handler's completion and the timers
/// all run there, on whichever thread brings them when the queue is idle (``InlineSerialQueue``).
/// After each burst of work the connection arms its socket for what it now waits for: input
/// while it reads requests, output while a response is still buffered.
///
/// Requests are answered strictly in order: while a response is pending, the connection
/// stops pulling from its parser and stops reading the socket (backpressure), so
/// pipelined requests wait in the parser's buffer.
final class Connection: SocketEventHandler, @unchecked Sendable {
    private enum Phase {
        case awaitingHead
        case readingBody(PendingRequest)
        /// The handler runs and reads the body from `body` while it arrives (``RequestBody``).
        case streamingBody(head: RequestHead, body: RequestBody)
        /// The request was refused before its body; the body is read and dropped, up to `budget`
        /// bytes, and the refusal sent once it ends, so a malformed body still gets its 400.
        case discardingBody(budget: Int, refusal: Refusal)
        case responding
    }

    private struct Refusal {
        let head: RequestHead
        let response: HTTPResponse
    }

    /// A response body being produced on the pool while it is sent.
    private struct StreamState {
        let head: RequestHead
        let chunked: Bool
        let close: Bool
        let started: DispatchTime
        var status: Int
        var bytes = 0
    }

    /// What ``enqueueStreamPiece(_:)`` tells the producing thread.
    enum StreamVerdict: Sendable {
        case accepted
        case closed
        /// Over the high-water mark: wait for the semaphore, signalled once the buffer drains or the connection closes.
        case wait(DispatchSemaphore)
    }

    private struct PendingRequest {
        let head: RequestHead
        let target: RequestTarget
        let responder: any HTTPResponder
        let parameters: [String: String]
        var body: [UInt8] = []
    }

    let fd: Int32
    let peer: String
    private let context: ServerContext
    private let queue = InlineSerialQueue()
    private var registration: SocketPoller.Registration?
    /// What the poller will report next; empty once it has reported, until armed again.
    private var armedEvents: SocketPoller.Events = []
    private var readingPaused = false
    /// A response is buffered that the socket would not take: wait until it is writable.
    private var writeWanted = false
    private var parser: RequestParser
    private var serializer = ResponseSerializer()
    private var phase = Phase.awaitingHead
    private var outbound: [UInt8] = []
    private var outboundOffset = 0
    /// Once set, nothing more is parsed; the connection closes when `outbound` drains.
    private var closeAfterFlush = false
    private var peerFinishedSending = false
    private var draining = false
    /// Set by ``drain()`` at once, from any thread: a handler running on `queue` holds up the
    /// queued part of the drain, and its response must still learn to close.
    private let drainRequested = Atomic<Bool>(false)
    private var lingering = false
    private var closed = false
    /// Clock readings behind the timeouts (see ``checkDeadline()``).
    private var idleSince: UInt64 = 0
    private var headerStartedAt: UInt64 = 0
    private var lastReadAt: UInt64 = 0
    private var lastWriteProgressAt: UInt64 = 0
    private var streaming: StreamState?
    private var streamRoom: DispatchSemaphore?
    /// Reading stopped because a streamed request body's handler has too much unread.
    private var requestBodyHeldBack = false

    init(fd: Int32, peer: String, context: ServerContext) {
        self.fd = fd
        self.peer = peer
        self.context = context
        self.parser = RequestParser(limits: context.configuration.parserLimits)
    }

    /// Starts waiting for the first request.
    ///
    /// - Throws: ``Socket/Failure`` when the poller cannot watch the socket; the caller closes it.
    func start() throws(Socket.Failure) {
        // Cleared on close: until then the queue and the connection hold each other.
        queue.setIdleHandler { [self] in armWantedEvents() }
        let registration = context.poller.register(fd, handler: self)
        // Set on the queue, whose lock the first event's job takes after it, before the socket can report anything.
        queue.sync { [self] in
            idleSince = context.configuration.clock.nowNanoseconds()
            self.registration = registration
            armedEvents = .readable
        }
        do {
            try context.poller.watch(registration, for: .readable)
        } catch {
            context.poller.remove(registration)
            queue.setIdleHandler(nil)
            throw error
        }
    }

    func socketReady(_ events: SocketPoller.Events) {
        queue.async { [self] in
            guard !closed else { return }
            armedEvents = []
            if events.contains(.writable) && writeWanted { flush() }
            if !closed && events.contains(.readable) && !readingPaused { handleReadable() }
            // An error or reset, or both directions shut: nothing more can be read or sent.
            if !closed && !events.isDisjoint(with: .hangUp) { closeNow() }
        }
    }

    /// Runs when the queue has no more work: tells the poller what the connection now waits for.
    private func armWantedEvents() {
        guard !closed, let registration else { return }
        var wanted: SocketPoller.Events = []
        if !readingPaused { wanted.insert(.readable) }
        if writeWanted { wanted.insert(.writable) }
        guard wanted != armedEvents else { return }
        armedEvents = wanted
        context.poller.arm(registration, for: wanted)
    }

    /// Marks the connection as draining, from any thread at once, so that a handler already
    /// running answers with `Connection: close`; ``drain()`` then acts on it.
    func requestDrain() {
        drainRequested.store(true, ordering: .relaxed)
    }

    /// Graceful shutdown: an idle connection closes now; a busy one closes after its current response.
    /// Call on a poller thread (``SocketPoller/execute(_:)``), after ``requestDrain()``.
    func drain() {
        queue.async { [self] in
            guard !closed else { return }
            draining = true
            if case .awaitingHead = phase, parser.bufferedByteCount == 0, outboundPending == 0 {
                closeNow()
            }
        }
    }

    /// Closes at once, whatever is in flight. Call on a poller thread, as ``drain()``.
    func forceClose() {
        queue.async { [self] in closeNow() }
    }

    /// Closes the connection if the client has let its current deadline pass: the header
    /// section not complete `headerTimeout` after its first byte (408), a body stalled for
    /// `bodyReadTimeout` (408), a write without progress for `writeTimeout`, or an idle
    /// keep-alive connection past `keepAliveTimeout`. A running handler has no deadline.
    /// Call on a poller thread (``SocketPoller/execute(_:)``), which may then do the check itself.
    func checkDeadline() {
        queue.async { [self] in
            guard !closed, !lingering else { return }
            let configuration = context.configuration
            let now = configuration.clock.nowNanoseconds()
            func passed(_ since: UInt64, _ limit: Duration) -> Bool {
                let (end, overflow) = since.addingReportingOverflow(limit.nanoseconds)
                return !overflow && now >= end
            }
            if outboundPending > 0 {
                if passed(lastWriteProgressAt, configuration.writeTimeout) { closeNow() }
                return
            }
            switch phase {
            case .responding:
                return
            case .readingBody, .discardingBody, .streamingBody:
                // A body held back because its handler is behind is not the client's stall.
                if !requestBodyHeldBack && passed(lastReadAt, configuration.bodyReadTimeout) {
                    reject(HTTPParserError(.requestTimeout, "the request body stalled for longer than \(configuration.bodyReadTimeout)"))
                }
            case .awaitingHead:
                if parser.bufferedByteCount > 0 || !parser.isAtMessageBoundary {
                    if passed(headerStartedAt, configuration.headerTimeout) {
                        reject(HTTPParserError(.requestTimeout, "the header section did not arrive within \(configuration.headerTimeout)"))
                    }
                } else if passed(idleSince, configuration.keepAliveTimeout) {
                    closeNow()
                }
            }
        }
    }

    // MARK: Reading

    private func handleReadable() {
        guard !closed else { return }
        let count = withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: 16) { scratch -> Int in
            var received: Int
            repeat {
                received = recv(fd, scratch.baseAddress, scratch.count, 0)
            } while received < 0 && errno == EINTR
            if received > 0 && !lingering {
                lastReadAt = context.configuration.clock.nowNanoseconds()
                if case .awaitingHead = phase, parser.bufferedByteCount == 0, parser.isAtMessageBoundary {
                    headerStartedAt = lastReadAt
                }
                parser.append(UnsafeRawBufferPointer(rebasing: scratch[0..<received]))
            }
            return received
        }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { return }
            closeNow()
            return
        }
        if count == 0 {
            peerFinishedSending = true
            if lingering {
                closeNow()
                return
            }
            // The read source would fire forever at end of input.
            pauseReading()
        }
        if lingering { return }
        processInput()
    }

    private func processInput() {
        while !closed && !closeAfterFlush {
            if case .responding = phase { return }
            if requestBodyHeldBack { return }
            if outboundPending > context.configuration.writeBufferHighWaterMark {
                pauseReading()
                return
            }
            let event: RequestParser.Event?
            do {
                event = try parser.next()
            } catch {
                reject(error)
                return
            }
            guard let event else { break }
            switch (phase, event) {
            case (.awaitingHead, .head(let head)):
                begin(head)
            case (.readingBody(var pending), .body(let bytes)):
                pending.body.append(contentsOf: bytes)
                phase = .readingBody(pending)
            case (.readingBody(let pending), .end):
                dispatch(pending)
            case (.streamingBody(_, let body), .body(let bytes)):
                if body.append(bytes) {
                    requestBodyHeldBack = true
                    pauseReading()
                    return
                }
            case (.streamingBody(_, let body), .end):
                body.finish()
                // As for a buffered request: pipelined requests wait until this one is answered.
                phase = .responding
                pauseReading()
                return
            case (.discardingBody(let budget, let refusal), .body(let bytes)):
                guard bytes.count <= budget else {
                    // Too much to read for nothing: answer now and let the connection go.
                    respondAndClose(refusal.head, refusal.response)
                    return
                }
                phase = .discardingBody(budget: budget - bytes.count, refusal: refusal)
            case (.discardingBody(_, let refusal), .end):
                startIdleClocks()
                phase = .awaitingHead
                write(refusal.response, for: refusal.head, close: !refusal.head.keepAlive || draining, started: .now())
                if !refusal.head.keepAlive || draining {
                    finishAfterFlush()
                    return
                }
            default:
                reject(HTTPParserError.bad("unexpected request framing"))
                return
            }
        }
        if peerFinishedSending && !closed && !closeAfterFlush {
            if case .responding = phase { return }
            switch phase {
            case .streamingBody(_, let body):
                // The handler learns it from its next read and answers; the connection closes after that answer.
                body.fail("the client stopped sending before the body ended")
            case .readingBody:
                // A half-closed client can still read why its request went unanswered.
                reject(HTTPParserError.bad("the client stopped sending before the body ended"))
            case .discardingBody(_, let refusal):
                respondAndClose(refusal.head, refusal.response)
            case .awaitingHead, .responding:
                finishAfterFlush()
            }
        }
    }

    private func begin(_ head: RequestHead) {
        let target = RequestTarget(head.target)
        // The server's own answers pass through the filters like a route's (CORS, content coding).
        let request = HTTPRequest(head: head, target: target, peer: peer)
        func filtered(_ response: HTTPResponse) -> HTTPResponse { context.filters.apply(to: response, for: request) }
        var expectsContinue = false
        if let expectation = head.fields["Expect"] {
            guard expectation.equalsIgnoringASCIICase("100-continue") else {
                respondAndClose(head, filtered(ProblemDetails(status: .expectationFailed, detail: "only the 100-continue expectation is supported").response()))
                return
            }
            expectsContinue = head.version == .http1_1
        }
        if head.method == .connect {
            // An origin server, not a proxy: no route can take a tunnel (RFC 9110 §9.3.6), whatever the target.
            refuse(head, filtered(ProblemDetails(status: .notImplemented, detail: "this server does not open tunnels; CONNECT is for proxies")
                .response()), expectsContinue: expectsContinue)
            return
        }
        if head.method == .options && head.target == "*" {
            // A question about the server as a whole (RFC 9110 §9.3.7), answered here rather than by a route.
            let allowed = (context.router.methods + [.options]).map(\.rawValue).joined(separator: ", ")
            refuse(head, filtered(HTTPResponse(status: .ok, fields: ["Allow": allowed])), expectsContinue: expectsContinue)
            return
        }
        switch context.router.match(head.method, path: target.rawPath) {
        case .found(let responder, let parameters):
            if let refusal = context.router.gate?.refusal(for: head) {
                refuse(head, filtered(refusal), expectsContinue: expectsContinue)
                return
            }
            if head.hasBody, let coding = head.contentCodingOtherThanIdentity {
                // Nothing here decodes a coded request body, so no handler could read it (RFC 9110 §8.4, §15.5.16).
                refuse(head, filtered(ProblemDetails(status: .unsupportedMediaType,
                                                     detail: "the request body has content coding \(coding); send it without one")
                    .response(fields: ["Accept-Encoding": "identity"])), expectsContinue: expectsContinue)
                return
            }
            let streams = responder.streamsRequestBody
            if streams && !context.streamedBodies.acquire() {
                refuse(head, filtered(ProblemDetails(status: .serviceUnavailable, detail: "too many uploads are in progress; try again shortly")
                    .response(fields: ["Retry-After": "1"])), expectsContinue: expectsContinue)
                return
            }
            if expectsContinue && head.hasBody {
                outbound.append(contentsOf: ResponseSerializer.continueResponse)
                flush()
            }
            if streams {
                dispatchStreamed(head, target: target, responder: responder, parameters: parameters)
            } else {
                phase = .readingBody(PendingRequest(head: head, target: target, responder: responder, parameters: parameters))
            }
        case .notFound:
            refuse(head, filtered(ProblemDetails(status: .notFound, detail: "no resource at \(target.rawPath)").response()),
                   expectsContinue: expectsContinue)
        case .methodNotAllowed(let allowed):
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            refuse(head, filtered(ProblemDetails(status: .methodNotAllowed, detail: "\(head.method) is not allowed on \(target.rawPath); use \(list)")
                .response(fields: ["Allow": list])), expectsContinue: expectsContinue)
        case .options(let allowed):
            refuse(head, filtered(HTTPResponse(status: .ok, fields: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])),
                   expectsContinue: expectsContinue)
        case .methodNotImplemented:
            refuse(head, filtered(ProblemDetails(status: .notImplemented, detail: "the method \(head.method) is not supported (methods are case-sensitive)")
                .response()), expectsContinue: expectsContinue)
        }
    }

    /// Answers a request that will not reach a handler, then skips its body if that is cheap.
    private func refuse(_ head: RequestHead, _ response: HTTPResponse, expectsContinue: Bool) {
        let budget = context.configuration.maxDiscardedBodySize
        var bodyTooLarge = false
        if case .length(let count) = head.framing, count > budget { bodyTooLarge = true }
        if head.hasBody && (expectsContinue || bodyTooLarge) {
            // The client is holding the body back, or it is too big to read for nothing.
            respondAndClose(head, response)
            return
        }
        phase = .discardingBody(budget: budget, refusal: Refusal(head: head, response: response))
    }

    private func respondAndClose(_ head: RequestHead, _ response: HTTPResponse) {
        write(response, for: head, close: true, started: .now())
        finishAfterFlush()
    }

    private func reject(_ error: HTTPParserError) {
        if case .streamingBody(_, let body) = phase { body.fail(error.reason) }
        if outboundPending == 0 { lastWriteProgressAt = context.configuration.clock.nowNanoseconds() }
        // Before the head is complete the filters get no request; while reading a body they get its head.
        let request = headBeingRead.map { HTTPRequest(head: $0, peer: peer) }
        let response = context.filters.apply(to: ProblemDetails(status: error.status, detail: error.reason).response(), for: request)
        let start = DispatchTime.now()
        serializer.serialize(response, isHead: request?.method == .head, close: true, into: &outbound)
        context.accessLog?.info("- - \(response.status.code) \(response.body.count) \(elapsedMilliseconds(since: start)) \(peer)")
        finishAfterFlush()
    }

    /// The request whose body is being read or skipped.
    private var headBeingRead: RequestHead? {
        switch phase {
        case .readingBody(let pending): pending.head
        case .discardingBody(_, let refusal): refusal.head
        case .streamingBody(let head, _): head
        case .awaitingHead, .responding: nil
        }
    }

    // MARK: Handlers

    private func dispatch(_ pending: PendingRequest) {
        phase = .responding
        let request = HTTPRequest(
            head: pending.head, target: pending.target, body: pending.body, pathParameters: pending.parameters, peer: peer)
        let responder = pending.responder
        let filters = context.filters
        let started = DispatchTime.now()
        // On this queue nothing else of the connection runs meanwhile, so reading needs no pause.
        var answer: HTTPResponse?
        let poller = context.poller
        if poller.onPollerThread,
           context.pool.runHereIfRoom({ answer = poller.whileBlocking { filters.apply(to: responder.respond(to: request), for: request) } }),
           let answer {
            // processInput(), which called this, goes on with any pipelined request: no recursion per request.
            complete(request.head, answer, started: started, readOn: false)
            return
        }
        pauseReading()
        context.pool.submit { [self] in
            // Filtered with the handler, inside its place in the pool: hashing and compressing are part of its cost.
            let response = filters.apply(to: responder.respond(to: request), for: request)
            queue.async { [self] in complete(request.head, response, started: started) }
        }
    }

    /// Runs the handler of a route that streams its body now, before the body arrives; the body
    /// then goes to it piece by piece from ``processInput()``.
    private func dispatchStreamed(_ head: RequestHead, target: RequestTarget, responder: any HTTPResponder, parameters: [String: String]) {
        let body = RequestBody(limit: context.configuration.requestBodyBufferSize) { [weak self] in self?.requestBodyDrained() }
        phase = .streamingBody(head: head, body: body)
        let request = HTTPRequest(head: head, target: target, bodyStream: body, pathParameters: parameters, peer: peer)
        let started = DispatchTime.now()
        let slots = context.streamedBodies
        let filters = context.filters
        context.pool.submit { [self] in
            let response = filters.apply(to: responder.respond(to: request), for: request)
            slots.release()
            queue.async { [self] in complete(head, response, started: started) }
        }
    }

    /// The handler has read a held-back body down to half its buffer (called on the handler's thread).
    private func requestBodyDrained() {
        queue.async { [self] in
            guard requestBodyHeldBack, !closed, case .streamingBody = phase else { return }
            requestBodyHeldBack = false
            // The client was held back, not stalling: its body clock starts again now.
            lastReadAt = context.configuration.clock.nowNanoseconds()
            if !peerFinishedSending { resumeReading() }
            processInput()
        }
    }

    /// - Parameter readOn: whether to go on reading input; false when the caller's input loop does.
    private func complete(_ head: RequestHead, _ response: HTTPResponse, started: DispatchTime, readOn: Bool = true) {
        // Once the connection has answered for itself (a 408 or 413 during a streamed body), the handler's answer is dropped.
        guard !closed, !closeAfterFlush else { return }
        if drainRequested.load(ordering: .relaxed) { draining = true }
        var close = !head.keepAlive || draining
        if case .streamingBody(_, let body) = phase {
            // The handler answered before its body ended: the rest of the body is never read, so the connection cannot go on.
            body.fail("the handler answered before the body ended")
            close = true
        }
        requestBodyHeldBack = false
        if let stream = response.stream, response.status.allowsContent {
            // Requests behind this one wait in the parser until the stream ends (see finishStream and flush).
            pauseReading()
            beginStream(stream, response: response, head: head, close: close, started: started)
            return
        }
        // The clocks start before the response leaves, so a client that reads it has seen them started.
        startIdleClocks()
        write(response, for: head, close: close, started: started)
        phase = .awaitingHead
        if close {
            finishAfterFlush()
        } else if readOn && outboundPending <= context.configuration.writeBufferHighWaterMark {
            resumeReading()
            processInput()
        }
    }

    // MARK: Streamed bodies

    /// Sends a streamed response's head, then runs its producer on the pool. HTTP/1.1 clients get
    /// chunks; HTTP/1.0 clients get the bytes as they come and a close to end them. HEAD gets the head only.
    private func beginStream(_ stream: ResponseStream, response: HTTPResponse, head: RequestHead, close: Bool, started: DispatchTime) {
        let chunked = head.version != .http1_0
        let close = close || !chunked
        if outboundPending == 0 { lastWriteProgressAt = context.configuration.clock.nowNanoseconds() }
        serializer.serializeStreamHead(response, chunked: chunked, close: close, into: &outbound)
        streaming = StreamState(head: head, chunked: chunked, close: close, started: started, status: response.status.code)
        flush()
        guard head.method != .head else {
            finishStream(failed: false)
            return
        }
        let writer = ResponseBodyWriter(connection: self)
        // Not a handler's place: a producer waits as long as its client is slow to read.
        context.producers.submit { [self] in
            let failed: Bool
            do {
                try stream.produce(writer)
                failed = false
            } catch {
                failed = true
            }
            queue.async { [self] in finishStream(failed: failed) }
        }
    }

    /// Called from the producing thread: queues one piece and says whether to go on, wait or stop.
    func enqueueStreamPiece(_ bytes: [UInt8]) -> StreamVerdict {
        queue.sync { [self] in
            guard !closed, var state = streaming else { return .closed }
            if outboundPending == 0 { lastWriteProgressAt = context.configuration.clock.nowNanoseconds() }
            if state.chunked {
                ResponseSerializer.appendChunk(bytes, into: &outbound)
            } else {
                outbound.append(contentsOf: bytes)
            }
            state.bytes += bytes.count
            streaming = state
            flush()
            if closed { return .closed }
            guard outboundPending > context.configuration.writeBufferHighWaterMark else { return .accepted }
            let room = DispatchSemaphore(value: 0)
            streamRoom = room
            return .wait(room)
        }
    }

    /// Whether the connection has closed, for a producer that waited for room.
    var isClosed: Bool { queue.sync { [self] in closed } }

    private func finishStream(failed: Bool) {
        guard let state = streaming else { return }
        streaming = nil
        guard !closed else { return }
        context.accessLog?.info(
            "\(state.head.method) \(state.head.target) \(state.status) \(state.bytes) \(elapsedMilliseconds(since: state.started)) \(peer)")
        if failed {
            // Without the last chunk (or with an early close) the client knows the body is incomplete.
            closeNow()
            return
        }
        if state.chunked && state.head.method != .head { outbound.append(contentsOf: ResponseSerializer.lastChunk) }
        startIdleClocks()
        phase = .awaitingHead
        // A shutdown that began mid-stream could not announce the close in the head; it closes now all the same.
        if state.close || draining {
            finishAfterFlush()
        } else {
            flush()
        }
    }

    private func wakeStreamProducer() {
        if let room = streamRoom {
            streamRoom = nil
            room.signal()
        }
    }

    /// Between requests: the keep-alive clock starts, and so does the header clock for any
    /// pipelined bytes already buffered.
    private func startIdleClocks() {
        idleSince = context.configuration.clock.nowNanoseconds()
        headerStartedAt = idleSince
    }

    // MARK: Writing

    private var outboundPending: Int { outbound.count - outboundOffset }

    private func write(_ response: HTTPResponse, for head: RequestHead, close: Bool, started: DispatchTime) {
        if outboundPending == 0 { lastWriteProgressAt = context.configuration.clock.nowNanoseconds() }
        serializer.serialize(response, isHead: head.method == .head, close: close, into: &outbound)
        context.accessLog?.info(
            "\(head.method) \(head.target) \(response.status.code) \(response.body.count) \(elapsedMilliseconds(since: started)) \(peer)")
        flush()
    }

    private func finishAfterFlush() {
        closeAfterFlush = true
        flush()
    }

    private func flush() {
        guard !closed else { return }
        while outboundOffset < outbound.count {
            let sent = outbound.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress! + outboundOffset, bytes.count - outboundOffset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outboundOffset += sent
                lastWriteProgressAt = context.configuration.clock.nowNanoseconds()
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                writeWanted = true
                return
            } else {
                // The peer reset or vanished: only this connection pays.
                closeNow()
                return
            }
        }
        outbound.removeAll(keepingCapacity: outbound.capacity <= 16 * 1024)
        outboundOffset = 0
        writeWanted = false
        wakeStreamProducer()
        if closeAfterFlush {
            lingeringClose()
        } else if readingPaused && !peerFinishedSending, case .awaitingHead = phase {
            resumeReading()
            processInput()
        }
    }

    // MARK: Closing

    /// Sends FIN, then reads and drops what the client is still sending for a short while,
    /// so the kernel does not answer unread input with a reset that destroys our last response.
    private func lingeringClose() {
        guard !closed, !lingering else { return }
        lingering = true
        shutdown(fd, Int32(SHUT_WR))
        if peerFinishedSending {
            closeNow()
            return
        }
        resumeReading()
        queue.asyncAfter(deadline: .now() + .seconds(2)) { [self] in closeNow() }
    }

    /// Takes effect when the queue next runs out of work (``armWantedEvents()``), as does ``resumeReading()``.
    private func pauseReading() {
        readingPaused = true
    }

    private func resumeReading() {
        readingPaused = false
    }

    private func closeNow() {
        guard !closed else { return }
        closed = true
        wakeStreamProducer()
        if case .streamingBody(_, let body) = phase { body.fail("the connection closed before the body ended") }
        // Out of the poller before the descriptor closes, so the number can be reused safely.
        if let registration { context.poller.remove(registration) }
        registration = nil
        close(fd)
        queue.setIdleHandler(nil)
        context.connectionClosed(self)
    }

    private func elapsedMilliseconds(since start: DispatchTime) -> String {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds
        let tenths = nanoseconds / 100_000
        return "\(tenths / 10).\(tenths % 10)ms"
    }
}
