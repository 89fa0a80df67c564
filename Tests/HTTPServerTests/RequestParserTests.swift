import Testing
@testable import HTTPServer

/// What a run of the parser produced, in a form fixtures can state.
private struct Outcome: Equatable, CustomStringConvertible {
    var requests: [String] = []
    var errorStatus: Int?

    var description: String { "\(requests) error: \(errorStatus.map(String.init) ?? "none")" }
}

private struct Fixture: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let requests: [String]
    let errorStatus: Int?

    init(_ name: String, _ input: String, _ requests: [String], error: Int? = nil) {
        self.name = name
        self.input = input
        self.requests = requests
        self.errorStatus = error
    }

    var testDescription: String { name }
}

/// Feeds `chunks` one after another, pulling every event after each, as a connection does.
private func run(_ chunks: [ArraySlice<UInt8>], limits: RequestParser.Limits = .init()) -> Outcome {
    var parser = RequestParser(limits: limits)
    var outcome = Outcome()
    var current = ""
    for chunk in chunks {
        parser.append(chunk)
        do {
            while let event = try parser.next() {
                switch event {
                case .head(let head):
                    current = "\(head.method) \(head.target) \(head.version)"
                    if let host = head.fields["Host"] { current += " host=\(host)" }
                    current += " |"
                case .body(let bytes):
                    current += String(decoding: bytes, as: UTF8.self)
                case .end:
                    outcome.requests.append(current)
                }
            }
        } catch {
            outcome.errorStatus = error.status.code
            return outcome
        }
    }
    return outcome
}

