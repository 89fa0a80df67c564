import Foundation
import Synchronization

/// Bounds how much blocking handler work runs at once: at most `width` jobs.
///
/// Jobs beyond the width wait in arrival order, so a burst of slow handlers (long
/// database queries) cannot exhaust threads or stall connection queues.
///
/// A job with room runs on the thread that offers it (``runHereIfRoom(_:)``): a connection's
/// request is then read, answered and written on one thread, with no hand-off between threads,
/// which on a small machine costs more than a short handler does. Other jobs run on threads of
/// the pool's own, one per running job, each going on with the waiting jobs until none is left.
/// Not on Dispatch's shared threads: a job may block for long (a streamed body waiting for a
/// slow client), and on Linux Dispatch adds a thread for blocked ones only about once a second,
/// so waiting jobs would stall behind them.
final class HandlerPool: Sendable {
    private struct State {
        var running = 0
        var waiting: [@Sendable () -> Void] = []
        var head = 0
    }

    private let width: Int
    private let name: String
    private let state = Mutex(State())

    /// - Parameters:
    ///   - width: most jobs running at once.
    ///   - name: the pool's threads' name, for debuggers and `top -H`.
    init(width: Int, name: String = "newsapi.http.handlers") {
        self.width = max(1, width)
        self.name = name
    }

    /// Runs `job` on a pool thread now if there is room, else after the jobs already waiting.
    func submit(_ job: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.running < width {
                state.running += 1
                return true
            }
            state.waiting.append(job)
            return false
        }
        if runNow { run(job) }
    }

    /// Runs `job` on the calling thread and returns true when fewer than `width` jobs run and
    /// none is waiting (so it cannot overtake one); otherwise returns false and runs nothing.
    func runHereIfRoom(_ job: () -> Void) -> Bool {
        let room = state.withLock { state -> Bool in
            guard state.running < width, state.head == state.waiting.count else { return false }
            state.running += 1
            return true
        }
        guard room else { return false }
        job()
        finished()
        return true
    }

    private func run(_ job: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            var next: (@Sendable () -> Void)? = job
            while let current = next {
                current()
                next = takeWaitingOrLeave()
            }
        }
        thread.name = name
        thread.start()
    }

    /// After a job on a caller's thread: the longest-waiting job, if any, gets its place on a pool thread.
    private func finished() {
        if let next = takeWaitingOrLeave() { run(next) }
    }

    /// Hands the finished job's place to the longest-waiting job, returned to run; or gives the place up.
    private func takeWaitingOrLeave() -> (@Sendable () -> Void)? {
        state.withLock { state -> (@Sendable () -> Void)? in
            guard state.head < state.waiting.count else {
                state.waiting.removeAll(keepingCapacity: true)
                state.head = 0
                state.running -= 1
                return nil
            }
            let job = state.waiting[state.head]
            state.head += 1
            return job
        }
    }
}
