import Dispatch
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 server on POSIX sockets and Dispatch.
///
/// A non-blocking listening socket is watched by a Dispatch read source. Accepted connections
/// are watched by a ``SocketPoller``: a few threads sharing one epoll instance, where the thread
/// that sees a request arrive reads, answers and writes it (see `Connection`). At most
/// `maxConcurrentHandlers` responders run at once (see ``HandlerPool``). The server knows nothing of
/// what it serves: give it a ``Router``, and ``ResponseFilter``s for what every response needs.
public final class HTTPServer: Sendable {
    /// Dispatch sources are thread-safe objects that the SDK does not mark `Sendable`;
    /// this one is only suspended, resumed and cancelled under the server's lock.
    private struct ListenSource: @unchecked Sendable {
        let source: DispatchSourceRead
    }

    private struct TimerSource: @unchecked Sendable {
        let source: DispatchSourceTimer
    }

    private struct State {
        var listenFD: Int32 = -1
        var listenSource: ListenSource?
        var timeoutTimer: TimerSource?
        var acceptingPaused = false
        var stopping = false
        var connections: [ObjectIdentifier: Connection] = [:]
        var port = 0
        var context: ServerContext?
    }

    private let configuration: ServerConfiguration
    private let router: Router
    private let filters: [any ResponseFilter]
    private let accessLog: Logger?
    private let acceptQueue = DispatchQueue(label: "newsapi.http.accept")
    private let pool: HandlerPool
    private let producers: HandlerPool
    private let streamedBodies: StreamedBodySlots
    private let state = Mutex(State())
    private let allClosed = DispatchSemaphore(value: 0)
    /// Signalled once the listening socket is closed, which Dispatch does after cancelling its source.
    private let listenerClosed = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - filters: applied, in order, to every response the server sends (see ``ResponseFilter``).
    ///   - accessLog: receives one line per response (method, target, status, body bytes as sent, duration, peer); nil for none.
    public init(configuration: ServerConfiguration, router: Router, filters: [any ResponseFilter] = [], accessLog: Logger? = nil) {
        self.configuration = configuration
        self.router = router
        self.filters = filters
        self.accessLog = accessLog
        self.pool = HandlerPool(width: configuration.maxConcurrentHandlers)
        self.producers = HandlerPool(width: configuration.maxConcurrentResponseStreams, name: "newsapi.http.producers")
        // Each streamed body holds a handler while its client sends: leave at least half of them for other requests.
        self.streamedBodies = StreamedBodySlots(
            capacity: min(configuration.maxConcurrentStreamedBodies, max(1, configuration.maxConcurrentHandlers / 2)))
    }

    /// The port the server listens on; meaningful after ``start()``.
    public var port: Int { state.withLock { $0.port } }

    /// Number of open connections.
    public var connectionCount: Int { state.withLock { $0.connections.count } }

    /// Binds, listens and starts accepting. Returns once the socket is listening.
    ///
    /// - Throws: when the address cannot be resolved or bound (in use, not local), or the kernel refuses an epoll instance.
    public func start() throws {
        // A peer that closes mid-write must cost an EPIPE, not the process.
        signal(SIGPIPE, SIG_IGN)
        // Every handler may hold a poller thread: up to that many more threads can be added when all are held.
        let poller = try SocketPoller(
            threads: configuration.pollerThreads, maxThreads: configuration.pollerThreads + configuration.maxConcurrentHandlers)
        let fd = try Socket.makeListener(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let context = ServerContext(
            configuration: configuration, router: router, filters: filters, pool: pool, producers: producers, streamedBodies: streamedBodies,
            accessLog: accessLog, poller: poller,
            connectionClosed: { [self] connection in connectionClosed(connection) })
        poller.start()
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: acceptQueue)
        source.setEventHandler { [self] in acceptPending() }
        let listenerClosed = listenerClosed
        source.setCancelHandler {
            close(fd)
            listenerClosed.signal()
        }
        let timer = DispatchSource.makeTimerSource(queue: acceptQueue)
        let interval = DispatchTimeInterval.nanoseconds(Int(clamping: configuration.timeoutCheckInterval.nanoseconds))
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
        timer.setEventHandler { [self] in checkTimeouts() }
        state.withLock {
            $0.listenFD = fd
            $0.listenSource = ListenSource(source: source)
            $0.timeoutTimer = TimerSource(source: timer)
            $0.port = Socket.localPort(fd)
            $0.context = context
        }
        source.activate()
        timer.activate()
    }

