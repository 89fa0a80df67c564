import Foundation

/// One schema migration: a SQL script applied once, identified by its file name.
struct Migration: Hashable, Sendable {
    /// The identifier recorded by GRDB's migrator, e.g. `0001_initial.sql`.
    var name: String
    /// The whole script, executed in the migrator's transaction.
    var sql: String

    /// The `.sql` files bundled with this module, in file-name order.
    ///
    /// - Throws: ``NewsStoreError/noMigrations`` when the bundle holds none;
    ///   Foundation's error when a file cannot be read as UTF-8.
    static func bundled() throws -> [Migration] {
        // Paths rather than `urls(forResourcesWithExtension:)`, which returns `[NSURL]` on Linux.
        // The resource rule flattens the Migrations folder, so the files sit at the bundle root.
        let urls = Bundle.module.paths(forResourcesOfType: "sql", inDirectory: nil).map(URL.init(fileURLWithPath:))
        guard !urls.isEmpty else { throw NewsStoreError.noMigrations }
        return try urls
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { Migration(name: $0.lastPathComponent, sql: try String(contentsOf: $0, encoding: .utf8)) }
    }
}
