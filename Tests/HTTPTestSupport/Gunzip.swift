import CZlib

/// Decodes a gzip body with the system zlib, independently of the server's encoder; nil if it is not
/// exactly one complete gzip member, or with `complete` false, the start of one.
public func gunzip(_ bytes: [UInt8], complete: Bool = true) -> [UInt8]? {
    // zlib refuses a stream whose address changed between calls, so it gets memory of its own.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer { stream.deallocate() }
    guard czlib_inflate_init_gzip(stream) == Z_OK else { return nil }
    defer { inflateEnd(stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var input = bytes
    return input.withUnsafeMutableBufferPointer { inputBuffer -> [UInt8]? in
        stream.pointee.next_in = inputBuffer.baseAddress
        stream.pointee.avail_in = uInt(inputBuffer.count)
        while true {
            let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                return inflate(stream, Z_NO_FLUSH)
            }
            output += chunk[0..<(chunk.count - Int(stream.pointee.avail_out))]
            if status == Z_STREAM_END { return stream.pointee.avail_in == 0 ? output : nil }
            if status == Z_BUF_ERROR && !complete && stream.pointee.avail_in == 0 { return output }
            guard status == Z_OK else { return nil }
        }
    }
}
