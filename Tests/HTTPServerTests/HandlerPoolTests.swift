import Dispatch
import Glibc
import Synchronization
import Testing
@testable import HTTPServer

@Suite("HandlerPool")
struct HandlerPoolTests {
    @Test func runsAtMostItsWidthAtOnceAndEveryJobEventually() {
        let pool = HandlerPool(width: 2)
        let counts = Mutex((running: 0, most: 0, finished: 0))
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<6 {
            pool.submit {
                counts.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                release.wait()
                counts.withLock { $0.running -= 1; $0.finished += 1 }
                done.signal()
            }
        }
        var waited = 0
        while counts.withLock({ $0.running }) < 2 && waited < 500 {
            usleep(10_000)
            waited += 1
        }
        // Four jobs are waiting; none may start while two are running.
        usleep(100_000)
        #expect(counts.withLock { $0.running } == 2)
        for _ in 0..<6 { release.signal() }
        for _ in 0..<6 { #expect(done.wait(timeout: .now() + 5) == .success) }
        let final = counts.withLock { $0 }
        #expect(final.most == 2)
        #expect(final.finished == 6)
    }

    @Test func runsHereOnlyWithRoomAndNoOneWaiting() {
        let pool = HandlerPool(width: 1)
        var ranHere = false
        #expect(pool.runHereIfRoom { ranHere = true })
        #expect(ranHere)

        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        pool.submit { started.signal(); release.wait(); done.signal() }
        #expect(started.wait(timeout: .now() + 5) == .success)
        // Full: the job is not run, and the caller is told so.
        var ranWhileFull = false
        #expect(!pool.runHereIfRoom { ranWhileFull = true })
        #expect(!ranWhileFull)
        pool.submit { done.signal() }
        release.signal()
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(done.wait(timeout: .now() + 5) == .success)
        // Room again once both have finished (the second hands back its place just after signalling).
        var roomAgain = false
        for _ in 0..<500 where !roomAgain {
            roomAgain = pool.runHereIfRoom {}
            if !roomAgain { usleep(10_000) }
        }
        #expect(roomAgain)
    }
}
