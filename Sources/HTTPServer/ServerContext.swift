import Dispatch
import Logging

/// What every connection of one server shares. Immutable, so safe on any queue.
struct ServerContext: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    /// Run on every response before it is written, first to last.
    let filters: [any ResponseFilter]
    let pool: HandlerPool
    /// Runs streamed response bodies' producers (``ResponseStream``), apart from the handlers.
    let producers: HandlerPool
    let streamedBodies: StreamedBodySlots
    let accessLog: Logger?
    /// Tells connections when their sockets are ready, on its own threads.
    let poller: SocketPoller
    let connectionClosed: @Sendable (Connection) -> Void
}
