import Foundation
internal import GRDB
import NewsIngest

/// The article database: one SQLite file in WAL mode, written by one connection at a time
/// and read by several concurrently.
///
/// Every write is a single transaction, so a failure leaves what was stored before untouched.
/// Database failures are thrown as GRDB's `DatabaseError`.
public final class NewsStore: Sendable {
    let pool: DatabasePool
    private let now: @Sendable () -> Date
    /// Whether the schema has `article_search` (migration 0006), which writes keep up to date.
    /// Only tests open a store with fewer migrations.
    private let hasArticleIndex: Bool
    /// Search totals kept between requests of this store.
    let searchTotals = SearchTotals()

    /// Page cache of the writing connection, in KiB (SQLite's default is 2,000). A batch of 256 articles
    /// touches tens of MiB of pages; with the default cache they spill to the WAL mid-transaction.
    static let writerCacheKiB = 65536

    /// Opens (creating if needed) the database at `path` and applies the bundled migrations
    /// not yet applied. Creates the parent directory when missing.
    ///
    /// - Throws: ``NewsStoreError/noMigrations`` when the resource bundle holds no `.sql` file;
    ///   ``NewsStoreError/folderUnavailable(path:reason:)`` when the directory cannot be created;
    ///   `DatabaseError` opening or migrating.
    public convenience init(path: String) throws {
        try self.init(path: path, migrations: Migration.bundled(), now: { Date() })
    }

    /// Opens the database with explicit migrations and clock, so tests can add migrations and pin `createdAt`.
    init(path: String, migrations: [Migration], now: @escaping @Sendable () -> Date) throws {
        try NewsStore.createFolders(URL(fileURLWithPath: path).deletingLastPathComponent().path)

        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process (a CLI import, say) may hold the write lock briefly; wait rather than fail.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // A statement that fires triggers keeps a statement journal, to undo itself alone should it
            // fail halfway; multi-row inserts open one too. In a file, once a transaction's journal has
            // spilled past 64 KiB, every later statement writes each page it changes there as well; in
            // memory it is dropped at the end of each statement. The writer also caches a batch's pages
            // rather than spill them to the WAL and read them back. Neither changes what a commit writes
            // or when it is durable.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.now = now

        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        try migrator.migrate(pool)

        hasArticleIndex = try pool.read { db in try db.tableExists("article_search_pending") }
        // Index what another writer (the sqlite3 shell, say) changed since: until then, searches
        // take the slower path through `search`.
        if hasArticleIndex, try !pool.read(ArticleSearchIndex.isCurrent) {
            try write { _ in }
        }
    }

