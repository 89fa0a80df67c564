import Testing
@testable import HTTPServer

@Suite("ResponseSerializer")
struct ResponseSerializerTests {
    private func wire(_ response: HTTPResponse, head: Bool = false, close: Bool = false) -> String {
        var serializer = ResponseSerializer()
        var output: [UInt8] = []
        serializer.serialize(response, isHead: head, close: close, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func addsDateAndContentLength() {
        let text = wire(HTTPResponse(status: .ok, contentType: "text/plain", body: "hello"))
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.contains("\r\nContent-Length: 5\r\n"))
        #expect(text.contains("\r\nDate: "))
        #expect(text.contains(" GMT\r\n"))
        #expect(text.hasSuffix("\r\n\r\nhello"))
        #expect(!text.contains("Connection:"))
    }

    @Test func writesDecimalNumbersOfEveryWidth() {
        for value in [0, 7, 10, 200, 999, 1_000, 65_536, 1_234_567_890, Int.max] {
            var output: [UInt8] = [UInt8(ascii: "x")]
            ResponseSerializer.appendDecimal(value, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == "x\(value)")
        }
        #expect(wire(HTTPResponse(status: HTTPStatus(code: 299, reasonPhrase: "Odd"))).hasPrefix("HTTP/1.1 299 Odd\r\n"))
        let large = wire(HTTPResponse(status: .ok, contentType: "text/plain", body: String(repeating: "a", count: 12_345)))
        #expect(large.contains("\r\nContent-Length: 12345\r\n"))
    }

    @Test func headKeepsLengthButSendsNoBody() {
        let text = wire(HTTPResponse(status: .ok, contentType: "text/plain", body: "hello"), head: true)
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func noContentHasNoLengthAndNoBody() {
        let text = wire(HTTPResponse(status: .noContent, body: Array("ignored".utf8)))
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func closeIsAnnounced() {
        #expect(wire(HTTPResponse(status: .ok), close: true).contains("\r\nConnection: close\r\n"))
    }

    @Test func handlerFramingFieldsAreReplaced() {
        var fields = HTTPFields()
        fields.append("Content-Length", "999")
        fields.append("Transfer-Encoding", "chunked")
        let text = wire(HTTPResponse(status: .ok, fields: fields, body: Array("ab".utf8)))
        #expect(text.contains("Content-Length: 2\r\n"))
        #expect(!text.contains("999"))
        #expect(!text.contains("Transfer-Encoding"))
    }

    @Test func imfFixdate() {
        #expect(String(decoding: HTTPDateCache.format(784_111_777), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
