import Dispatch
import Synchronization

/// Computes `produce(0)`, `produce(1)`, … on several threads and hands each result to a consumer
/// on the calling thread strictly in index order: a bounded, order-preserving pipeline.
///
/// At most `window` results are claimed ahead of the consumer, so when the consumer (a database
/// writer, say) is slower than the producers they wait for it instead of filling memory.
struct OrderedParallelMap: Sendable {
    /// Producer threads; at least 1.
    let workers: Int
    /// Results computed or being computed but not yet consumed, at most; at least 1.
    let window: Int

    init(workers: Int, window: Int) {
        self.workers = max(1, workers)
        self.window = max(1, window)
    }

    /// Runs `produce` for every index in `0..<count` and `consume` for each result in index order.
    ///
    /// Returns only when no producer is running any more, so nothing `produce` captured is used after.
    ///
    /// - Throws: what `consume` throws; the producers then stop after the results they are computing,
    ///   and later indices are never produced.
    func run<Output: Sendable>(
        count: Int,
        produce: @escaping @Sendable (Int) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let exchange = Exchange<Output>(count: count, window: window)
        let producers = DispatchGroup()
        for _ in 0..<min(workers, count) {
            DispatchQueue.global(qos: .userInitiated).async(group: producers) {
                while let index = exchange.claim() {
                    exchange.deliver(produce(index), at: index)
                }
            }
        }
        defer {
            exchange.stop(releasing: workers)
            producers.wait()
        }
        for index in 0..<count {
            try consume(exchange.take(index))
        }
    }
}

/// The state producers and the consumer share: which index to claim next and the results not yet taken.
private final class Exchange<Output: Sendable>: Sendable {
    private struct State {
        var nextIndex = 0
        var results: [Int: Output] = [:]
        var stopped = false
    }

    private let count: Int
    private let state = Mutex(State())
    /// Free places in the window: a producer takes one before claiming an index, the consumer gives
    /// one back for each result it takes.
    private let places: DispatchSemaphore
    /// Signalled once per delivered result, so the consumer can sleep while its next one is computed.
    private let delivered = DispatchSemaphore(value: 0)

    init(count: Int, window: Int) {
        self.count = count
        // Created empty and filled by signals: libdispatch traps when a semaphore is freed holding
        // less than its initial value, which is how producers that stopped leave this one.
        places = DispatchSemaphore(value: 0)
        for _ in 0..<window { places.signal() }
    }

    /// The next index to produce, waiting for a place in the window; nil when all are claimed or the run stopped.
    func claim() -> Int? {
        places.wait()
        return state.withLock { state in
            guard !state.stopped, state.nextIndex < count else { return nil }
            defer { state.nextIndex += 1 }
            return state.nextIndex
        }
    }

    func deliver(_ output: Output, at index: Int) {
        state.withLock { $0.results[index] = output }
        delivered.signal()
    }

    /// The result for `index`, waiting until it is delivered.
    ///
    /// Indices are claimed in order and the window is never full of indices after `index` while it
    /// is untaken, so the result always comes.
    func take(_ index: Int) -> Output {
        while true {
            if let output = state.withLock({ $0.results.removeValue(forKey: index) }) {
                places.signal()
                return output
            }
            // A wake-up may be for a later index; the loop checks again.
            delivered.wait()
        }
    }

    /// Stops claiming, and wakes every producer that waits for a place so that it sees the stop.
    func stop(releasing workers: Int) {
        state.withLock { $0.stopped = true }
        for _ in 0..<workers { places.signal() }
    }
}
