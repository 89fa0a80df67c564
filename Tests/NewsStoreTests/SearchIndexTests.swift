import Foundation
import NewsIngest
@testable import NewsStore
import Testing

/// The full-text index is kept exact: rows inserted by the article writer, updates and deletes by triggers, whoever writes.
@Suite struct SearchIndexTests {
    private func expectExact(_ store: NewsStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let indexed = try store.indexedTexts()
        let expected = try store.expectedIndexedTexts()
        #expect(indexed == expected, sourceLocation: sourceLocation)
        try store.checkSearchIndexIntegrity()
    }

    private func search(_ store: NewsStore, _ text: String) throws -> [String] {
        try store.articles(ArticleFilter(search: SearchQuery(text)), order: .newestFirst).data.map(\.headline)
    }

    @Test func storingIndexesHeadlineParagraphsAndCaptions() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            try expectExact(store)
            let texts = try store.indexedTexts()
            #expect(texts.filter { $0.field == "headline" }.map(\.article) == [id])
            #expect(texts.filter { $0.field == "caption" }.map(\.position) == [0, 1])
            #expect(try texts.filter { $0.field == "paragraph" }.count == Fixtures.seedArticle().paragraphs.count)
        }
    }

    @Test func reparseReplacesTheRowsOfItsArticleOnly() throws {
        try withTemporaryStore { store, _ in
            let seed = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let other = try Fixtures.article("Fishermen protest in Madrid.", captions: [Fixtures.conteCaption])
            let otherID = try store.store(other.0, other.1).id
            let found = try store.reparse(articleID: seed) { _ in
                var article = try Fixtures.seedArticle()
                article.headline = "A headline the new parser reads"
                article.paragraphs = ["Only one paragraph is left."]
                article.captions = [Fixtures.hifterCaption]
                return article
            }
            #expect(found)
            try expectExact(store)
            #expect(try search(store, "parser") == ["A headline the new parser reads"])
            #expect(try search(store, "Conference Sidelines").isEmpty)
            #expect(try store.indexedTexts().filter { $0.article == otherID }.count == 3)
        }
    }

    @Test func plainSQLUpdatesAndDeletesKeepTheIndexExact() throws {
        try withTemporaryStore { store, _ in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let other = try Fixtures.article("Fishermen protest in Madrid.")
            let otherID = try store.store(other.0, other.1).id

            try store.executeAsAnotherWriter("UPDATE articles SET headline = 'Renamed by hand' WHERE id = \(id)")
            try store.executeAsAnotherWriter("UPDATE paragraphs SET text = 'Rewritten paragraph about Bogotá.' WHERE article_id = \(id) AND position = 0")
            try store.executeAsAnotherWriter("UPDATE captions SET text = 'A new caption.' WHERE article_id = \(id) AND position = 1")
            try store.executeAsAnotherWriter("DELETE FROM paragraphs WHERE article_id = \(id) AND position = 1")
            try expectExact(store)
            #expect(try search(store, "renamed") == ["Renamed by hand"])
            #expect(try search(store, "Bogota") == ["Renamed by hand"])

            // Paragraphs and captions go by ON DELETE CASCADE, which fires their delete triggers.
            try store.executeAsAnotherWriter("DELETE FROM articles WHERE id = \(id)")
            try expectExact(store)
            #expect(try store.indexedTexts().allSatisfy { $0.article == otherID })
            #expect(try search(store, "Libya").isEmpty)
        }
    }

    @Test func theMigrationIndexesArticlesStoredBeforeIt() throws {
        let all = try Migration.bundled()
        let before = all.filter { $0.name < "0004" }
        #expect(before.count < all.count)
        try withTemporaryStore(migrations: before) { store, path in
            // Today's writer adds the search rows itself, into a table this schema lacks.
            _ = try storeAsLegacyWriter(store, Fixtures.seedDocument(), Fixtures.seedArticle())
            let item = try Fixtures.article("Fishermen protest in Madrid.", captions: [Fixtures.hifterCaption])
            _ = try storeAsLegacyWriter(store, item.0, item.1)
            try store.close()

            let upgraded = try NewsStore(path: path, migrations: all, now: { Fixtures.now })
            try expectExact(upgraded)
            #expect(try upgraded.indexedTexts().count == 1 + Fixtures.seedArticle().paragraphs.count + 2 + 3)
            #expect(try search(upgraded, "Hifter") == ["Italy Brings Together Libya Rivals on Conference Sidelines", "Fishermen protest in Madrid."])
        }
    }

    @Test func diacriticsAndCaseAreFolded() throws {
        try withTemporaryStore { store, _ in
            let item = try Fixtures.article("Coca in Nariño, said the minister in BOGOTÁ.")
            _ = try store.store(item.0, item.1)
            for text in ["Bogota", "bogotá", "NARINO", "nariño", "bog*"] {
                #expect(try search(store, text).count == 1, "\(text)")
            }
        }
    }

    @Test func wordsMayStandInDifferentRowsButAPhraseInOne() throws {
        try withTemporaryStore { store, _ in
            let item = try Fixtures.article("Talks resumed in Geneva.", headline: "Sudan talks",
                                            captions: [Caption(text: "Delegates from Khartoum arrive.", isFilePhoto: false, date: nil, place: nil)])
            _ = try store.store(item.0, item.1)
            #expect(try search(store, "sudan geneva khartoum") == ["Sudan talks"])
            #expect(try search(store, "sudan -khartoum").isEmpty)
            #expect(try search(store, #""talks resumed""#) == ["Sudan talks"])
            #expect(try search(store, #""sudan resumed""#).isEmpty)
        }
    }
}
