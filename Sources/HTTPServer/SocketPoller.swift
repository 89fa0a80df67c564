import CEpoll
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

#if !os(Linux)
#error("the HTTP server waits for sockets with epoll(7), which only Linux has")
#endif

/// Something told when its socket is ready (see ``SocketPoller``).
protocol SocketEventHandler: AnyObject, Sendable {
    /// Called on a poller thread with what the socket is ready for. The registration is disarmed
    /// until the handler arms it again with ``SocketPoller/arm(_:for:)``.
    func socketReady(_ events: SocketPoller.Events)
}

/// Waits for socket readiness on a few threads that share one epoll instance (epoll(7)).
///
/// Registrations are one-shot (`EPOLLONESHOT`): an event goes to one thread, and the socket
/// reports nothing more until its owner arms it again. So a connection's events never run on two
/// threads at once, and a thread that takes an event does the work itself, reading, answering
/// and writing, with no hand-off to another thread. Threads that are not busy wait in
/// `epoll_wait`, and the kernel wakes only one of them per ready socket; while a thread runs a
/// slow handler, the others go on serving the other sockets. Work that may block runs inside
/// ``whileBlocking(_:)``: when every thread has been inside it since the last check, with none of
/// that work finishing, the poller starts one more thread, up to `maxThreads`.
final class SocketPoller: Sendable {
    /// What a socket is ready for, or wanted for.
    struct Events: OptionSet, Sendable {
        let rawValue: UInt32

        static let readable = Events(rawValue: EPOLLIN.rawValue)
        static let writable = Events(rawValue: EPOLLOUT.rawValue)
        /// An error or a reset, or both directions shut down; reported whether asked for or not.
        static let hangUp = Events(rawValue: EPOLLERR.rawValue | EPOLLHUP.rawValue)
    }

    /// A socket's place in the poller: the key its events carry, so an event that was already on
    /// its way when the socket closed finds nothing rather than a newer socket on the same descriptor.
    struct Registration: Sendable {
        let fd: Int32
        fileprivate let key: UInt64
    }

    private struct State {
        var handlers: [UInt64: any SocketEventHandler] = [:]
        var nextKey: UInt64 = 2
        var stopping = false
        /// Jobs for the poller's threads (``execute(_:)``), run by whichever thread wakes first.
        var jobs: [@Sendable () -> Void] = []
        var threadsRunning = 0
        var growthCheck: GrowthCheck?
        /// Blocking work finished, as of the last growth check.
        var finishedAtLastCheck: UInt64 = 0
    }

    /// The timer behind the growth check; the SDK does not mark Dispatch sources `Sendable`,
    /// and this one is only touched under the state lock.
    private struct GrowthCheck: @unchecked Sendable {
        let timer: DispatchSourceTimer
    }

    /// The key of the wake-up descriptor, whose event tells every thread to stop.
    private static let wakeKey: UInt64 = 0
    /// The key of the descriptor signalled when ``execute(_:)`` adds the first waiting job.
    private static let jobsKey: UInt64 = 1

    private let epollFD: Int32
    private let wakeFD: Int32
    private let jobsFD: Int32
    private let state = Mutex(State())
    /// Set on the poller's own threads (see ``onPollerThread``).
    private let threadKey: pthread_key_t
    private let initialThreads: Int
    /// Milliseconds an added thread waits for an event before it leaves.
    private let addedThreadWait: Int32
    private let maxThreads: Int
    /// Threads inside ``whileBlocking(_:)`` now, and calls of it finished so far.
    private let blocking = Atomic<Int>(0)
    private let finishedBlocking = Atomic<UInt64>(0)

