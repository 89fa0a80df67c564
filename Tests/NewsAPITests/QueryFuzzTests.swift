import Foundation
import HTTPTestSupport
import Testing

/// Whatever a person types as `q`, the answer is a page or a 400, never a 5xx.
@Suite("Random search queries over a real socket", .serialized)
struct QueryFuzzTests {
    /// SplitMix64: a small generator with a seed, so a failure can be replayed exactly.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces of hostile or odd input: FTS5 syntax, quotes, column filters, punctuation of many scripts.
    private static let pieces = [
        "libya", "said", "Bogotá", "prime minister", "OR", "AND", "NOT", "NEAR", "NEAR(", "NEAR/2", "near(a b, 3)",
        "*", "**", "a*", "\"", "\"\"", "\"said", "said\"", "\u{201C}", "\u{201D}", "\u{FF02}", "'", "(", ")", "()", "{", "}",
        "{headline}", "headline:", "paragraph:", "caption:", "-", "--", "-said", "+", "^", ":", "::", "col:", "rank:", "rowid",
        "search", "MATCH", "'; DROP TABLE articles; --", "\\", "%", "_", "—", "–", "…", "«", "»", "¿", "‽", "·", "、", "。",
        "«NEAR»", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{0301}", "e\u{0301}", "🦄", "👩‍👩‍👧", "北京", "مرحبا", "שָׁלוֹם",
        "\u{0}", "\u{7}", "\u{1B}[0m", "\u{10FFFF}", "\u{E000}", "\u{2}", "\u{3}", "0", "12345678901234567890", "AND OR NOT",
    ]

    /// Random bytes, percent-encoded: invalid UTF-8 included.
    private static func randomBytes(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...6, using: &generator)).map { _ in
            String(format: "%%%02X", Int.random(in: 0...255, using: &generator))
        }.joined()
    }

    /// One `q` value, already percent-encoded for the request target.
    private static func query(_ generator: inout SeededGenerator) -> String {
        let separators = ["%20", "", "+", "%09", "%0A", "%2C"]
        return (0..<Int.random(in: 1...8, using: &generator)).map { _ -> String in
            let piece = Int.random(in: 0..<5, using: &generator) == 0
                ? randomBytes(&generator) : queryValue(pieces.randomElement(using: &generator)!)
            return piece + separators.randomElement(using: &generator)!
        }.joined()
    }

    @Test func aThousandRandomQueriesNeverFailTheServer() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        var generator = SeededGenerator(state: 20_261_129)
        var statuses: [Int: Int] = [:]
        for _ in 0..<1_000 {
            let q = Self.query(&generator)
            for path in ["/v1/articles", "/v1/search"] {
                let response = try client.request("GET", "\(path)?q=\(q)&limit=5")
                statuses[response.status, default: 0] += 1
                #expect(response.status == 200 || response.status == 400, "\(path)?q=\(q): \(response.status) \(response.text)")
                if response.status == 400 {
                    #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-query", "\(path)?q=\(q): \(response.text)")
                } else {
                    // A page, and its cursor works too.
                    #expect(response.json?["total"] is Int, "\(path)?q=\(q)")
                    if let next = response.nextLink {
                        #expect(try client.request("GET", next).status == 200, "\(next)")
                    }
                }
            }
        }
        // Most random queries still hold a word to search for.
        #expect(statuses[200, default: 0] > statuses[400, default: 0])
    }
}
