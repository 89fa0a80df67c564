import HTTPServer
import Synchronization

/// A clock that moves only when told to.
final class ManualClock: ServerClock {
    private let nanoseconds = Mutex<UInt64>(1_000_000_000)

    func nowNanoseconds() -> UInt64 { nanoseconds.withLock { $0 } }

    func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        nanoseconds.withLock { $0 += UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000) }
    }
}
