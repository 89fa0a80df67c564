@testable import NewsAPI
import NewsStore
import Testing

/// The opaque cursor: every kind of key part survives the trip, and nothing else decodes.
@Suite struct CursorTests {
    private let listing = ListingIdentity(route: "/v1/articles", ["q": "libya", "sort": "relevance", "from": nil])

    @Test func everyKindOfPartRoundTrips() throws {
        let key = PageKey([.integer(42), .integer(-1), .real(3.141_592_653_589_793), .real(-0.0), .text("Nariño 北京 \"x\""), .text(""), .null])
        let text = Cursor.encode(key, listing: listing)
        #expect(text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) })
        let decoded = try Cursor.decode(text, listing: listing)
        #expect(decoded == key)
        // Bit for bit: a relevance score must come back exactly, or the next page would shift.
        guard case .real(let score) = decoded.parts[2] else { Issue.record("not a real"); return }
        #expect(score.bitPattern == (3.141_592_653_589_793).bitPattern)
    }

    @Test func theSameParametersInAnotherOrderAreTheSameListing() throws {
        let reordered = ListingIdentity(route: "/v1/articles", ["sort": "relevance", "q": "libya"])
        let text = Cursor.encode(PageKey([.integer(1)]), listing: listing)
        #expect(try Cursor.decode(text, listing: reordered) == PageKey([.integer(1)]))
        let other = ListingIdentity(route: "/v1/articles", ["q": "libya", "sort": "-publishedAt"])
        #expect(throws: Cursor.Failure.otherListing) { try Cursor.decode(text, listing: other) }
    }

    @Test func aCursorOfAnotherVersionIsToldApart() throws {
        var bytes = try #require(Base64URL.decode(Cursor.encode(PageKey([.integer(1)]), listing: listing)))
        bytes[0] = Cursor.version + 1
        bytes = Array(bytes.dropLast(4))
        let checksum = FNV1a.hash32(bytes)
        bytes += (0..<4).reversed().map { UInt8(truncatingIfNeeded: checksum >> ($0 * 8)) }
        #expect(throws: Cursor.Failure.otherVersion) { try Cursor.decode(Base64URL.encode(bytes), listing: listing) }
    }

    @Test(arguments: ["", "A", "AAAA", "not base64!", "AZss3vH-LYCI=", "AZss3vH+LYCI", String(repeating: "A", count: 4000)])
    func textThatIsNoCursorIsMalformed(text: String) {
        #expect(throws: Cursor.Failure.malformed) { try Cursor.decode(text, listing: listing) }
    }

    @Test func everySingleCharacterChangeIsCaught() throws {
        let text = Cursor.encode(PageKey([.text("2019-12-03"), .integer(6)]), listing: listing)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for index in text.indices {
            for replacement in alphabet.prefix(8) where replacement != text[index] {
                var changed = text
                changed.replaceSubrange(index...index, with: String(replacement))
                #expect(throws: Cursor.Failure.self, "\(changed)") { try Cursor.decode(changed, listing: listing) }
            }
        }
    }
}
