import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking HTTP/1.1 client over a real loopback TCP socket, for tests that must see
/// exactly what the server puts on the wire: raw bytes out, responses parsed strictly.
public final class TestClient {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var atEOF = false

    /// Connects to `127.0.0.1:port`.
    public init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends as much of `bytes` as the connection takes within `seconds`, never waiting longer;
    /// returns how many bytes went out. Shows how far a server that stops reading lets a client get.
    public func sendWithoutBlocking(_ bytes: [UInt8], for seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            guard sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { break }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { break }
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&descriptor, 1, Int32(left * 1000) + 1)
        }
        return offset
    }

    /// Half-closes the connection: the server reads end of input, and can still answer.
    public func finishSending() {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Reads one response. `head`: it answers a HEAD request, so no body follows.
    public func readResponse(head: Bool = false, timeout: Double = 5) throws -> RawResponse {
        let deadline = Date().addingTimeInterval(timeout)
        let statusLine = try line(deadline)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw Failure(description: "bad status line \(statusLine)")
        }
        var fields: [(String, String)] = []
        while true {
            let fieldLine = try line(deadline)
            if fieldLine.isEmpty { break }
            guard let colon = fieldLine.firstIndex(of: ":") else { throw Failure(description: "bad field line \(fieldLine)") }
            fields.append((String(fieldLine[..<colon]), fieldLine[fieldLine.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var response = RawResponse(status: status, fields: fields, body: [])
        if head || status < 200 || status == 204 || status == 304 { return response }
        if response.field("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            while true {
                let sizeLine = try line(deadline)
                guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else { throw Failure(description: "bad chunk size") }
                if size == 0 {
                    while try !line(deadline).isEmpty {}
                    break
                }
                response.body += try exactly(size, deadline)
                _ = try exactly(2, deadline)
            }
        } else if let length = response.field("Content-Length").flatMap({ Int($0) }) {
            response.body = try exactly(length, deadline)
        } else {
            while try fill(deadline) {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    /// Sends one request and reads its response.
    public func request(
        _ method: String, _ target: String, fields: [(String, String)] = [], body: [UInt8] = []
    ) throws -> RawResponse {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n"
        for (name, value) in fields { text += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.count)\r\n" }
        text += "\r\n"
        try send(Array(text.utf8) + body)
        return try readResponse(head: method == "HEAD")
    }

    /// True when the server closes the connection within `seconds` without sending more bytes.
    public func closedByPeer(within seconds: Double = 2) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        do {
            while try fill(deadline) {}
        } catch {
            return false
        }
        return buffer.isEmpty
    }

    /// Bytes received but not yet consumed by a read.
    public var unreadBytes: [UInt8] { buffer }

    private func fill(_ deadline: Date) throws -> Bool {
        if atEOF { return false }
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { throw Failure(description: "timed out") }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(left * 1000) + 1)
        guard ready > 0 else { throw Failure(description: "timed out waiting for the server") }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count <= 0 {
            atEOF = true
            return false
        }
        buffer += chunk[0..<count]
        return true
    }

    private func line(_ deadline: Date) throws -> String {
        while true {
            if let lf = buffer.firstIndex(of: 10), lf > 0, buffer[lf - 1] == 13 {
                let text = String(decoding: buffer[0..<(lf - 1)], as: UTF8.self)
                buffer.removeSubrange(0...lf)
                return text
            }
            guard try fill(deadline) else { throw Failure(description: "connection closed mid-response") }
        }
    }

    private func exactly(_ count: Int, _ deadline: Date) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill(deadline) else { throw Failure(description: "connection closed mid-body") }
        }
        let bytes = Array(buffer[0..<count])
        buffer.removeSubrange(0..<count)
        return bytes
    }
}

/// A response as read off the wire.
public struct RawResponse {
    public let status: Int
    public let fields: [(String, String)]
    public var body: [UInt8]

    /// The first value of a field, by case-insensitive name.
    public func field(_ name: String) -> String? {
        fields.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object (or nil).
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
