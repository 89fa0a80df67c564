import Dispatch
import Synchronization
import Testing
@testable import HTTPServer

@Suite("InlineSerialQueue")
struct InlineSerialQueueTests {
    @Test func anIdleQueueRunsTheJobOnTheCallersThreadBeforeReturning() {
        let queue = InlineSerialQueue()
        let ran = Mutex(false)
        queue.async { ran.withLock { $0 = true } }
        #expect(ran.withLock { $0 })
    }

    @Test func aJobSubmittedFromAJobRunsAfterItAndTheIdleHandlerOnceAtTheEnd() {
        let queue = InlineSerialQueue()
        let log = Mutex<[String]>([])
        queue.setIdleHandler { log.withLock { $0.append("idle") } }
        queue.async {
            queue.async { log.withLock { $0.append("inner") } }
            log.withLock { $0.append("outer") }
        }
        #expect(log.withLock { $0 } == ["outer", "inner", "idle"])
        queue.setIdleHandler(nil)
        queue.async { log.withLock { $0.append("after") } }
        #expect(log.withLock { $0 } == ["outer", "inner", "idle", "after"])
    }

    @Test func jobsFromManyThreadsNeverOverlapAndKeepEachThreadsOrder() {
        let queue = InlineSerialQueue()
        let state = Mutex((running: 0, overlaps: 0, seen: [Int: Int]()))
        let threads = 4
        let perThread = 2_000
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                queue.async {
                    state.withLock { state in
                        state.running += 1
                        if state.running > 1 { state.overlaps += 1 }
                        // Each thread's jobs arrive in the order it submitted them.
                        if state.seen[thread, default: -1] != index - 1 { state.overlaps += 1 }
                        state.seen[thread] = index
                    }
                    state.withLock { $0.running -= 1 }
                }
            }
        }
        // Whatever was still queued ran on the thread that held the queue, before its async returned.
        let final = state.withLock { $0 }
        #expect(final.overlaps == 0)
        #expect(final.seen.count == threads)
        #expect(final.seen.values.allSatisfy { $0 == perThread - 1 })
    }

    @Test func syncWaitsForTheJobsAheadAndReturnsTheResult() {
        let queue = InlineSerialQueue()
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let order = Mutex<[Int]>([])
        DispatchQueue.global().async {
            queue.async {
                entered.signal()
                release.wait()
                order.withLock { $0.append(1) }
            }
        }
        #expect(entered.wait(timeout: .now() + 5) == .success)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { release.signal() }
        let result = queue.sync { order.withLock { $0.append(2); return $0.count } }
        #expect(result == 2)
        #expect(order.withLock { $0 } == [1, 2])
    }
}
