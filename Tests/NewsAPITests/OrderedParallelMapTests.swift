import Foundation
@testable import NewsAPI
import Synchronization
import Testing

@Suite struct OrderedParallelMapTests {
    /// Producers finishing in a scrambled order still reach the consumer in index order.
    @Test func resultsArriveInIndexOrderWhateverTheFinishingOrder() throws {
        var seen: [Int] = []
        try OrderedParallelMap(workers: 4, window: 6).run(count: 200) { index in
            // Later indices often finish first.
            usleep(UInt32((index * 7919) % 5) * 200)
            return index * 2
        } consume: { seen.append($0) }
        #expect(seen == (0..<200).map { $0 * 2 })
    }

    /// Producers never run more than `window` results ahead of a slow consumer.
    @Test func producersStayWithinTheWindowOfASlowConsumer() throws {
        let window = 3
        let produced = Atomic<Int>(0)
        var consumed = 0
        var largestLead = 0
        try OrderedParallelMap(workers: 4, window: window).run(count: 60) { index in
            produced.add(1, ordering: .sequentiallyConsistent)
            return index
        } consume: { _ in
            largestLead = max(largestLead, produced.load(ordering: .sequentiallyConsistent) - consumed)
            usleep(500)
            consumed += 1
        }
        // The result being consumed has already given its place back, hence the one extra.
        #expect(largestLead <= window + 1)
        #expect(consumed == 60)
    }

    struct Stop: Error {}

    /// A consumer error stops the producers: the call returns (rather than hangs), and indices
    /// beyond the window are never produced.
    @Test func aConsumerErrorStopsTheProducers() {
        let produced = Atomic<Int>(0)
        #expect(throws: Stop.self) {
            try OrderedParallelMap(workers: 2, window: 4).run(count: 1_000) { index in
                produced.add(1, ordering: .sequentiallyConsistent)
                return index
            } consume: { index in
                if index == 10 { throw Stop() }
            }
        }
        // Eleven taken (each giving its place back), at most a window more; nothing runs after `run` returns.
        let afterwards = produced.load(ordering: .sequentiallyConsistent)
        #expect(afterwards <= 11 + 4)
        usleep(20_000)
        #expect(produced.load(ordering: .sequentiallyConsistent) == afterwards)
    }

    @Test func oneWorkerAndAWindowOfOneStillFinish() throws {
        var seen: [Int] = []
        try OrderedParallelMap(workers: 1, window: 1).run(count: 5) { $0 } consume: { seen.append($0) }
        #expect(seen == [0, 1, 2, 3, 4])
        try OrderedParallelMap(workers: 3, window: 2).run(count: 0) { $0 } consume: { _ in Issue.record("nothing to consume") }
    }
}