private let fixtures: [Fixture] = [
    Fixture("simple GET", "GET /v1/health HTTP/1.1\r\nHost: a\r\n\r\n", ["GET /v1/health HTTP/1.1 host=a |"]),
    Fixture("two pipelined", "GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: b\r\n\r\n",
            ["GET /a HTTP/1.1 host=a |", "GET /b HTTP/1.1 host=b |"]),
    Fixture("content-length body then GET",
            "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 18\r\n\r\nGET /x HTTP/1.1\r\n\r\nGET /y HTTP/1.1\r\nHost: a\r\n\r\n",
            ["POST /p HTTP/1.1 host=a |GET /x HTTP/1.1\r\n\r", "GET /y HTTP/1.1 host=a |"]),
    Fixture("leading zeros in content-length", "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 005\r\n\r\nhello",
            ["POST /p HTTP/1.1 host=a |hello"]),
    Fixture("same content-length listed twice", "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello",
            ["POST /p HTTP/1.1 host=a |hello"]),
    Fixture("chunked with extension and trailer",
            "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n",
            ["POST /c HTTP/1.1 host=a |hello world"]),
    Fixture("empty lines before the request line", "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", ["GET / HTTP/1.1 host=a |"]),
    Fixture("bare LF line endings", "GET / HTTP/1.1\nHost: a\n\n", ["GET / HTTP/1.1 host=a |"]),
    Fixture("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", ["GET / HTTP/1.0 |"]),
    Fixture("absolute-form target", "GET http://a/v1/health?x=1 HTTP/1.1\r\nHost: a\r\n\r\n", ["GET http://a/v1/health?x=1 HTTP/1.1 host=a |"]),
    Fixture("OPTIONS asterisk", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", ["OPTIONS * HTTP/1.1 host=a |"]),
    Fixture("lower-case method kept as sent", "get / HTTP/1.1\r\nHost: a\r\n\r\n", ["get / HTTP/1.1 host=a |"]),
    Fixture("field value white space trimmed", "GET / HTTP/1.1\r\nHost: \t a \t\r\n\r\n", ["GET / HTTP/1.1 host=a |"]),
    Fixture("missing Host", "GET / HTTP/1.1\r\n\r\n", [], error: 400),
    Fixture("Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", [], error: 400),
    Fixture("Host with a non-numeric port", "GET / HTTP/1.1\r\nHost: x:abc\r\n\r\n", [], error: 400),
    Fixture("Host with a port", "GET / HTTP/1.1\r\nHost: example.org:8080\r\n\r\n", ["GET / HTTP/1.1 host=example.org:8080 |"]),
    Fixture("target without a leading slash", "GET v1/health HTTP/1.1\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("asterisk target for GET", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("invalid percent escape", "GET /v1/articles/%zz HTTP/1.1\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("truncated percent escape", "GET /a%4 HTTP/1.1\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("empty Host", "GET / HTTP/1.1\r\nHost:\r\n\r\n", ["GET / HTTP/1.1 host= |"]),
    Fixture("IPv6 Host with port", "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", ["GET / HTTP/1.1 host=[::1]:8080 |"]),
    Fixture("bare CR line endings", "GET /v1/health HTTP/1.1\rHost: x\r\r", [], error: 400),
    Fixture("higher minor version read as HTTP/1.1", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", ["GET / HTTP/1.2 host=a |"]),
    Fixture("two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", [], error: 400),
    Fixture("two Content-Type fields", "POST / HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\ncontent-type: application/json\r\nContent-Length: 2\r\n\r\n{}",
            [], error: 400),
    Fixture("fragment in the target", "GET /v1/health#top HTTP/1.1\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("fragment in an absolute-form target", "GET http://a/v1/health?x=1#top HTTP/1.1\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("Content-Length with Transfer-Encoding",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [], error: 400),
    Fixture("chunked not last", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", [], error: 400),
    Fixture("unknown coding before chunked", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", [], error: 501),
    Fixture("chunked twice", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", [], error: 400),
    Fixture("Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [], error: 400),
    Fixture("plus sign in Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello", [], error: 400),
    Fixture("negative Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", [], error: 400),
    Fixture("Content-Length list of different values", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello!", [], error: 400),
    Fixture("two Content-Length fields", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", [], error: 400),
    Fixture("huge Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", [], error: 413),
    Fixture("white space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", [], error: 400),
    Fixture("obsolete line folding", "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", [], error: 400),
    Fixture("field line without colon", "GET / HTTP/1.1\r\nFOO\r\n\r\n", [], error: 400),
    Fixture("invalid field name", "GET / HTTP/1.1\r\nHost: a\r\nX(A): b\r\n\r\n", [], error: 400),
    Fixture("NUL in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{0}c\r\n\r\n", [], error: 400),
    Fixture("bare CR in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n", [], error: 400),
    Fixture("HTTP/3.0", "GET / HTTP/3.0\r\nHost: a\r\n\r\n", [], error: 505),
    Fixture("malformed version", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("two spaces in request line", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", [], error: 400),
    Fixture("garbage after a good request", "GET / HTTP/1.1\r\nHost: a\r\n\r\nFOO\r\n\r\n", ["GET / HTTP/1.1 host=a |"], error: 400),
    Fixture("signed chunk size", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n", [], error: 400),
    Fixture("seventeen hex digits", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n00000000000000005\r\nhello\r\n0\r\n\r\n", [], error: 400),
    Fixture("chunk longer than its size", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n", [], error: 400),
]

@Suite("RequestParser")
struct RequestParserTests {
    @Test("every fixture gives the same result at every split point", arguments: fixtures)
    fileprivate func everySplit(_ fixture: Fixture) {
        let bytes = Array(fixture.input.utf8)
        let expected = Outcome(requests: fixture.requests, errorStatus: fixture.errorStatus)
        #expect(run([bytes[...]]) == expected, "whole")
        for split in 0...bytes.count {
            let outcome = run([bytes[0..<split], bytes[split...]])
            #expect(outcome == expected, "split at \(split)")
            if outcome != expected { break }
        }
        #expect(run(bytes.indices.map { bytes[$0...$0] }) == expected, "one byte at a time")
    }

    @Test func requestLineOverLimitIs414EvenBeforeItEnds() {
        let limits = RequestParser.Limits(maxRequestLineLength: 64)
        let line = "GET /" + String(repeating: "a", count: 100)
        #expect(run([Array(line.utf8)[...]], limits: limits).errorStatus == 414)
        #expect(run([Array("GET /\(String(repeating: "a", count: 50)) HTTP/1.1\r\nHost: a\r\n\r\n".utf8)[...]], limits: limits).errorStatus == nil)
    }

    @Test("a bare CR and an over-long line: the earlier byte decides, at every split")
    func bareCarriageReturnAgainstLengthLimit() {
        let limits = RequestParser.Limits(maxRequestLineLength: 16)
        for (input, status) in [("GET /a\rXXXXXXXXXXXXXXXXXXXX\n", 400), ("GET /aaaaaaaaaaaaaaaaaaaa\rX\n", 414)] {
            let bytes = Array(input.utf8)
            for split in 0...bytes.count {
                #expect(run([bytes[0..<split], bytes[split...]], limits: limits).errorStatus == status, "\(input.debugDescription) split at \(split)")
            }
            #expect(run(bytes.indices.map { bytes[$0...$0] }, limits: limits).errorStatus == status)
        }
    }

    @Test func headerSectionOverLimitIs431() {
        let limits = RequestParser.Limits(maxHeaderSectionSize: 256)
        let flood = "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-A: b\r\n", count: 100)
        #expect(run([Array(flood.utf8)[...]], limits: limits).errorStatus == 431)
    }

    @Test func tooManyFieldLinesIs431() {
        let limits = RequestParser.Limits(maxFieldLines: 3)
        let four = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        let three = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n"
        #expect(run([Array(four.utf8)[...]], limits: limits).errorStatus == 431)
        #expect(run([Array(three.utf8)[...]], limits: limits).requests.count == 1)
    }

    @Test func declaredBodyOverLimitIs413BeforeAnyBodyByte() {
        let limits = RequestParser.Limits(maxBodySize: 10)
        #expect(run([Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n".utf8)[...]], limits: limits).errorStatus == 413)
        let chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello!\r\n6\r\n"
        #expect(run([Array(chunked.utf8)[...]], limits: limits).errorStatus == 413)
    }

    @Test func errorsAreSticky() {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/1.1\r\n\r\n".utf8))
        #expect(throws: HTTPParserError.self) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParserError.self) { try parser.next() }
    }

    @Test func framingIsReported() throws {
        var parser = RequestParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n".utf8))
        guard case .head(let head) = try parser.next() else {
            Issue.record("expected a head")
            return
        }
        #expect(head.framing == .length(3))
        #expect(head.hasBody)
        #expect(head.keepAlive)
    }
}
