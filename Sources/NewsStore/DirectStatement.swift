internal import GRDB
internal import GRDBSQLite

/// A statement from GRDB's statement cache, bound and stepped through the SQLite C API.
///
/// The article writer runs about 130 statements per article. Through `Statement.execute(arguments:)`
/// each one builds a `StatementArguments` array, validates it and goes through GRDB's per-execution
/// bookkeeping (observers, authorizer, scheduling checks), which cost as much as SQLite's own work
/// for these small inserts. Nothing here needs that bookkeeping: the writer runs inside a transaction
/// GRDB opened, and the store registers no transaction observers.
///
/// Use it only inside the transaction of the `Database` it came from. Every call leaves the
/// statement reset, as GRDB expects to find it; bindings are replaced by the next call.
struct DirectStatement {
    /// Kept so the handle stays valid whatever GRDB's cache does.
    private let statement: Statement
    private let handle: OpaquePointer
    private let db: Database

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        self.db = db
    }

    /// Values for the statement's parameters, left to right.
    struct Bindings {
        fileprivate let handle: OpaquePointer
        fileprivate var index: Int32 = 0
        fileprivate var failure: Int32 = SQLITE_OK

        private mutating func check(_ code: Int32) {
            if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        }

        mutating func add(_ value: Int64) {
            index += 1
            check(sqlite3_bind_int64(handle, index, value))
        }

        mutating func add(_ value: Int) { add(Int64(value)) }

        mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

        mutating func add(_ value: Int?) {
            guard let value else { return addNull() }
            add(Int64(value))
        }

        mutating func add(_ value: String?) {
            guard let value else { return addNull() }
            index += 1
            let position = index
            let handle = handle
            // The text is copied by SQLite (SQLITE_TRANSIENT), with its UTF-8 length (O(1) for native
            // strings), so no terminating NUL is looked for.
            let length = Int32(value.utf8.count)
            let code = value.withCString { sqlite3_bind_text(handle, position, $0, length, Self.transient) }
            check(code)
        }

        mutating func addNull() {
            index += 1
            check(sqlite3_bind_null(handle, index))
        }

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    /// Binds the parameters with `bind`, runs the statement to completion and resets it.
    ///
    /// - Throws: `DatabaseError` when SQLite refuses a value or the statement fails (a constraint, say).
    func execute(_ bind: (inout Bindings) -> Void) throws {
        try bindArguments(bind)
        defer { sqlite3_reset(handle) }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Binds the parameters with `bind` and returns the first column of the first row as an integer,
    /// nil when there is no row (or the value is NULL).
    ///
    /// - Throws: `DatabaseError` when SQLite refuses a value or the statement fails.
    func fetchInt64(_ bind: (inout Bindings) -> Void) throws -> Int64? {
        try bindArguments(bind)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE:
            return nil
        default:
            throw error(code)
        }
    }

    private func bindArguments(_ bind: (inout Bindings) -> Void) throws {
        var bindings = Bindings(handle: handle)
        bind(&bindings)
        guard bindings.failure == SQLITE_OK else { throw error(bindings.failure) }
        precondition(bindings.index == sqlite3_bind_parameter_count(handle), "wrong number of arguments for \(statement.sql)")
    }

    private func error(_ code: Int32) -> DatabaseError {
        // After sqlite3_step fails, the connection's message and extended code describe the failure.
        let extended = sqlite3_extended_errcode(db.sqliteConnection)
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: extended != 0 ? extended : code), message: message, sql: statement.sql)
    }
}

/// `INSERT … VALUES (…), (…), …` with up to ``maximumRows`` rows per statement: one statement per
/// chunk instead of one per row, which is most of the cost of a small insert.
///
/// One statement is prepared (and cached by GRDB) per row count used.
final class MultiRowInsert {
    static let maximumRows = 32

    private let db: Database
    private let head: String
    private let row: String
    private let tail: String
    /// The statement for each row count, prepared once.
    private var statementByRows: [Int: DirectStatement] = [:]

    /// - Parameters:
    ///   - head: The statement up to VALUES included ("INSERT INTO t (a, b) VALUES").
    ///   - columns: Parameters per row.
    ///   - tail: What follows the rows (an ON CONFLICT clause), or "".
    init(_ db: Database, _ head: String, columns: Int, tail: String = "") {
        self.db = db
        self.head = head
        row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        self.tail = tail
    }

    /// Inserts `count` rows, binding row `i`'s values with `bind(i, &bindings)`, in order.
    func insert(count: Int, _ bind: (Int, inout DirectStatement.Bindings) -> Void) throws {
        var first = 0
        while first < count {
            let rows = min(Self.maximumRows, count - first)
            let chunkStart = first
            try statement(rows: rows).execute { bindings in
                for index in chunkStart..<chunkStart + rows { bind(index, &bindings) }
            }
            first += rows
        }
    }

    private func statement(rows: Int) throws -> DirectStatement {
        if let statement = statementByRows[rows] { return statement }
        let sql = head + " " + Array(repeating: row, count: rows).joined(separator: ", ") + (tail.isEmpty ? "" : " " + tail)
        let statement = try DirectStatement(db, sql)
        statementByRows[rows] = statement
        return statement
    }
}
