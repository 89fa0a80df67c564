#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An incremental HTTP/1.1 request parser: a state machine over bytes (RFC 9112).
///
/// Feed it any split of the input with ``append(_:)`` and pull ``Event``s with ``next()``
/// until it returns nil (more bytes needed). Pipelined requests stay buffered until
/// pulled, so a caller that stops pulling also stops parsing. It never touches a socket.
///
/// Errors are ``HTTPParserError`` values carrying the status the client is owed; after one,
/// every later call throws it again.
public struct RequestParser: Sendable {
    /// The bounds the parser enforces; see ``ServerConfiguration`` for their meaning.
    public struct Limits: Sendable {
        public var maxRequestLineLength: Int
        public var maxHeaderSectionSize: Int
        public var maxFieldLines: Int
        public var maxBodySize: Int
        public var maxChunkLineLength: Int

        public init(
            maxRequestLineLength: Int = 8 * 1024, maxHeaderSectionSize: Int = 32 * 1024, maxFieldLines: Int = 100,
            maxBodySize: Int = 64 * 1024 * 1024, maxChunkLineLength: Int = 4 * 1024
        ) {
            self.maxRequestLineLength = maxRequestLineLength
            self.maxHeaderSectionSize = maxHeaderSectionSize
            self.maxFieldLines = maxFieldLines
            self.maxBodySize = maxBodySize
            self.maxChunkLineLength = maxChunkLineLength
        }
    }

    /// One step of a request: its head, then zero or more body pieces, then its end.
    public enum Event: Sendable {
        case head(RequestHead)
        /// A piece of the message body, de-chunked.
        case body([UInt8])
        case end
    }

    private struct PartialHead {
        var method: HTTPMethod
        var target: String
        var version: HTTPVersion
        var fields = HTTPFields()
        var size = 0
    }

    private enum State {
        case requestLine
        case fieldLines(PartialHead)
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(lines: Int, size: Int)
        case endOfMessage
        case failed(HTTPParserError)
    }

    public let limits: Limits
    private var state = State.requestLine
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet consumed.
    private var start = 0
    /// Bytes in `start..<scanned` hold no LF: where the next line search resumes, so
    /// byte-at-a-time input is not rescanned from the start each time.
    private var scanned = 0
    /// De-chunked body bytes of the current request, for the size limit.
    private var bodySize = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed by ``next()``.
    public var bufferedByteCount: Int { buffer.count - start }

    /// True between requests: nothing of a next request has been consumed yet.
    public var isAtMessageBoundary: Bool {
        if case .requestLine = state { return true }
        return false
    }

