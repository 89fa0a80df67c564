import Dispatch
import Synchronization

/// A request body handed to its handler while it arrives, for routes added with
/// `streamingBody: true` (``HTTPRequest/bodyStream``).
///
/// The handler calls ``read()`` on its pool thread; each call returns the next de-chunked piece,
/// blocking until one arrives. The connection fills the buffer from the socket and stops reading
/// the socket while more than ``ServerConfiguration/requestBodyBufferSize`` bytes wait unread,
/// resuming once the handler has read the buffer down to half of that: a slow handler slows the
/// client instead of filling memory.
///
/// The body ends without error only when the whole message body has arrived (all of
/// `Content-Length`, or the last chunk). Anything else (the client closing or resetting the
/// connection, a body stalled past ``ServerConfiguration/bodyReadTimeout``, a chunked body
/// growing past ``ServerConfiguration/maxBodySize``, broken chunk framing) makes ``read()`` throw
/// ``Interrupted`` where the body breaks off, after the bytes that did arrive. The connection has
/// then answered for itself where it still can (408, 413, 400), so the handler should stop, store
/// nothing that needs the whole body, and return any response.
public final class RequestBody: Sendable {
    /// The body will not be complete: why, for logs.
    public struct Interrupted: Error, Sendable, CustomStringConvertible {
        /// What happened, phrased for a log line ("the client stopped sending before the body ended").
        public let reason: String

        public var description: String { reason }
    }

    private struct State {
        var pieces: [[UInt8]] = []
        /// Index of the next piece to hand out; pieces before it are emptied.
        var next = 0
        /// Bytes in `pieces[next...]`.
        var buffered = 0
        var ended = false
        var failure: Interrupted?
        var consumerWaiting = false
        /// The connection stopped reading because `buffered` went over the limit.
        var producerPaused = false
    }

    private let state = Mutex(State())
    /// Signalled once for each time the consumer announced it would wait.
    private let arrival = DispatchSemaphore(value: 0)
    private let limit: Int
    /// Tells the connection to read the socket again; called on the consumer's thread.
    private let resume: @Sendable () -> Void

    /// - Parameters:
    ///   - limit: Unread bytes above which the producer should pause.
    ///   - resume: Called once the consumer has brought a paused buffer down to `limit / 2`.
    init(limit: Int, resume: @escaping @Sendable () -> Void) {
        self.limit = max(1, limit)
        self.resume = resume
    }

    /// A body that already holds all of `bytes`, for handlers called without a connection (tests,
    /// or a buffered request passed to code written for streams).
    public convenience init(complete bytes: [UInt8]) {
        self.init(limit: Int.max, resume: {})
        if !bytes.isEmpty { _ = append(bytes) }
        finish()
    }

    /// The next piece of the body, waiting for it if none is buffered; nil once the body has ended.
    /// Pieces are never empty.
    ///
    /// - Throws: ``Interrupted`` once the pieces that arrived before the body broke off are read.
    public func read() throws(Interrupted) -> [UInt8]? {
        while true {
            enum Step {
                case piece([UInt8], resume: Bool)
                case end
                case failed(Interrupted)
                case wait
            }
            let step = state.withLock { state -> Step in
                if state.next < state.pieces.count {
                    let piece = state.pieces[state.next]
                    state.pieces[state.next] = []
                    state.next += 1
                    if state.next == state.pieces.count {
                        state.pieces.removeAll(keepingCapacity: true)
                        state.next = 0
                    }
                    state.buffered -= piece.count
                    var resume = false
                    if state.producerPaused && state.buffered <= limit / 2 {
                        state.producerPaused = false
                        resume = true
                    }
                    return .piece(piece, resume: resume)
                }
                if let failure = state.failure { return .failed(failure) }
                if state.ended { return .end }
                state.consumerWaiting = true
                return .wait
            }
            switch step {
            case .piece(let piece, let resumeProducer):
                if resumeProducer { resume() }
                return piece
            case .end:
                return nil
            case .failed(let failure):
                throw failure
            case .wait:
                arrival.wait()
            }
        }
    }

    // MARK: The connection's side

    /// Adds a piece that arrived. Returns true when the buffer is now over the limit: the
    /// connection should stop reading until ``init(limit:resume:)``'s `resume` is called.
    func append(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        let (wake, full) = state.withLock { state -> (Bool, Bool) in
            guard state.failure == nil, !state.ended else { return (false, false) }
            state.pieces.append(bytes)
            state.buffered += bytes.count
            let full = state.buffered > limit
            if full { state.producerPaused = true }
            return (wakeConsumer(&state), full)
        }
        if wake { arrival.signal() }
        return full
    }

    /// The whole body has arrived.
    func finish() {
        let wake = state.withLock { state -> Bool in
            guard state.failure == nil else { return false }
            state.ended = true
            return wakeConsumer(&state)
        }
        if wake { arrival.signal() }
    }

    /// The body will not be completed: ``read()`` throws once the buffered pieces are read. A body
    /// that already ended is left as it is.
    func fail(_ reason: String) {
        let wake = state.withLock { state -> Bool in
            guard state.failure == nil, !state.ended else { return false }
            state.failure = Interrupted(reason: reason)
            // Nothing more will come to make room for, so the consumer must not ask the connection to read on.
            state.producerPaused = false
            return wakeConsumer(&state)
        }
        if wake { arrival.signal() }
    }

    /// Whether the producer is paused waiting for the consumer.
    var isHoldingBackProducer: Bool { state.withLock { $0.producerPaused } }

    private func wakeConsumer(_ state: inout State) -> Bool {
        guard state.consumerWaiting else { return false }
        state.consumerWaiting = false
        return true
    }
}
