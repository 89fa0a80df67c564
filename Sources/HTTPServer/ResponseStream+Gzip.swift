extension ResponseStream {
    /// Raised in a gzip-coded stream when zlib fails (out of memory): the connection closes
    /// without the last chunk, so the client sees the body as incomplete.
    struct GzipFailure: Error {}

    /// The same body gzip-coded as it is produced, each piece flushed so the client can decode it
    /// at once (``GzipEncoder/encode(_:)``); the gzip trailer follows the last piece.
    func gzipped(level: Int32) -> ResponseStream {
        ResponseStream { writer in
            guard let encoder = GzipEncoder(level: level) else { throw GzipFailure() }
            try produce(ResponseBodyWriter { bytes throws(ResponseBodyWriter.ConnectionClosed) in
                // An empty piece would still cost a flush marker; it is nothing to send.
                guard !bytes.isEmpty else { return }
                // zlib fails mid-body only when memory runs out; the producer then stops as if the client
                // had left, and the connection closes without the last chunk.
                guard let coded = encoder.encode(bytes) else { throw ResponseBodyWriter.ConnectionClosed() }
                try writer.write(coded)
            })
            guard let trailer = encoder.finish() else { throw GzipFailure() }
            try writer.write(trailer)
        }
    }
}