    /// Checks every connection against its deadlines, by ``ServerConfiguration/clock``, on the
    /// poller's threads, so within moments of the call. The server does this every
    /// ``ServerConfiguration/timeoutCheckInterval``; a test that moves a manual clock calls it to
    /// apply the move at once.
    public func checkTimeouts() {
        let (connections, poller) = state.withLock { (Array($0.connections.values), $0.context?.poller) }
        // One job for all: the poller's threads then find each connection's queue idle and check it there.
        poller?.execute { connections.forEach { $0.checkDeadline() } }
    }

    /// Stops accepting, closes idle connections, lets in-flight requests finish (answered
    /// with `Connection: close`) for up to `gracePeriod`, then closes whatever remains.
    /// Blocks until every connection is closed.
    public func shutdown(gracePeriod: Duration = .seconds(10)) {
        let poller = state.withLock { $0.context?.poller }
        defer { poller?.stop() }
        let (connections, listening) = state.withLock { state -> ([Connection], Bool) in
            state.stopping = true
            state.timeoutTimer?.source.cancel()
            state.timeoutTimer = nil
            guard let source = state.listenSource?.source else { return (Array(state.connections.values), false) }
            source.cancel()
            if state.acceptingPaused { source.resume() }
            state.listenSource = nil
            return (Array(state.connections.values), true)
        }
        connections.forEach { $0.requestDrain() }
        // On a poller thread, so that this one never finds a connection's queue idle and takes on its work.
        poller?.execute { connections.forEach { $0.drain() } }
        // Once this returns, new clients are refused rather than left in the backlog.
        if listening { _ = listenerClosed.wait(timeout: .now() + .seconds(2)) }
        guard !connections.isEmpty else { return }
        let grace = DispatchTimeInterval.nanoseconds(Int(clamping: gracePeriod.nanoseconds))
        if allClosed.wait(timeout: .now() + grace) == .timedOut {
            let remaining = state.withLock { Array($0.connections.values) }
            poller?.execute { remaining.forEach { $0.forceClose() } }
            _ = allClosed.wait(timeout: .now() + .seconds(2))
        }
    }

    /// Runs on `acceptQueue`. Accepts a bounded batch so one busy listener cannot starve the queue.
    private func acceptPending() {
        guard let context = state.withLock({ $0.context }) else { return }
        for _ in 0..<64 {
            let (fd, full) = state.withLock { ($0.listenFD, $0.connections.count >= configuration.maxConnections) }
            if full {
                pauseAccepting(for: nil)
                return
            }
            var address = sockaddr_storage()
            let client = Socket.accept(fd, peer: &address)
            if client < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: keep serving the open connections and try again shortly.
                    pauseAccepting(for: .milliseconds(100))
                    return
                default:
                    return
                }
            }
            Socket.setNoDelay(client)
            let connection = Connection(fd: client, peer: Socket.describe(address), context: context)
            let accepted = state.withLock { state -> Bool in
                guard !state.stopping else { return false }
                state.connections[ObjectIdentifier(connection)] = connection
                return true
            }
            guard accepted else {
                close(client)
                return
            }
            do {
                try connection.start()
            } catch {
                // The kernel would not watch one more socket: this client goes, the others are served.
                state.withLock { _ = $0.connections.removeValue(forKey: ObjectIdentifier(connection)) }
                close(client)
                pauseAccepting(for: .milliseconds(100))
                return
            }
        }
    }

    private func pauseAccepting(for delay: DispatchTimeInterval?) {
        let paused = state.withLock { state -> Bool in
            guard !state.acceptingPaused, let source = state.listenSource?.source else { return false }
            state.acceptingPaused = true
            source.suspend()
            return true
        }
        if paused, let delay {
            acceptQueue.asyncAfter(deadline: .now() + delay) { [self] in resumeAccepting() }
        }
    }

    private func resumeAccepting() {
        state.withLock { state in
            guard state.acceptingPaused, let source = state.listenSource?.source else { return }
            state.acceptingPaused = false
            source.resume()
        }
    }

    private func connectionClosed(_ connection: Connection) {
        let (stopping, empty) = state.withLock { state -> (Bool, Bool) in
            state.connections[ObjectIdentifier(connection)] = nil
            return (state.stopping, state.connections.isEmpty)
        }
        if stopping {
            if empty { allClosed.signal() }
        } else {
            acceptQueue.async { [self] in resumeAccepting() }
        }
    }
}
