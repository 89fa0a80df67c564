import Foundation
import NewsIngest
@testable import NewsStore
import Testing

/// Migration 0006: the counts, the per-entity article order and the per-article search index that
/// the read paths use instead of counting and sorting, kept exact whoever writes, and giving the
/// same answers as the slower queries they replace. Real SQLite files, articles the real parser
/// read from the seed and the evaluation documents.
@Suite struct ReadPathTests {
    static let parser = ArticleParser()

    /// The seed and every evaluation document (held-out ones included), parsed.
    static func corpus() throws -> [(NewsDocument, ParsedArticle)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var documents = [try Fixtures.seedDocument()]
        for folder in ["Eval/Documents", "Eval/Holdout"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".txt") {
                // Bytes, not a String: some are Windows-1252 on purpose.
                documents.append(try NewsDocument(bytes: try Data(contentsOf: directory.appendingPathComponent(name))))
            }
        }
        return try documents.map { ($0, try parser.parse($0)) }
    }

    /// Every kept table equals what counting and joining the base tables gives, and the article
    /// index holds exactly what indexing every article afresh would (term, article, column, offset).
    static func expectKeptTablesExact(_ store: NewsStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let differences = try store.pool.write { db -> [String: Int] in
            func both(_ kept: String, _ counted: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM (\(kept) EXCEPT \(counted))) + (SELECT COUNT(*) FROM (\(counted) EXCEPT \(kept)))") ?? -1
            }
            var result: [String: Int] = [:]
            result["article_count"] = try both("SELECT count FROM article_count", "SELECT COUNT(*) FROM articles")
            result["entity_counts"] = try both("SELECT entity_id, article_count, mention_count FROM entity_counts",
                                               "SELECT entity_id, COUNT(*), SUM(count) FROM mentions GROUP BY entity_id")
            result["entity_aliases"] = try both("SELECT entity_id, text, count FROM entity_aliases",
                                                     "SELECT entity_id, text, COUNT(*) FROM mention_spans GROUP BY entity_id, text")
            result["entity_articles"] = try both("SELECT entity_id, sort_key FROM entity_articles",
                                                 "SELECT m.entity_id, a.sort_key FROM mentions m JOIN articles a ON a.id = m.article_id")
            result["pending"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_search_pending") ?? -1
            try db.execute(sql: """
                CREATE VIRTUAL TABLE temp.fresh USING fts5(headline, paragraph, caption, content = '', tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO temp.fresh (rowid, headline, paragraph, caption) SELECT sort_key, headline, paragraph, caption FROM article_search_text;
                CREATE VIRTUAL TABLE temp.kept_terms USING fts5vocab(main, 'article_search', 'instance');
                CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, 'fresh', 'instance');
                """)
            result["article_search"] = try both("SELECT * FROM temp.kept_terms", "SELECT * FROM temp.fresh_terms")
            result["article_search rows"] = try both("SELECT rowid FROM article_search", "SELECT sort_key FROM articles")
            try db.execute(sql: "DROP TABLE temp.kept_terms; DROP TABLE temp.fresh_terms; DROP TABLE temp.fresh")
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('integrity-check')")
            return result
        }
        #expect(differences.values.allSatisfy { $0 == 0 }, "\(differences)", sourceLocation: sourceLocation)
    }

    /// Makes readers take the slower path through `search` until the next write of the store, as
    /// when another writer changed text: an article id that does not exist, listed as pending.
    static func setArticleIndexAside(_ store: NewsStore) throws {
        try store.executeAsAnotherWriter("INSERT INTO article_search_pending (article_id) VALUES (-1)")
    }

    /// Every page of a listing, followed through `next` two at a time, with the totals reported.
    static func walk(_ store: NewsStore, _ filter: ArticleFilter, _ order: ArticleOrder) throws -> (ids: [Int64], totals: Set<Int>) {
        var ids: [Int64] = []
        var totals: Set<Int> = []
        var key: PageKey?
        repeat {
            let page = try store.articles(filter, order: order, limit: 2, after: key)
            ids += page.data.map(\.id)
            totals.insert(page.total)
            key = page.next
        } while key != nil
        return (ids, totals)
    }

    // MARK: Kept counts

    @Test func keptTablesStayExactThroughEveryKindOfWrite() throws {
        try withTemporaryStore { store, _ in
            let ids = try store.storeBatch(try Self.corpus()).map(\.id)
            try Self.expectKeptTablesExact(store)
            #expect(try store.articleCount() == ids.count)

            // A reparse with a different result: fewer paragraphs, another caption and date.
            #expect(try store.reparse(articleID: ids[1]) { document in
                var article = try Self.parser.parse(document)
                article.paragraphs = Array(article.paragraphs.prefix(2))
                article.captions = [Fixtures.hifterCaption]
                article.publishedAt = Fixtures.date(2001, 2, 3)
                return article
            })
            try Self.expectKeptTablesExact(store)

            // Edits of the headline and the date move the article in the index and in its entities' order.
            #expect(try store.editArticle(id: ids[2], ArticleEdit(headline: "Quokkas Seen in Tripoli", publishedAt: .some(nil))))
            #expect(try store.editArticle(id: ids[3], ArticleEdit(publishedAt: .some(Fixtures.date(1999, 12, 31)))))
            try Self.expectKeptTablesExact(store)
            #expect(try store.articles(ArticleFilter(search: SearchQuery("quokkas"))).data.map(\.id) == [ids[2]])

            #expect(try store.deleteArticle(id: ids[4]))
            try Self.expectKeptTablesExact(store)
            #expect(try store.articleCount() == ids.count - 1)

            let entities = try store.entities(limit: 100).data
            #expect(try store.mergeEntity(entities[1].id, into: entities[0].id) == .merged)
            #expect(try store.editEntity(id: entities[0].id, EntityEdit(name: "Renamed Entity")) == .edited)
            try Self.expectKeptTablesExact(store)

            // Plain SQL, as another writer: the triggers keep the counts; the index catches up with
            // the store's next write.
            try store.executeAsAnotherWriter("DELETE FROM paragraphs WHERE article_id = \(ids[5]) AND position = 0")
            try store.executeAsAnotherWriter("UPDATE captions SET text = 'A quokka on a pier.' WHERE article_id = \(ids[0]) AND position = 0")
            try store.executeAsAnotherWriter("DELETE FROM articles WHERE id = \(ids[6])")
            _ = try store.store(Fixtures.article("Fishermen protest in Madrid.").0, Fixtures.article("Fishermen protest in Madrid.").1)
            try Self.expectKeptTablesExact(store)
        }
    }

    /// Paragraphs and captions inserted into a stored article list it through the writer, not a
    /// trigger (0007): a reparse that gives an article without any its first ones, and a writer that
    /// inserts by hand after the statements ArticleSearchIndex.list runs.
    @Test func partsAddedToAStoredArticleReachTheArticleIndex() throws {
        try withTemporaryStore { store, _ in
            var bare = try Fixtures.article("Wombats dig burrows.", headline: "Wildlife Report")
            bare.1.paragraphs = []
            let id = try store.store(bare.0, bare.1).id
            try Self.expectKeptTablesExact(store)
            #expect(try store.articles(ArticleFilter(search: SearchQuery("burrows"))).data.isEmpty)

            #expect(try store.reparse(articleID: id) { _ in
                var article = try Fixtures.article("Wombats dig burrows.", headline: "Wildlife Report").1
                article.captions = [Fixtures.hifterCaption]
                return article
            })
            try Self.expectKeptTablesExact(store)
            #expect(try store.articles(ArticleFilter(search: SearchQuery("burrows"))).data.map(\.id) == [id])

            try store.executeAsAnotherWriter("""
                INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
                SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text
                WHERE id = \(id) AND NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = \(id));
                INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (\(id));
                INSERT INTO paragraphs (article_id, position, text) VALUES (\(id), 7, 'Numbats eat termites.');
                INSERT INTO search (rowid, paragraph) VALUES ((\(id) << 24) | (1 << 22) | 7, 'Numbats eat termites.');
                """)
            _ = try store.store(Fixtures.article("An unrelated story.").0, Fixtures.article("An unrelated story.").1)
            try Self.expectKeptTablesExact(store)
            #expect(try store.articles(ArticleFilter(search: SearchQuery("numbats"))).data.map(\.id) == [id])
        }
    }

    @Test func theMigrationFillsTheKeptTablesForArticlesStoredBeforeIt() throws {
        let all = try Migration.bundled()
        try withTemporaryStore(migrations: all.filter { $0.name < "0006" }) { store, path in
            _ = try store.storeBatch(Array(try Self.corpus().prefix(6)))
            try store.close()
            let upgraded = try NewsStore(path: path, migrations: all, now: { Fixtures.now })
            try Self.expectKeptTablesExact(upgraded)
            #expect(try upgraded.articleCount() == 6)
        }
    }

    @Test func theSortKeyIsTheNewestFirstOrder() throws {
        try withTemporaryStore { store, _ in
            for (index, date) in [Fixtures.date(2019, 3, 1), nil, Fixtures.date(2019, 3, 1), Fixtures.date(1870, 1, 2), Fixtures.date(9999, 12, 31)].enumerated() {
                let item = try Fixtures.article("Story \(index).", publishedAt: date)
                _ = try store.store(item.0, item.1)
            }
            let (ids, keys, dates) = try store.pool.read { db in
                (try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY sort_key"),
                 try Int64.fetchAll(db, sql: "SELECT sort_key FROM articles ORDER BY sort_key"),
                 try String?.fetchAll(db, sql: "SELECT published_at FROM articles ORDER BY sort_key"))
            }
            for (id, (key, date)) in zip(ids, zip(keys, dates)) {
                #expect(ArticleSortKey.key(date: date, id: id) == key)
                #expect(ArticleSortKey.articleID(of: key) == id)
                #expect((key >= ArticleSortKey.firstUndated) == (date == nil))
            }
            #expect(ids == (try store.articles(limit: 10).data.map(\.id)))
        }
    }

    // MARK: The article index

    @Test func searchesFindTheSameArticlesThroughEitherIndex() throws {
        try withTemporaryStore { store, _ in
            let corpus = try Self.corpus()
            _ = try store.storeBatch(corpus)
            // Words from every article, pairs of them, phrases, and phrases across a paragraph seam
            // (the last word of one paragraph, the first of the next), which must match nowhere
            // unless written so somewhere else.
            func words(_ text: String) -> [String] {
                text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
            }
            var queries: [String] = []
            for (index, (_, article)) in corpus.enumerated() {
                let body = words(article.paragraphs.joined(separator: " "))
                guard body.count > 40 else { continue }
                queries += [body[index % 7], body[20 + index % 5] + " " + body[33], "\"\(body[10]) \(body[11])\"", "\(body[3]) OR \(body[25])",
                            "\(body[5]) -\(body[30])", String(body[15].prefix(3)) + "*"]
                for (first, second) in zip(article.paragraphs, article.paragraphs.dropFirst()) {
                    if let last = words(first).last, let next = words(second).first {
                        queries.append("\"\(last) \(next)\"")
                    }
                }
            }
            queries += ["said", "libya", "\"prime minister\"", "minister election", "photo", "a"]

            var fast: [String: [Int64]] = [:]
            for text in queries {
                fast[text] = try Self.walk(store, ArticleFilter(search: SearchQuery(text)), .newestFirst).ids
            }
            try Self.setArticleIndexAside(store)
            for text in queries {
                let filter = ArticleFilter(search: try SearchQuery(text))
                let slow = try Self.walk(store, filter, .newestFirst)
                #expect(fast[text] == slow.ids, "\(text)")
                #expect(slow.totals == [slow.ids.count], "\(text)")
            }
        }
    }

    @Test func keyedPagesAgreeWithTheGeneralListing() throws {
        try withTemporaryStore { store, _ in
            _ = try store.storeBatch(try Self.corpus())
            let undated = try Fixtures.article("Libya said nothing, the minister said.", entities: [NamedEntity(name: "Libya", type: .gpe, mentions: 1)])
            _ = try store.storeBatch([undated, try Fixtures.article("Libya again, said an undated story.", entities: [NamedEntity(name: "Libya", type: .gpe, mentions: 1)])])
            let libya = try #require(try store.entities(prefix: "Libya", type: .gpe).data.first { $0.name == "Libya" }?.id)
            let from = Fixtures.date(2019, 1, 1), to = Fixtures.date(2019, 12, 31)
            let said = try SearchQuery("said")
            for order in [ArticleOrder.newestFirst, .oldestFirst] {
                // Each pair: a filter that one index yields in order, and one that says the same
                // but goes through the general listing (an entity repeated; the search index set aside).
                let entityPairs = [
                    (ArticleFilter(entityIDs: [libya]), ArticleFilter(entityIDs: [libya, libya])),
                    (ArticleFilter(entityIDs: [libya], from: from), ArticleFilter(entityIDs: [libya, libya], from: from)),
                    (ArticleFilter(entityIDs: [libya], from: from, to: to), ArticleFilter(entityIDs: [libya, libya], from: from, to: to)),
                    (ArticleFilter(entityIDs: [libya], to: to), ArticleFilter(entityIDs: [libya, libya], to: to)),
                ]
                for (keyed, general) in entityPairs {
                    let fast = try Self.walk(store, keyed, order)
                    let slow = try Self.walk(store, general, order)
                    #expect(fast.ids == slow.ids, "\(keyed) \(order)")
                    #expect(fast.totals == [fast.ids.count] && slow.totals == [slow.ids.count], "\(keyed) \(order)")
                }
                let searches = [ArticleFilter(search: said), ArticleFilter(search: said, from: from), ArticleFilter(search: said, to: to),
                                ArticleFilter(search: said, from: to, to: from)]
                let fast = try searches.map { try Self.walk(store, $0, order) }
                try Self.setArticleIndexAside(store)
                for (filter, fast) in zip(searches, fast) {
                    let slow = try Self.walk(store, filter, order)
                    #expect(fast.ids == slow.ids, "\(filter) \(order)")
                    #expect(fast.totals == [fast.ids.count], "\(filter) \(order)")
                }
                // The next write catches up and readers go back to the article index.
                _ = try store.store(Fixtures.article("Catching up, \(order).").0, Fixtures.article("Catching up, \(order).").1)
            }
        }
    }

    @Test func anotherWritersChangesAreFoundBeforeAndAfterTheIndexCatchesUp() throws {
        try withTemporaryStore { store, path in
            let ids = try store.storeBatch(Array(try Self.corpus().prefix(4))).map(\.id)
            try store.executeAsAnotherWriter("UPDATE paragraphs SET text = 'The wombat census began.' WHERE article_id = \(ids[2]) AND position = 0")
            let wombat = ArticleFilter(search: try SearchQuery("wombat"))
            #expect(try store.articles(wombat).data.map(\.id) == [ids[2]])
            #expect(try store.articles(wombat, order: .relevance).data.map(\.id) == [ids[2]])

            // Opening the store catches up too.
            let reopened = try NewsStore(path: path, migrations: Migration.bundled(), now: { Fixtures.now })
            try Self.expectKeptTablesExact(reopened)
            #expect(try reopened.articles(wombat).data.map(\.id) == [ids[2]])
        }
    }

    @Test func keptSearchTotalsFollowEveryChangeToTheIndex() throws {
        try withTemporaryStore { store, _ in
            let ids = try store.storeBatch(Array(try Self.corpus().prefix(5))).map(\.id)
            let kangaroo = ArticleFilter(search: try SearchQuery("kangaroo"))
            func total() throws -> Int { try store.articles(kangaroo).total }
            #expect(try total() == 0)
            #expect(try total() == 0)

            let item = try Fixtures.article("A kangaroo crossed the runway.")
            let id = try store.store(item.0, item.1).id
            #expect(try total() == 1)
            #expect(try store.editArticle(id: ids[0], ArticleEdit(headline: "Kangaroo Census Begins")))
            #expect(try total() == 2)
            #expect(try store.deleteArticle(id: id))
            #expect(try total() == 1)
            // Another writer: searched through `search` meanwhile, then counted again once indexed.
            try store.executeAsAnotherWriter("UPDATE paragraphs SET text = 'Kangaroo meat exports rose.' WHERE article_id = \(ids[1]) AND position = 0")
            #expect(try total() == 2)
            _ = try store.store(Fixtures.article("Unrelated.").0, Fixtures.article("Unrelated.").1)
            #expect(try total() == 2)
            #expect(try store.articles(ArticleFilter(search: try SearchQuery("kangaroo"), from: Fixtures.date(1900, 1, 1))).total
                    == store.articles(ArticleFilter(search: try SearchQuery("kangaroo")), limit: 100).data.filter { $0.publishedAt != nil }.count)
        }
    }

    @Test func pagesAreReadFromTheIndexesWithoutSorting() throws {
        try withTemporaryStore { store, _ in
            // The statements ArticleListing runs for a keyed page: FTS5 yields rowids in order and stops
            // at the LIMIT; entity_articles is searched by its primary key. No temporary B-tree sorts.
            let search = try store.queryPlan("""
                SELECT rowid FROM article_search WHERE article_search MATCH 'said' AND rowid >= 5 AND rowid <= 99 ORDER BY rowid ASC LIMIT 21
                """)
            #expect(search.count == 1 && search[0].hasPrefix("SCAN article_search VIRTUAL TABLE INDEX"), "\(search)")
            let descending = try store.queryPlan("""
                SELECT rowid FROM article_search WHERE article_search MATCH 'said' AND rowid >= 5 AND rowid <= 99 ORDER BY rowid DESC LIMIT 21
                """)
            #expect(!descending.joined().contains("TEMP B-TREE"), "\(descending)")
            let entity = try store.queryPlan("""
                SELECT sort_key FROM entity_articles WHERE entity_id = 7 AND sort_key >= 5 AND sort_key <= 99 ORDER BY sort_key DESC LIMIT 21
                """)
            #expect(entity == ["SEARCH entity_articles USING PRIMARY KEY (entity_id=? AND sort_key>? AND sort_key<?)"], "\(entity)")
            let detail = try store.queryPlan("SELECT text, count FROM entity_aliases WHERE entity_id = 7 ORDER BY count DESC, text")
            #expect(detail.first == "SEARCH entity_aliases USING PRIMARY KEY (entity_id=?)", "\(detail)")
        }
    }

    // MARK: Entities

    @Test func anEntityShowsItsNewestArticlesAndTheKeyToTheRest() throws {
        try withTemporaryStore { store, _ in
            let count = EntityDetail.articleLimit + 3
            let items = try (0..<count).map { day in
                try Fixtures.article("Rain in Oslo, day \(day).", publishedAt: Fixtures.date(2020, 1, day + 1),
                                     entities: [NamedEntity(name: "Oslo", type: .gpe, mentions: 2, aliases: [EntityAlias(text: "Oslo", count: 2)])])
            }
            _ = try store.storeBatch(items)
            let oslo = try #require(try store.entities().data.first)
            let detail = try #require(try store.entity(id: oslo.id))
            #expect(detail.articleCount == count && detail.mentionCount == 2 * count)
            #expect(detail.articles.total == count)
            #expect(detail.articles.data.count == EntityDetail.articleLimit)
            #expect(detail.articles.data.map(\.publishedAt) == (0..<EntityDetail.articleLimit).map { Fixtures.date(2020, 1, count - $0) })
            let rest = try store.articles(ArticleFilter(entityIDs: [oslo.id]), limit: 100, after: detail.articles.next)
            #expect(rest.data.count == 3)
            #expect(Set(rest.data.map(\.id)).isDisjoint(with: detail.articles.data.map(\.id)))
        }
    }
}
