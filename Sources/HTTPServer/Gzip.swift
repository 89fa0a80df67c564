import CZlib

/// A gzip (RFC 1952) encoder over the system zlib, for the `gzip` content coding (RFC 9110 §8.4.1.3):
/// a whole body at once (``compress(_:level:)``) or a streamed one piece by piece (``encode(_:)``,
/// then ``finish()``).
///
/// Used by one thread at a time: the handler that filters a body, or the producer of a stream.
final class GzipEncoder: @unchecked Sendable {
    /// zlib keeps the stream's address in its own state and refuses a stream that has moved, so it
    /// lives in memory of its own rather than in a Swift property.
    private let stream: UnsafeMutablePointer<z_stream>

    /// - Parameter level: zlib's 1 (fastest) to 9 (smallest); 6 is its default balance.
    /// - Returns: nil if zlib cannot start (out of memory).
    init?(level: Int32 = 6) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_deflate_init_gzip(stream, level) == Z_OK else {
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// `bytes` as one gzip member, or nil if zlib fails: the caller then sends them uncoded.
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        guard let encoder = GzipEncoder(level: level) else { return nil }
        // deflateBound is an upper limit for the whole member, so one call with Z_FINISH completes it.
        let capacity = Int(deflateBound(encoder.stream, uLong(bytes.count)))
        return encoder.run(bytes, flush: Z_FINISH, capacity: capacity)
    }

    /// The next piece of a streamed body, flushed to a byte boundary (`Z_SYNC_FLUSH`) so the client
    /// can decode everything produced so far: a line of NDJSON is readable as soon as it is sent.
    func encode(_ bytes: [UInt8]) -> [UInt8]? {
        run(bytes, flush: Z_SYNC_FLUSH, capacity: bytes.count / 2 + 64)
    }

    /// The end of a streamed body: what zlib still holds and the gzip trailer (CRC-32 and length).
    func finish() -> [UInt8]? {
        run([], flush: Z_FINISH, capacity: 64)
    }

    /// Deflates all of `bytes` with `flush`, growing the output until zlib is done with it.
    private func run(_ bytes: [UInt8], flush: Int32, capacity: Int) -> [UInt8]? {
        var output: [UInt8] = []
        var chunk = Swift.max(capacity, 64)
        return bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            // zlib never writes through next_in; the mutable pointer is its C signature's.
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = uInt(input.count)
            while true {
                let start = output.count
                output.append(contentsOf: repeatElement(0, count: chunk))
                let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.pointee.next_out = out.baseAddress! + start
                    stream.pointee.avail_out = uInt(chunk)
                    return deflate(stream, flush)
                }
                output.removeLast(Int(stream.pointee.avail_out))
                switch status {
                case Z_STREAM_END:
                    return output
                case Z_OK, Z_BUF_ERROR:
                    // Done once the input is used up and zlib had room to spare; otherwise it wants more room.
                    if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 && flush != Z_FINISH { return output }
                    chunk *= 2
                default:
                    return nil
                }
            }
        }
    }
}
