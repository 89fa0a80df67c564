import CZlib

/// gzip (RFC 1952) through the system zlib, for the `gzip` content coding (RFC 9110 §8.4.1.3).
enum Gzip {
    /// `bytes` as one gzip member, or nil if zlib fails (out of memory): the caller sends them uncoded.
    ///
    /// - Parameter level: zlib's 1 (fastest) to 9 (smallest); 6 is its default balance.
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        // deflateBound is an upper limit for the whole output, so a single deflate call with
        // Z_FINISH completes: no loop, no reallocation.
        let capacity = Int(deflateBound(&stream, uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: capacity)
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                // zlib never writes through next_in; the mutable pointer is its C signature's.
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
