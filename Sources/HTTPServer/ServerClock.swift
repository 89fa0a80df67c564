import Dispatch

/// The monotonic time source behind connection timeouts, injectable so tests can move
/// time forward instead of sleeping.
public protocol ServerClock: Sendable {
    /// Nanoseconds on a monotonic scale; only differences matter.
    func nowNanoseconds() -> UInt64
}

/// The system's monotonic clock (`DispatchTime`), the default.
public struct SystemServerClock: ServerClock {
    public init() {}

    public func nowNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
