import Synchronization

/// Counts the streamed request bodies being received, server-wide, against
/// ``ServerConfiguration/maxConcurrentStreamedBodies``.
final class StreamedBodySlots: Sendable {
    private let capacity: Int
    private let taken = Mutex(0)

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Takes a slot if one is free.
    func acquire() -> Bool {
        taken.withLock { taken in
            guard taken < capacity else { return false }
            taken += 1
            return true
        }
    }

    func release() {
        taken.withLock { $0 -= 1 }
    }
}
