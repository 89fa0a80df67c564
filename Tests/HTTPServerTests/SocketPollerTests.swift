import Dispatch
import Glibc
import Synchronization
import Testing
@testable import HTTPServer

/// Counts the events it is given and signals each one.
private final class Recorder: SocketEventHandler {
    let events = Mutex<[SocketPoller.Events]>([])
    /// Whether each event came on one of the poller's threads, by ``SocketPoller/onPollerThread``.
    let onPollerThread = Mutex<[Bool]>([])
    let arrived = DispatchSemaphore(value: 0)
    let poller: SocketPoller?

    init(poller: SocketPoller? = nil) {
        self.poller = poller
    }

    func socketReady(_ events: SocketPoller.Events) {
        self.events.withLock { $0.append(events) }
        let onPoller = poller?.onPollerThread ?? false
        onPollerThread.withLock { $0.append(onPoller) }
        arrived.signal()
    }
}

@Suite("SocketPoller")
struct SocketPollerTests {
    /// A connected pair of Unix stream sockets, closed by the caller.
    private func socketPair() throws -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &fds) == 0 else {
            throw Socket.Failure(call: "socketpair", code: errno)
        }
        return (fds[0], fds[1])
    }

    @Test func anEventIsReportedOnceUntilTheSocketIsArmedAgain() throws {
        let poller = try SocketPoller(threads: 2, maxThreads: 2)
        poller.start()
        defer { poller.stop() }
        let (ours, theirs) = try socketPair()
        defer { close(ours); close(theirs) }
        let recorder = Recorder(poller: poller)
        let registration = poller.register(ours, handler: recorder)
        #expect(write(theirs, "x", 1) == 1)
        // Registered but not yet watched: nothing is reported.
        #expect(recorder.arrived.wait(timeout: .now() + .milliseconds(100)) == .timedOut)
        try poller.watch(registration, for: .readable)
        #expect(recorder.arrived.wait(timeout: .now() + 5) == .success)
        #expect(recorder.events.withLock { $0 } == [.readable])
        // The byte is still unread, but the one-shot registration stays quiet until armed.
        #expect(recorder.arrived.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        poller.arm(registration, for: .readable)
        #expect(recorder.arrived.wait(timeout: .now() + 5) == .success)
        poller.arm(registration, for: [.readable, .writable])
        #expect(recorder.arrived.wait(timeout: .now() + 5) == .success)
        #expect(recorder.events.withLock { $0.last } == [.readable, .writable])
        #expect(recorder.onPollerThread.withLock { $0 } == [true, true, true])
        #expect(!poller.onPollerThread)
        poller.remove(registration)
    }

    @Test func aRemovedSocketReportsNothing() throws {
        let poller = try SocketPoller(threads: 1, maxThreads: 1)
        poller.start()
        defer { poller.stop() }
        let (ours, theirs) = try socketPair()
        defer { close(ours); close(theirs) }
        let recorder = Recorder()
        let registration = poller.register(ours, handler: recorder)
        try poller.watch(registration, for: [])
        poller.remove(registration)
        #expect(write(theirs, "x", 1) == 1)
        poller.arm(registration, for: .readable)
        #expect(recorder.arrived.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
    }

    @Test func aThreadIsAddedWhenEveryThreadIsBlocked() throws {
        let poller = try SocketPoller(threads: 1, maxThreads: 3, addedThreadIdleTime: .milliseconds(300))
        poller.start()
        defer { poller.stop() }
        #expect(poller.threadCount == 1)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            poller.whileBlocking { _ = release.wait(timeout: .now() + 10) }
            done.signal()
        }
        var waited = 0
        while poller.threadCount < 2 && waited < 200 {
            usleep(10_000)
            waited += 1
        }
        #expect(poller.threadCount == 2)
        release.signal()
        #expect(done.wait(timeout: .now() + 5) == .success)
        // Nothing is blocked now: no more threads, and the added one leaves once it has been idle.
        usleep(100_000)
        #expect(poller.threadCount == 2)
        waited = 0
        while poller.threadCount > 1 && waited < 300 {
            usleep(10_000)
            waited += 1
        }
        #expect(poller.threadCount == 1)
    }
}
