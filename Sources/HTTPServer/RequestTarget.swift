/// The path and query of a request target, percent-decoded (RFC 9112 §3.2, RFC 3986 §3).
public struct RequestTarget: Sendable, Hashable {
    /// The decoded path, always starting with `/` except for `*` (asterisk-form) and authority-form, where it is empty.
    /// For display and logs: decoding merges `%2F` with `/`, so routing uses ``rawPath``.
    public let path: String
    /// The path as sent, still percent-encoded.
    public let rawPath: String
    /// The query's `name=value` pairs in order, `+` read as a space (HTML form encoding).
    public let query: [QueryItem]

    /// One `name=value` pair of a query; `value` is empty for a bare `name`.
    public struct QueryItem: Sendable, Hashable {
        public let name: String
        public let value: String
    }

    /// Splits a raw request target. Absolute-form targets keep only their path and query.
    public init(_ raw: String) {
        var rest = Substring(raw)
        if rest == "*" {
            path = "*"
            rawPath = "*"
            query = []
            return
        }
        // Bytes, not Characters: the target is ASCII by now, and Character steps cost grapheme breaking.
        if rest.utf8.first != UInt8(ascii: "/") {
            if let schemeEnd = rest.firstRange(of: "://") {
                rest = rest[schemeEnd.upperBound...]
                if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                    rest = rest[slash...]
                } else {
                    rest = "/"
                }
            } else {
                // authority-form (CONNECT host:port): no path
                path = ""
                rawPath = ""
                query = []
                return
            }
        }
        let pathPart: Substring
        let queryPart: Substring?
        if let mark = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            pathPart = rest[..<mark]
            queryPart = rest[rest.index(after: mark)...]
        } else {
            pathPart = rest
            queryPart = nil
        }
        rawPath = String(pathPart)
        let decodedPath = RequestTarget.percentDecode(pathPart, plusIsSpace: false)
        path = decodedPath.utf8.first == UInt8(ascii: "/") ? decodedPath : "/" + decodedPath
        query = queryPart.map(RequestTarget.parseQuery) ?? []
    }

    /// The first value given for `name`, or nil when absent.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Every value given for `name`, in order.
    public func queryValues(_ name: String) -> [String] {
        query.compactMap { $0.name == name ? $0.value : nil }
    }

    static func parseQuery(_ text: Substring) -> [QueryItem] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return QueryItem(
                    name: percentDecode(pair[..<equals], plusIsSpace: true),
                    value: percentDecode(pair[pair.index(after: equals)...], plusIsSpace: true))
            }
            return QueryItem(name: percentDecode(pair, plusIsSpace: true), value: "")
        }
    }

    /// Decodes `%XX` escapes; an invalid escape is kept literally, invalid UTF-8 becomes U+FFFD.
    static func percentDecode(_ text: Substring, plusIsSpace: Bool) -> String {
        // Most segments need no decoding: no array of their bytes for those.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(text)
        }
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
