import Dispatch
import Synchronization

/// Runs jobs one at a time, in the order they were submitted, like a serial `DispatchQueue`,
/// but on the submitting thread whenever no other job is running.
///
/// A connection's socket events, handler completions and timers all go through one of these.
/// When the queue is idle (nearly always), a job costs a lock and no thread hand-off: the poller
/// thread that saw a request arrive reads, answers and writes it itself. When a job is running,
/// a new one waits in a list that the running thread works through before it lets go, so jobs
/// never overlap and a job submitted from inside a job runs after it, not within it.
final class InlineSerialQueue: Sendable {
    typealias Job = @Sendable () -> Void

    private struct State {
        var running = false
        var waiting: [Job] = []
        var head = 0
    }

    /// A job kept by reference: a closure stored directly in a `Mutex` is wrapped in a new
    /// reabstraction thunk each time `withLock` writes it back, and the chain grows without end.
    private final class StoredJob: Sendable {
        let run: Job
        init(_ run: @escaping Job) { self.run = run }
    }

    private let state = Mutex(State())
    /// Runs on the draining thread each time the queue has no more jobs, still as part of the last
    /// one: where a connection hands its wanted socket events to the poller once per burst of work.
    private let whenIdle: Mutex<StoredJob?> = Mutex(nil)

    init() {}

    /// Sets the job run once each time the queue drains (see ``InlineSerialQueue``); nil for none.
    func setIdleHandler(_ handler: Job?) {
        let stored = handler.map(StoredJob.init)
        whenIdle.withLock { $0 = stored }
    }

    /// Runs `job` now on this thread if the queue is idle, else after the jobs ahead of it.
    func async(_ job: @escaping Job) {
        let runNow = state.withLock { state -> Bool in
            if state.running {
                state.waiting.append(job)
                return false
            }
            state.running = true
            return true
        }
        guard runNow else { return }
        job()
        drain()
    }

    /// Runs `job` on this queue and returns its result, waiting for the jobs ahead of it.
    /// Must not be called from a job of this queue (as with `DispatchQueue.sync`, that never returns).
    func sync<Result: Sendable>(_ job: @escaping @Sendable () -> Result) -> Result {
        let box = ResultBox<Result>()
        let done = DispatchSemaphore(value: 0)
        async {
            box.value.withLock { $0 = job() }
            done.signal()
        }
        done.wait()
        return box.value.withLock { $0! }
    }

    /// Runs `job` on this queue once `deadline` has passed.
    func asyncAfter(deadline: DispatchTime, _ job: @escaping Job) {
        DispatchQueue.global().asyncAfter(deadline: deadline) { [self] in async(job) }
    }

    /// Works through waiting jobs until none is left, then runs the idle handler and lets go.
    private func drain() {
        let idle = whenIdle.withLock { $0 }
        while true {
            let next = state.withLock { state -> Job? in
                guard state.head < state.waiting.count else { return nil }
                let job = state.waiting[state.head]
                state.head += 1
                return job
            }
            if let next {
                next()
                continue
            }
            idle?.run()
            // A job that arrived while the idle handler ran is this thread's to run; otherwise let go.
            let finished = state.withLock { state -> Bool in
                guard state.head == state.waiting.count else { return false }
                state.waiting.removeAll(keepingCapacity: state.waiting.capacity <= 16)
                state.head = 0
                state.running = false
                return true
            }
            if finished { return }
        }
    }

    private final class ResultBox<Value: Sendable>: Sendable {
        let value = Mutex<Value?>(nil)
    }
}
