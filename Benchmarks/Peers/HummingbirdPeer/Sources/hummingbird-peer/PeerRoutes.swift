import Hummingbird
import NewsAPI
import NewsStore

/// The two routes the benchmarks compare, doing what newsapi's do: the same NewsStore read, the same JSON
/// encoding, the same SHA-256 entity tag, the same header fields.
struct PeerRoutes: Sendable {
    let store: NewsStore

    func register(on router: Router<BasicRequestContext>) {
        // NewsStore reads synchronously. The read is short and CPU-bound (the pages are cached), so it runs on
        // the task's own thread rather than paying for a hop to a thread pool, as newsapi runs it on its handler thread.
        router.get("/v1/health") { _, _ in
            try PeerResponse.json(NewsAPI.Health(status: "ok", articles: try store.articleCount()))
        }
        router.get("/v1/articles/:id") { _, context in
            try article(PeerRoutes.percentDecode(context.parameters.get("id") ?? ""))
        }
    }

    private func article(_ text: String) throws -> Response {
        // newsapi's Parameters.id: digits only (no sign), at most 18 of them, above zero.
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let id = Int64(text), id > 0 else {
            return PeerResponse.notFound("no article with id \"\(text)\" (ids are positive integers)")
        }
        guard let article = try store.article(id: id) else {
            return PeerResponse.notFound("no article with id \(id)")
        }
        return try PeerResponse.json(article)
    }

    /// newsapi's router decodes `%XX` in path segments and Hummingbird's does not; an invalid escape stays as
    /// written and invalid UTF-8 becomes U+FFFD, as in newsapi's RequestTarget.percentDecode.
    static func percentDecode(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        guard utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
