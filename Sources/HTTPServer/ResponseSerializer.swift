/// Writes responses as HTTP/1.1 bytes (RFC 9112 §4, §6).
///
/// Adds `Date` and `Content-Length` to every response that may carry content, and
/// `Connection: close` when the connection ends after it. A HEAD response keeps the
/// `Content-Length` of the GET it mirrors but sends no body (RFC 9110 §9.3.2).
struct ResponseSerializer {
    private var dates = HTTPDateCache()

    mutating func serialize(_ response: HTTPResponse, isHead: Bool, close: Bool, into output: inout [UInt8]) {
        let status = response.status
        output.reserveCapacity(output.count + 160 + response.body.count)
        output.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
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
        if status.code >= 200 && status.code != 204 {
            output.append(contentsOf: "Content-Length: \(status.allowsContent ? response.body.count : 0)\r\n".utf8)
        }
        if close && status.code >= 200 {
            output.append(contentsOf: "Connection: close\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        if !isHead && status.allowsContent {
            output.append(contentsOf: response.body)
        }
    }

    /// `100 Continue`, sent before reading a body the client is holding back (RFC 9110 §10.1.1).
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