    /// - Parameters:
    ///   - threads: threads started by ``start()``.
    ///   - maxThreads: most threads once more have been added for blocked ones.
    ///   - addedThreadIdleTime: how long an added thread waits for an event before it leaves.
    /// - Throws: ``Socket/Failure`` when the kernel refuses an epoll or event descriptor.
    init(threads: Int, maxThreads: Int, addedThreadIdleTime: Duration = .seconds(10)) throws {
        addedThreadWait = Int32(clamping: addedThreadIdleTime.nanoseconds / 1_000_000)
        var key = pthread_key_t()
        guard pthread_key_create(&key, nil) == 0 else { throw Socket.Failure(call: "pthread_key_create", code: errno) }
        threadKey = key
        initialThreads = max(1, threads)
        self.maxThreads = max(initialThreads, maxThreads)
        var descriptors: [Int32] = []
        do {
            epollFD = try Self.checked("epoll_create1", epoll_create1(Int32(EPOLL_CLOEXEC)))
            descriptors.append(epollFD)
            // Both level-triggered. The wake descriptor is never read: once signalled it wakes every
            // thread, each in turn. The jobs descriptor is read by the thread that takes the jobs.
            wakeFD = try Self.checked("eventfd", eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK)))
            descriptors.append(wakeFD)
            jobsFD = try Self.checked("eventfd", eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK)))
            descriptors.append(jobsFD)
            for (fd, key) in [(wakeFD, Self.wakeKey), (jobsFD, Self.jobsKey)] {
                var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(u64: key))
                _ = try Self.checked("epoll_ctl(ADD eventfd)", epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event))
            }
        } catch {
            descriptors.forEach { close($0) }
            pthread_key_delete(key)
            throw error
        }
    }

    deinit {
        close(jobsFD)
        close(wakeFD)
        close(epollFD)
        pthread_key_delete(threadKey)
    }

    private static func checked(_ call: String, _ result: Int32) throws(Socket.Failure) -> Int32 {
        guard result >= 0 else { throw Socket.Failure(call: call, code: errno) }
        return result
    }

    /// Runs `job` soon on one of the poller's threads: for work on a connection that a timer or the
    /// accept queue would otherwise do on its own thread (see ``onPollerThread``).
    func execute(_ job: @escaping @Sendable () -> Void) {
        let first = state.withLock { state -> Bool in
            state.jobs.append(job)
            return state.jobs.count == 1
        }
        if first {
            var one: UInt64 = 1
            _ = write(jobsFD, &one, MemoryLayout<UInt64>.size)
        }
    }

    /// Whether the calling thread is one of this poller's: the only threads where a connection runs
    /// a handler itself. Elsewhere (the accept queue, timers, the handler pool) a thread that happens
    /// to find a connection's queue idle must not be held by its handler.
    var onPollerThread: Bool { pthread_getspecific(threadKey) != nil }

    /// Starts the threads, and the check that adds one when all are blocked. Each holds the poller until ``stop()``.
    func start() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "newsapi.http.poller.growth"))
        timer.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50), leeway: .milliseconds(10))
        timer.setEventHandler { [self] in addThreadIfAllBlocked() }
        let count = state.withLock { state -> Int in
            guard !state.stopping, state.threadsRunning == 0 else { return 0 }
            state.threadsRunning = initialThreads
            state.growthCheck = GrowthCheck(timer: timer)
            return initialThreads
        }
        guard count > 0 else { return }
        (0..<count).forEach(startThread)
        timer.activate()
    }

    /// Lets every thread finish the event in hand and return. Registrations stay valid
    /// (arming and removing still work) until the last owner lets the poller go.
    func stop() {
        let check = state.withLock { state -> GrowthCheck? in
            state.stopping = true
            defer { state.growthCheck = nil }
            return state.growthCheck
        }
        check?.timer.cancel()
        var one: UInt64 = 1
        _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
    }

    /// Runs `work`, which may block for long (a handler's database query), counted as blocking
    /// its thread for the growth check.
    func whileBlocking<Result>(_ work: () throws -> Result) rethrows -> Result {
        blocking.add(1, ordering: .relaxed)
        defer {
            blocking.subtract(1, ordering: .relaxed)
            finishedBlocking.add(1, ordering: .relaxed)
        }
        return try work()
    }

    /// Called every 50 ms: one more thread when all are blocked and none has finished since the last call.
    private func addThreadIfAllBlocked() {
        let blocked = blocking.load(ordering: .relaxed)
        let finished = finishedBlocking.load(ordering: .relaxed)
        let index = state.withLock { state -> Int? in
            defer { state.finishedAtLastCheck = finished }
            guard !state.stopping, blocked >= state.threadsRunning, finished == state.finishedAtLastCheck,
                  state.threadsRunning < maxThreads else { return nil }
            state.threadsRunning += 1
            return state.threadsRunning - 1
        }
        if let index { startThread(index) }
    }

    private func startThread(_ index: Int) {
        let added = index >= initialThreads
        let thread = Thread { [self] in run(added: added) }
        thread.name = "newsapi.http.poller.\(index)"
        thread.start()
    }

    /// Threads running now.
    var threadCount: Int { state.withLock { $0.threadsRunning } }

    /// Gives `fd` its registration, holding `handler` until ``remove(_:)``; nothing is reported
    /// until ``watch(_:for:)``, so the owner can keep the registration before any event can arrive.
    func register(_ fd: Int32, handler: any SocketEventHandler) -> Registration {
        let key = state.withLock { state -> UInt64 in
            let key = state.nextKey
            state.nextKey += 1
            state.handlers[key] = handler
            return key
        }
        return Registration(fd: fd, key: key)
    }

    /// Starts watching a registered socket, armed for `events`.
    ///
    /// - Throws: ``Socket/Failure`` when `epoll_ctl` refuses (out of memory, or the per-user watch
    ///   limit); the registration should then be removed.
    func watch(_ registration: Registration, for events: Events) throws(Socket.Failure) {
        var event = epoll_event(events: events.rawValue | EPOLLONESHOT.rawValue, data: epoll_data_t(u64: registration.key))
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, registration.fd, &event) == 0 else {
            throw Socket.Failure(call: "epoll_ctl(ADD)", code: errno)
        }
    }

    /// Arms `registration` for one report of `events` (``Events/hangUp`` is always reported).
    func arm(_ registration: Registration, for events: Events) {
        var event = epoll_event(events: events.rawValue | EPOLLONESHOT.rawValue, data: epoll_data_t(u64: registration.key))
        _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, registration.fd, &event)
    }

    /// Forgets `registration`; call before closing its descriptor.
    func remove(_ registration: Registration) {
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, registration.fd, nil)
        _ = state.withLock { $0.handlers.removeValue(forKey: registration.key) }
    }

    /// - Parameter added: whether this thread was added for blocked ones; such a thread leaves once
    ///   it has waited `addedThreadIdleTime` for an event, while more threads than `threads` are left.
    private func run(added: Bool) {
        // One event per wait: a thread blocked in a handler must not sit on events it took but has
        // not handled, since one-shot keeps them from every other thread.
        pthread_setspecific(threadKey, UnsafeRawPointer(bitPattern: 1))
        var event = epoll_event()
        while true {
            let count = epoll_wait(epollFD, &event, 1, added ? addedThreadWait : -1)
            if count == 0 {
                let leave = state.withLock { state -> Bool in
                    guard state.threadsRunning > initialThreads else { return false }
                    state.threadsRunning -= 1
                    return true
                }
                if leave { return }
                continue
            }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            guard count == 1 else { continue }
            let key = event.data.u64
            if key == Self.jobsKey {
                // Cleared before the jobs are taken: a job added after the take signals again.
                var value: UInt64 = 0
                _ = read(jobsFD, &value, MemoryLayout<UInt64>.size)
                let jobs = state.withLock { state in
                    defer { state.jobs.removeAll() }
                    return state.jobs
                }
                jobs.forEach { $0() }
                continue
            }
            let (handler, stop) = state.withLock { state in
                (key == Self.wakeKey ? nil : state.handlers[key], state.stopping)
            }
            if stop { return }
            handler?.socketReady(Events(rawValue: event.events))
        }
    }
}