    /// `mkdir -p` with the system's reason on failure; Foundation's errors on Linux name no cause.
    private static func createFolders(_ folder: String) throws {
        var partial = ""
        for component in folder.split(separator: "/") {
            partial += "/" + component
            // EEXIST also covers a file in the way; SQLite then fails to open with its own message.
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw NewsStoreError.folderUnavailable(path: partial, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Closes every database connection after checkpointing the WAL. Later calls on this store throw.
    ///
    /// - Throws: `DatabaseError` when a statement is still running.
    public func close() throws {
        try pool.close()
    }

    // MARK: Writes

    /// Runs `updates` in one write transaction and, in the same transaction, indexes the articles it
    /// stored or changed in `article_search` (``ArticleSearchIndex/catchUp(_:)``). Every write of the
    /// store goes through here: `pool.write` alone would leave those articles to the slower search.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try pool.write { db in
            let result = try updates(db)
            if hasArticleIndex { try ArticleSearchIndex.catchUp(db) }
            return result
        }
    }

    /// Stores one parsed document in one transaction.
    ///
    /// - Returns: `.created(id)` after inserting the article, its paragraphs, captions and mentions
    ///   (entities are shared by `(name, type)` across articles); `.existing(id)` without writing
    ///   anything when a document with the same normalised text is already stored.
    /// - Throws: `DatabaseError`, for example when a value breaks a schema constraint
    ///   (an entity with `mentions < 1`); nothing is then written.
    public func store(_ document: NewsDocument, _ article: ParsedArticle) throws -> StoreOutcome {
        try storeBatch([(document, article)])[0]
    }

    /// Stores several parsed documents in ONE transaction: all of them, or none if any fails.
    ///
    /// - Returns: One outcome per item, in order. A text repeated within the batch yields
    ///   `.created(id)` first, then `.existing(id)` with the same id.
    /// - Throws: `DatabaseError` when any item cannot be stored; the whole batch is then rolled back.
    public func storeBatch(_ items: [(NewsDocument, ParsedArticle)]) throws -> [StoreOutcome] {
        // Hash before taking the write lock, which other writers are waiting on.
        try storeBatch(identified: items.map { (IdentifiedDocument($0.0), $0.1) })
    }

    /// ``storeBatch(_:)`` for documents already hashed.
    public func storeBatch(identified items: [(IdentifiedDocument, ParsedArticle)]) throws -> [StoreOutcome] {
        guard !items.isEmpty else { return [] }
        let createdAt = UTCTimestamp.string(from: now())
        return try write { db in
            var writer = try ArticleWriter(db: db)
            let outcomes = try items.map { item in
                try writer.write(item.0.document, sha256: item.0.sha256, item.1, createdAt: createdAt)
            }
            try writer.finish()
            return outcomes
        }
    }

    /// Ids of the articles last parsed by a parser older than ``ArticleParser/version`` (all articles
    /// when `all`), in id order, after `afterID`, at most `limit` of them.
    ///
    /// - Throws: `DatabaseError`.
    public func articleIDsToReparse(all: Bool, after afterID: Int64, limit: Int) throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT id FROM articles WHERE (?1 OR parser_version < ?2) AND id > ?3 ORDER BY id LIMIT ?4
                """), arguments: [all, ArticleParser.version, afterID, max(0, limit)])
        }
    }

    /// Number of articles last parsed by a parser older than ``ArticleParser/version``.
    ///
    /// - Throws: `DatabaseError`.
    public func outdatedArticleCount() throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles WHERE parser_version < ?", arguments: [ArticleParser.version]) ?? 0
        }
    }

    /// Re-reads one stored article's raw text with `parse` and replaces its headline, dates, byline,
    /// paragraphs, captions and mentions with the result, in ONE transaction.
    ///
    /// The raw text is read inside the write transaction, so a concurrent writer cannot slip in between.
    ///
    /// - Returns: false when no article has this id.
    /// - Throws: what `parse` throws (nothing is then changed), or `DatabaseError`.
    public func reparse(articleID: Int64, with parse: (NewsDocument) throws -> ParsedArticle) throws -> Bool {
        try write { db in
            guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT raw_text FROM articles WHERE id = ?"),
                                                 arguments: [articleID]) else { return false }
            let article = try parse(try NewsDocument(text: text))
            // Before anything it is indexed with changes: its new paragraphs and captions list nothing.
            if hasArticleIndex { try ArticleSearchIndex.list(articleID, db) }
            var writer = try ArticleWriter(db: db)
            try writer.replaceParts(of: articleID, with: article)
            return true
        }
    }

    /// The id of the stored article with the same normalised text as `document`, or nil.
    ///
    /// - Throws: `DatabaseError`.
    public func existingArticleID(for document: NewsDocument) throws -> Int64? {
        try existingArticleID(for: IdentifiedDocument(document))
    }

    /// ``existingArticleID(for:)-(NewsDocument)`` for a document already hashed.
    ///
    /// - Throws: `DatabaseError`.
    public func existingArticleID(for document: IdentifiedDocument) throws -> Int64? {
        try pool.read { db in try ArticleWriter.articleID(sha256: document.sha256, in: db) }
    }

    // MARK: Reads

    /// Number of stored articles.
    ///
    /// - Throws: `DatabaseError`.
    public func articleCount() throws -> Int {
        // One statement sees one snapshot by itself: no transaction around it (GRDB's read opens one).
        try pool.unsafeRead { db in try ArticleReader(db: db).articleCount() }
    }

    /// The article with this id and all its parts, or nil when there is none.
    ///
    /// - Throws: `DatabaseError`; ``NewsStoreError/corruptValue(column:value:)`` for an undecodable stored value.
    public func article(id: Int64) throws -> ArticleDetail? {
        try pool.read { db in try ArticleReader(db: db).article(id: id) }
    }

    /// The entity with this id, its totals and its articles newest first; nil when no article mentions it.
    ///
    /// - Throws: `DatabaseError`.
    public func entity(id: Int64) throws -> EntityDetail? {
        try pool.read { db in try ArticleReader(db: db).entity(id: id) }
    }
}