    /// Adds received bytes to the input.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes to the input.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    private mutating func compact() {
        if start == buffer.count {
            // An idle connection should not keep a large read buffer alive.
            buffer.removeAll(keepingCapacity: buffer.capacity <= 16 * 1024)
            start = 0
            scanned = 0
        } else if start >= 16 * 1024 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
    }

    /// The next event, or nil when more input is needed.
    ///
    /// - Throws: ``HTTPParserError`` with status 400 (malformed), 413 (body too large),
    ///   414 (request line too long), 431 (header section too large), 501 (unknown
    ///   transfer coding) or 505 (HTTP major version other than 1).
    public mutating func next() throws(HTTPParserError) -> Event? {
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPParserError) -> Event? {
        while true {
            switch state {
            case .failed(let error):
                throw error

            case .requestLine:
                guard let line = try nextLine(
                    limit: limits.maxRequestLineLength,
                    orElse: .requestLine)
                else { return nil }
                // RFC 9112 §2.2: empty lines before a request line are ignored.
                if line.isEmpty { continue }
                state = .fieldLines(try parseRequestLine(line))

            case .fieldLines(var head):
                let remaining = limits.maxHeaderSectionSize - head.size
                guard let line = try nextLine(limit: max(0, remaining - 2), orElse: .fieldLine) else { return nil }
                if line.isEmpty {
                    let complete = try finishHead(head)
                    return .head(complete)
                }
                // The state lets go of the head while it grows, so that appending a field does not copy every earlier one.
                state = .requestLine
                head.size += line.count + 2
                guard head.fields.count < limits.maxFieldLines else { throw headerTooLarge() }
                let (name, value) = try parseFieldLine(line)
                head.fields.append(name, value)
                state = .fieldLines(head)

            case .endOfMessage:
                state = .requestLine
                return .end

            case .body(let remaining):
                if remaining == 0 {
                    state = .requestLine
                    return .end
                }
                guard let piece = takeBody(upTo: remaining) else { return nil }
                state = .body(remaining: remaining - piece.count)
                return .body(piece)

            case .chunkSize:
                guard let line = try nextLine(
                    limit: limits.maxChunkLineLength, orElse: .chunkSizeLine)
                else { return nil }
                let size = try parseChunkSize(line)
                if size == 0 {
                    state = .trailers(lines: 0, size: 0)
                } else {
                    state = .chunkData(remaining: size)
                }

            case .chunkData(let remaining):
                guard let piece = takeBody(upTo: remaining) else { return nil }
                let left = remaining - piece.count
                state = left == 0 ? .chunkDataEnd : .chunkData(remaining: left)
                return .body(piece)

            case .chunkDataEnd:
                let available = buffer.count - start
                guard available >= 1 else { return nil }
                if buffer[start] == .lf {
                    start += 1
                } else if buffer[start] == .cr {
                    guard available >= 2 else { return nil }
                    guard buffer[start + 1] == .lf else { throw .bad("chunk data is not followed by CRLF") }
                    start += 2
                } else {
                    throw .bad("chunk data is longer than its chunk size")
                }
                scanned = start
                state = .chunkSize

            case .trailers(let lines, let size):
                guard let line = try nextLine(limit: max(0, limits.maxHeaderSectionSize - size - 2), orElse: .fieldLine)
                else { return nil }
                if line.isEmpty {
                    state = .requestLine
                    return .end
                }
                // Trailer fields are bounded like header fields, checked for syntax, then dropped.
                guard lines + 1 <= limits.maxFieldLines else { throw headerTooLarge() }
                _ = try parseFieldLine(line)
                state = .trailers(lines: lines + 1, size: size + line.count + 2)
            }
        }
    }

    /// The kind of line ``nextLine(limit:orElse:)`` reads, which says what to answer when it is too long.
    /// The error itself is made only then: its message is formatted text, and lines are read on every request.
    private enum LongLine {
        case requestLine, fieldLine, chunkSizeLine
    }

    private func tooLong(_ line: LongLine) -> HTTPParserError {
        switch line {
        case .requestLine: HTTPParserError(.uriTooLong, "the request line is longer than \(limits.maxRequestLineLength) bytes")
        case .fieldLine: headerTooLarge()
        case .chunkSizeLine: .bad("a chunk-size line is longer than \(limits.maxChunkLineLength) bytes")
        }
    }

    private func headerTooLarge() -> HTTPParserError {
        HTTPParserError(
            .requestHeaderFieldsTooLarge,
            "the header section is over \(limits.maxHeaderSectionSize) bytes or \(limits.maxFieldLines) field lines")
    }

    /// The next line without its CRLF (or bare LF, RFC 9112 §2.2), or nil when incomplete.
    /// Throws `error` as soon as the line is known to be longer than `limit`, and a 400 as soon
    /// as it holds a CR not followed by LF. When both apply, the one at the earlier byte wins,
    /// so the outcome never depends on how the input was split.
    private mutating func nextLine(limit: Int, orElse line: LongLine) throws(HTTPParserError) -> Range<Int>? {
        let from = max(scanned, start)
        let end = buffer.count
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard from < end, let base = bytes.baseAddress,
                  let hit = memchr(base + from, Int32(UInt8.lf), end - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        // Bytes before `from` were checked by earlier calls; the one just before may be a CR whose follower is new.
        let checkEnd = (found ?? end) - 1
        var cursor = max(start, from - 1)
        while cursor < checkEnd {
            if buffer[cursor] == .cr && buffer[cursor + 1] != .lf && cursor - start <= limit {
                throw .bad("a bare CR is not a line ending")
            }
            cursor += 1
        }
        guard let lf = found else {
            scanned = end
            // One byte of slack: a CR may be waiting for its LF.
            if end - start > limit + 1 { throw tooLong(line) }
            return nil
        }
        var lineEnd = lf
        if lineEnd > start && buffer[lineEnd - 1] == .cr { lineEnd -= 1 }
        guard lineEnd - start <= limit else { throw tooLong(line) }
        let line = start..<lineEnd
        start = lf + 1
        scanned = start
        return line
    }

    private mutating func takeBody(upTo remaining: Int) -> [UInt8]? {
        let available = buffer.count - start
        guard available > 0 else { return nil }
        let count = min(available, remaining)
        let piece = Array(buffer[start..<(start + count)])
        start += count
        scanned = start
        return piece
    }

    private func parseRequestLine(_ line: Range<Int>) throws(HTTPParserError) -> PartialHead {
        var index = line.lowerBound
        while index < line.upperBound && buffer[index].isTokenCharacter { index += 1 }
        guard index > line.lowerBound, index < line.upperBound, buffer[index] == .space else {
            throw .bad("the request line is not `method SP request-target SP HTTP-version`")
        }
        let method = HTTPMethod(rawValue: String(decoding: buffer[line.lowerBound..<index], as: UTF8.self))
        index += 1
        let targetStart = index
        while index < line.upperBound && buffer[index] > 0x20 && buffer[index] < 0x7F { index += 1 }
        guard index > targetStart, index < line.upperBound, buffer[index] == .space else {
            throw .bad("the request target is empty or holds a character outside visible ASCII")
        }
        let target = String(decoding: buffer[targetStart..<index], as: UTF8.self)
        let version = try parseVersion(buffer[(index + 1)..<line.upperBound])
        return PartialHead(method: method, target: target, version: version)
    }

    private func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParserError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text.starts(with: Array("HTTP/".utf8)), text[5].isDigit, text[6] == UInt8(ascii: "."),
              text[7].isDigit
        else { throw .bad("the HTTP version is not `HTTP/DIGIT.DIGIT`") }
        let version = HTTPVersion(major: Int(text[5] - UInt8(ascii: "0")), minor: Int(text[7] - UInt8(ascii: "0")))
        guard version.major == 1 else {
            throw HTTPParserError(.httpVersionNotSupported, "only HTTP/1.x is supported, not \(version)")
        }
        return version
    }

    private func parseFieldLine(_ line: Range<Int>) throws(HTTPParserError) -> (String, String) {
        let first = buffer[line.lowerBound]
        if first == .space || first == .tab {
            throw .bad("obsolete line folding is not accepted (RFC 9112 §5.2)")
        }
        var index = line.lowerBound
        while index < line.upperBound && buffer[index].isTokenCharacter { index += 1 }
        guard index < line.upperBound, buffer[index] == UInt8(ascii: ":") else {
            if index < line.upperBound && (buffer[index] == .space || buffer[index] == .tab) {
                throw .bad("white space between a field name and its colon (RFC 9112 §5.1)")
            }
            throw .bad(index == line.upperBound ? "a field line has no colon" : "a field name holds a character that is not a token character")
        }
        guard index > line.lowerBound else { throw .bad("a field line has an empty name") }
        let name = String(decoding: buffer[line.lowerBound..<index], as: UTF8.self)
        var valueStart = index + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd && (buffer[valueStart] == .space || buffer[valueStart] == .tab) { valueStart += 1 }
        while valueEnd > valueStart && (buffer[valueEnd - 1] == .space || buffer[valueEnd - 1] == .tab) { valueEnd -= 1 }
        var ascii = true
        for byte in buffer[valueStart..<valueEnd] {
            if byte >= 0x80 {
                ascii = false
            } else if (byte < 0x20 && byte != .tab) || byte == 0x7F {
                throw .bad("the value of \(name) holds a control character (0x\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))); only tab, visible characters and spaces are allowed")
            }
        }
        let slice = buffer[valueStart..<valueEnd]
        // obs-text is opaque octets (RFC 9110 §5.5): keep each as one Latin-1 scalar rather than guess UTF-8.
        let value = ascii ? String(decoding: slice, as: UTF8.self)
            : String(String.UnicodeScalarView(slice.map { Unicode.Scalar($0) }))
        return (name, value)
    }

    private mutating func finishHead(_ partial: PartialHead) throws(HTTPParserError) -> RequestHead {
        let fields = partial.fields
        let hosts = fields.values(for: "Host").count
        if partial.version == .http1_1 && hosts != 1 {
            throw .bad(hosts == 0 ? "an HTTP/1.1 request needs a Host field (RFC 9112 §3.2)" : "a request has more than one Host field")
        }
        if hosts > 1 { throw .bad("a request has more than one Host field") }
        if let host = fields["Host"], !RequestParser.isValidHost(host) {
            throw .bad("the Host field is not a valid host[:port] (RFC 3986 §3.2.2)")
        }
        try RequestParser.checkTargetForm(partial.target, method: partial.method)
        // Not a list field (RFC 9110 §8.3): two lines could only be read by guessing which one was meant.
        if fields.values(for: "Content-Type").count > 1 { throw .bad("a request has more than one Content-Type field") }

        let framing = try bodyFraming(partial)
        bodySize = 0
        switch framing {
        case .none, .length(0): state = .endOfMessage
        case .length(let count): state = .body(remaining: count)
        case .chunked: state = .chunkSize
        }
        return RequestHead(method: partial.method, target: partial.target, version: partial.version, fields: fields, framing: framing)
    }

    /// `uri-host [ ":" port ]` with a decimal port; empty is allowed for targets without an authority (RFC 9112 §3.2).
    static func isValidHost(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return false }
            guard bytes[bytes.index(after: bytes.startIndex)..<close].allSatisfy(\.isHostCharacter) else { return false }
            bytes = bytes[bytes.index(after: close)...]
            guard let colon = bytes.first else { return true }
            return colon == UInt8(ascii: ":") && bytes.dropFirst().allSatisfy(\.isDigit)
        }
        if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
            guard bytes[bytes.index(after: colon)...].allSatisfy(\.isDigit) else { return false }
            bytes = bytes[..<colon]
        }
        return bytes.allSatisfy { $0.isHostCharacter && $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") }
    }

    /// RFC 9112 §3.2: origin-form (`/path`), absolute-form (`scheme://...`), `*` for OPTIONS only,
    /// authority-form for CONNECT only; and every `%` in the path starts a two-digit hex escape.
    static func checkTargetForm(_ target: String, method: HTTPMethod) throws(HTTPParserError) {
        let bytes = Array(target.utf8)
        if bytes == [UInt8(ascii: "*")] {
            guard method == .options else { throw .bad("the `*` request target is only for OPTIONS") }
            return
        }
        if method.rawValue == "CONNECT" { return }
        var pathStart = 0
        if bytes.first != UInt8(ascii: "/") {
            // absolute-form: scheme ":" "//" authority path-abempty [ "?" query ]
            guard let schemeEnd = target.utf8.firstIndex(of: UInt8(ascii: ":")).map({ target.utf8.distance(from: target.utf8.startIndex, to: $0) }),
                  schemeEnd > 0, bytes[0].isLetter,
                  bytes[0..<schemeEnd].allSatisfy({ $0.isLetter || $0.isDigit || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
                  bytes[schemeEnd...].starts(with: Array("://".utf8))
            else { throw .bad("the request target is neither a path starting with / nor an absolute URI") }
            pathStart = schemeEnd + 3
        }
        var index = pathStart
        while index < bytes.count {
            // A fragment is the client's own business, never sent (RFC 9112 §3.2: no "#" in any form).
            if bytes[index] == UInt8(ascii: "#") { throw .bad("the request target has a fragment (#); send the path and query only") }
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, bytes[index + 1].hexDigitValue != nil, bytes[index + 2].hexDigitValue != nil else {
                    throw .bad("the request target has a % not followed by two hex digits")
                }
                index += 3
            } else {
                index += 1
            }
        }
    }

    /// RFC 9112 §6.3: Transfer-Encoding wins, must end in chunked, and never comes with Content-Length.
    private func bodyFraming(_ head: PartialHead) throws(HTTPParserError) -> RequestHead.BodyFraming {
        let lengths = head.fields.values(for: "Content-Length")
        let codings = head.fields.listElements(for: "Transfer-Encoding")
        if head.fields.contains("Transfer-Encoding") {
            guard lengths.isEmpty else { throw .bad("a request has both Content-Length and Transfer-Encoding") }
            guard head.version != .http1_0 else { throw .bad("Transfer-Encoding is not defined for HTTP/1.0") }
            guard let last = codings.last, last.equalsIgnoringASCIICase("chunked") else {
                throw .bad("the last transfer coding is not chunked, so the body length is unknown")
            }
            let chunkedCount = codings.filter { $0.equalsIgnoringASCIICase("chunked") }.count
            guard chunkedCount == 1 else { throw .bad("chunked is applied more than once") }
            guard codings.count == 1 else {
                throw HTTPParserError(.notImplemented, "only the chunked transfer coding is supported")
            }
            return .chunked
        }
        guard !lengths.isEmpty else { return .none }
        guard lengths.count == 1 else { throw .bad("a request has more than one Content-Length field") }
        var length: Int?
        for element in lengths[0].split(separator: ",", omittingEmptySubsequences: false) {
            let digits = element.trimmingOWS()
            guard !digits.isEmpty, digits.utf8.allSatisfy(\.isDigit) else {
                throw .bad("Content-Length is not a non-negative decimal integer")
            }
            let value = parseDecimal(digits)
            if let previous = length, previous != value { throw .bad("Content-Length lists different values") }
            length = value
        }
        guard let count = length else { throw .bad("Content-Length is empty") }
        guard count <= limits.maxBodySize else {
            throw HTTPParserError(.contentTooLarge, "the body is \(count == Int.max ? "over \(Int.max)" : String(count)) bytes, over the limit of \(limits.maxBodySize)")
        }
        return .length(count)
    }

    /// Decimal value of ASCII digits, saturating at `Int.max` instead of overflowing.
    private func parseDecimal(_ digits: Substring) -> Int {
        var value = 0
        for byte in digits.utf8 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return Int.max }
            value = sum
        }
        return value
    }

    /// RFC 9112 §7.1: `chunk-size [ chunk-ext ]`, hex digits only; extensions are checked and ignored.
    private mutating func parseChunkSize(_ line: Range<Int>) throws(HTTPParserError) -> Int {
        var index = line.lowerBound
        var size: UInt64 = 0
        while index < line.upperBound, let digit = buffer[index].hexDigitValue {
            guard index - line.lowerBound < 16 else { throw .bad("a chunk size has more than 16 hex digits") }
            size = size << 4 | UInt64(digit)
            index += 1
        }
        guard index > line.lowerBound else { throw .bad("a chunk size is not a hexadecimal number") }
        if index < line.upperBound {
            var cursor = index
            while cursor < line.upperBound && (buffer[cursor] == .space || buffer[cursor] == .tab) { cursor += 1 }
            guard cursor < line.upperBound, buffer[cursor] == UInt8(ascii: ";") else {
                throw .bad("a chunk size is followed by something other than a chunk extension")
            }
            for byte in buffer[cursor..<line.upperBound] where (byte < 0x20 && byte != .tab) || byte == 0x7F {
                throw .bad("a chunk extension holds a control character")
            }
        }
        let limit = UInt64(limits.maxBodySize)
        guard size <= limit, UInt64(bodySize) + size <= limit else {
            throw HTTPParserError(.contentTooLarge, "the chunked body is over the limit of \(limits.maxBodySize) bytes")
        }
        bodySize += Int(size)
        return Int(size)
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }

    var hexDigitValue: UInt8? { RequestTarget.hexValue(self) }

    /// A byte of `uri-host [ ":" port ]`: unreserved, sub-delims, percent escapes, and the IP-literal brackets.
    var isHostCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "%"):
            true
        default:
            false
        }
    }

    /// `tchar` of RFC 9110 §5.6.2.
    var isTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
