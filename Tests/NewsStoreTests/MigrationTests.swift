import Foundation
import NewsIngest
@testable import NewsStore
import Testing

@Suite struct MigrationTests {
    @Test func bundledMigrationsAreTheSQLFilesInNameOrder() throws {
        let migrations = try Migration.bundled()
        #expect(migrations.first?.name == "0001_initial.sql")
        #expect(migrations.map(\.name) == migrations.map(\.name).sorted())
        #expect(migrations.allSatisfy { $0.name.hasSuffix(".sql") })
        #expect(migrations[0].sql.contains("CREATE TABLE articles"))
    }

    @Test func openingCreatesTheSchemaInWALMode() throws {
        try withTemporaryStore { store, path in
            // A closure whose only `try`s sit inside #expect is inferred non-throwing, so read first.
            let tables = try store.tableNames()
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(tables == ["article_count", "article_search", "article_search_config", "article_search_data", "article_search_docsize",
                              "article_search_generation", "article_search_idx", "article_search_pending", "articles", "captions", "entities", "entity_aliases",
                              "entity_articles", "entity_counts", "entity_redirects", "grdb_migrations", "mention_spans", "mentions",
                              "paragraphs", "search", "search_config", "search_content", "search_data", "search_docsize", "search_idx"])
            #expect(try store.appliedMigrations() == Migration.bundled().map(\.name))
            #expect(try store.journalMode() == "wal")
            #expect(try store.articleCount() == 0)
        }
    }

    @Test func reopeningAppliesNothingTwiceAndKeepsData() throws {
        try withTemporaryStore { store, path in
            let id = try store.store(Fixtures.seedDocument(), Fixtures.seedArticle()).id
            let reopened = try NewsStore(path: path)
            let again = try NewsStore(path: path)
            #expect(try again.appliedMigrations() == Migration.bundled().map(\.name))
            #expect(try reopened.articleCount() == 1)
            #expect(try again.article(id: id)?.headline == "Italy Brings Together Libya Rivals on Conference Sidelines")
        }
    }

    @Test func laterMigrationsRunOnceInNameOrder() throws {
        let initial = try Migration.bundled()
        // Each script fails if run twice (CREATE TABLE without IF NOT EXISTS) or out of order (0003 needs 0002's table).
        let later = [
            Migration(name: "0002_extra.sql", sql: "CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;"),
            Migration(name: "0003_extra_index.sql", sql: "CREATE INDEX extra_by_id ON extra (id);"),
        ]
        try withTemporaryStore(migrations: initial) { _, path in
            let upgraded = try NewsStore(path: path, migrations: initial + later, now: { Fixtures.now })
            #expect(try upgraded.tableNames().contains("extra"))
            let reopened = try NewsStore(path: path, migrations: initial + later, now: { Fixtures.now })
            #expect(try reopened.appliedMigrations() == (initial + later).map(\.name))
        }
    }

    @Test func aFailingMigrationLeavesNoTrace() throws {
        let broken = try Migration.bundled() + [
            Migration(name: "0002_broken.sql", sql: "CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table;"),
        ]
        try withTemporaryStore { _, path in
            #expect(throws: (any Error).self) {
                _ = try NewsStore(path: path, migrations: broken, now: { Fixtures.now })
            }
            let store = try NewsStore(path: path)
            #expect(try !store.tableNames().contains("half"))
            #expect(try store.appliedMigrations() == Migration.bundled().map(\.name))
        }
    }

    @Test func newestFirstListingReadsTheIndexInsteadOfSorting() throws {
        try withTemporaryStore { store, _ in
            let plan = try store.queryPlan("""
                SELECT \(ArticleSummary.selection) FROM articles a ORDER BY \(ArticleSummary.newestFirst) LIMIT 20
                """)
            // The page comes from the index alone, not from look-ups in `articles`.
            #expect(plan.contains { $0.contains("COVERING INDEX articles_newest_first_covering") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }
}
