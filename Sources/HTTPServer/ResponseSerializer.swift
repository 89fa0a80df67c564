/// Writes responses as HTTP/1.1 bytes (RFC 9112 §4, §6).
///
/// Adds `Date` and `Content-Length` to every response that may carry content, and
/// `Connection: close` when the connection ends after it. A HEAD response keeps the
/// `Content-Length` of the GET it mirrors but sends no body (RFC 9110 §9.3.2); 304 has none.
struct ResponseSerializer {
    private var dates = HTTPDateCache()

    mutating func serialize(_ response: HTTPResponse, isHead: Bool, close: Bool, into output: inout [UInt8]) {
        let status = response.status
        output.reserveCapacity(output.count + 160 + response.body.count)
        // 1xx, 204 and 304 have no length of their own; a 304's would have to be the 200's (RFC 9110 §8.6).
        let declared = status.allowsContent && (!isHead || response.headDeclaresLength)
        let length: BodyLength? = declared ? .known(response.body.count) : nil
        writeHead(response, length: length, close: close, into: &output)
        if !isHead && status.allowsContent {
            output.append(contentsOf: response.body)
        }
    }

    /// How the head announces the body's end.
    enum BodyLength {
        /// `Content-Length`.
        case known(Int)
        /// `Transfer-Encoding: chunked`; the pieces follow as chunks.
        case chunked
        /// Neither: the body ends when the connection closes (HTTP/1.0 clients, RFC 9112 §6.3).
        case untilClose
    }

    /// The status line and header section of a streamed response.
    mutating func serializeStreamHead(_ response: HTTPResponse, chunked: Bool, close: Bool, into output: inout [UInt8]) {
        writeHead(response, length: chunked ? .chunked : .untilClose, close: close, into: &output)
    }

    /// One piece of a chunked body (RFC 9112 §7.1); empty pieces are skipped, as a zero size would end the body.
    static func appendChunk(_ bytes: [UInt8], into output: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        output.append(contentsOf: String(bytes.count, radix: 16).utf8)
        output.append(contentsOf: "\r\n".utf8)
        output.append(contentsOf: bytes)
        output.append(contentsOf: "\r\n".utf8)
    }

    /// The last chunk and an empty trailer section.
    static let lastChunk = Array("0\r\n\r\n".utf8)

    private mutating func writeHead(_ response: HTTPResponse, length: BodyLength?, close: Bool, into output: inout [UInt8]) {
        let status = response.status
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        ResponseSerializer.appendDecimal(status.code, to: &output)
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: status.reasonPhrase.utf8)
        output.append(contentsOf: "\r\n".utf8)
        for field in response.fields {
            if field.name.equalsIgnoringASCIICase("Content-Length") || field.name.equalsIgnoringASCIICase("Connection")
                || field.name.equalsIgnoringASCIICase("Date") || field.name.equalsIgnoringASCIICase("Transfer-Encoding") {
                continue
            }
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        output.append(contentsOf: "Date: ".utf8)
        output.append(contentsOf: dates.now())
        output.append(contentsOf: "\r\n".utf8)
        switch length {
        case .known(let count):
            output.append(contentsOf: "Content-Length: ".utf8)
            ResponseSerializer.appendDecimal(count, to: &output)
            output.append(contentsOf: "\r\n".utf8)
        case .chunked: output.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .untilClose, nil: break
        }
        if close && status.code >= 200 {
            output.append(contentsOf: "Connection: close\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
    }

    /// The decimal digits of `value` (0 or more), written straight into the output: formatting a
    /// String first costs an allocation on every response.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = UInt(max(0, value))
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[buffer.count - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            output.append(contentsOf: buffer[(buffer.count - count)...])
        }
    }

    /// `100 Continue`, sent before reading a body the client is holding back (RFC 9110 §10.1.1).
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
