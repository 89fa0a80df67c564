import Dispatch
import Synchronization

/// Runs blocking handler work off the I/O queues, at most `width` jobs at a time.
///
/// Jobs beyond the width wait in arrival order, so a burst of slow handlers (long
/// database queries) cannot exhaust threads or stall connection queues.
final class HandlerPool: Sendable {
    private struct State {
        var running = 0
        var waiting: [@Sendable () -> Void] = []
        var head = 0
    }

    private let width: Int
    private let queue = DispatchQueue(label: "newsapi.http.handlers", attributes: .concurrent)
    private let state = Mutex(State())

    init(width: Int) {
        self.width = max(1, width)
    }

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

    private func run(_ job: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            job()
            let next = state.withLock { state -> (@Sendable () -> Void)? in
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
            if let next { run(next) }
        }
    }
}
