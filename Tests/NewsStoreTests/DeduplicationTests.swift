import NewsIngest
@testable import NewsStore
import Testing

@Suite struct DeduplicationTests {
    @Test func sameTextIsStoredOnce() throws {
        try withTemporaryStore { store, _ in
            let first = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle())
            #expect(first.isCreated)

            // A different parse of the same text changes nothing: the text is the identity.
            var reparsed = try Fixtures.seedArticle()
            reparsed.headline = "Another headline"
            let second = try store.store(Fixtures.seedDocument(), reparsed)
            #expect(second == .existing(first.id))
            #expect(!second.isCreated)
            #expect(try store.articleCount() == 1)
            #expect(try store.article(id: first.id)?.headline == "Italy Brings Together Libya Rivals on Conference Sidelines")
            #expect(try store.entities().data.allSatisfy { $0.articleCount == 1 })
        }
    }

    @Test func lineEndingsAndSurroundingWhitespaceDoNotMakeANewDocument() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let crlf = "  \n\t" + (try Fixtures.seedText()).replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\n  "
            let variant = try NewsDocument(text: crlf)
            // An upload with a byte order mark and bare CR line endings.
            let uploaded = try NewsDocument(bytes: [0xEF, 0xBB, 0xBF] + Array((try Fixtures.seedText()).replacingOccurrences(of: "\n", with: "\r").utf8))
            #expect(try store.existingArticleID(for: variant) == id)
            #expect(try store.store(variant, Fixtures.seedArticle()) == .existing(id))
            #expect(try store.store(uploaded, Fixtures.seedArticle()) == .existing(id))
            #expect(try store.articleCount() == 1)
        }
    }

    @Test func existingArticleIDIsNilForUnknownText() throws {
        try withTemporaryStore { store, _ in
            #expect(try store.existingArticleID(for: Fixtures.seedDocument()) == nil)
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            #expect(try store.existingArticleID(for: Fixtures.seedDocument()) == id)
            #expect(try store.existingArticleID(for: NewsDocument(text: "Something else.")) == nil)
        }
    }
}
