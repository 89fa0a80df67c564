import Dispatch
import Logging

/// What every connection of one server shares. Immutable, so safe on any queue.
struct ServerContext: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    /// Run on every response before it is written, first to last.
    let filters: [any ResponseFilter]
    let pool: HandlerPool
    let streamedBodies: StreamedBodySlots
    let accessLog: Logger?
    /// The queue that connection queues target, so Dispatch spreads them over its threads.
    let ioQueue: DispatchQueue
    let connectionClosed: @Sendable (Connection) -> Void
}
