import Dispatch

/// A response body produced while it is sent, for bodies too large to hold at once
/// (an export of every stored article, say). Sent chunked to HTTP/1.1 clients
/// (RFC 9112 §7.1) and delimited by closing the connection for HTTP/1.0 clients.
public struct ResponseStream: Sendable {
    let produce: @Sendable (ResponseBodyWriter) throws -> Void

    /// - Parameter produce: runs on the handler pool and writes the body piece by piece.
    ///   Once the first piece is sent the status cannot change, so a failure that it throws
    ///   ends the connection without the last chunk: the client sees the body as incomplete.
    public init(_ produce: @escaping @Sendable (ResponseBodyWriter) throws -> Void) {
        self.produce = produce
    }
}

/// Hands pieces of a streamed body to its connection.
///
/// ``write(_:)`` blocks its thread while the connection's unsent bytes are over the
/// write high-water mark, so a fast producer cannot outrun a slow client's memory.
public final class ResponseBodyWriter: Sendable {
    /// The connection closed (the client left, or a timeout passed): stop producing.
    public struct ConnectionClosed: Error {}

    private let send: @Sendable ([UInt8]) throws(ConnectionClosed) -> Void

    init(connection: Connection) {
        send = { bytes throws(ConnectionClosed) in
            switch connection.enqueueStreamPiece(bytes) {
            case .accepted:
                return
            case .closed:
                throw ConnectionClosed()
            case .wait(let room):
                room.wait()
                if connection.isClosed { throw ConnectionClosed() }
            }
        }
    }

    /// A writer that hands each piece to `send`, for a stream that transforms another's pieces.
    init(send: @escaping @Sendable ([UInt8]) throws(ConnectionClosed) -> Void) {
        self.send = send
    }

    /// Sends `bytes` as the next piece of the body; an empty piece sends nothing.
    ///
    /// - Throws: ``ConnectionClosed`` once the connection is gone.
    public func write(_ bytes: [UInt8]) throws(ConnectionClosed) {
        try send(bytes)
    }

    public func write(_ text: some StringProtocol) throws(ConnectionClosed) {
        try write(Array(text.utf8))
    }
}
