internal import GRDB

/// Internal views of the database for tests and diagnostics; not part of the API.
extension NewsStore {
    /// Names of the user tables, sorted.
    func tableNames() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
        }
    }

    /// Identifiers of the applied migrations, in the order they were applied.
    func appliedMigrations() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    /// The SQLite journal mode, `wal` for a pool.
    func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// The stored normalised document text of an article.
    func rawText(articleID: Int64) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT raw_text FROM articles WHERE id = ?", arguments: [articleID]) }
    }

    /// SQLite's plan for `sql`, one detail line per step, to check that queries use indexes.
    func queryPlan(_ sql: String) throws -> [String] {
        try pool.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] } }
    }
}
