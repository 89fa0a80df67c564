internal import GRDB

/// The `search` FTS5 table of `Migrations/0004_search.sql`: one row per headline, paragraph or
/// caption, with a rowid that says where its text comes from. ``ArticleWriter`` inserts the rows of
/// what it inserts; triggers follow every UPDATE and DELETE (`Migrations/0005_ingest_aliases_and_index_writes.sql`).
enum SearchIndex {
    /// The kind of text a row holds, which is also its FTS5 column.
    enum Field: Int64, Hashable, Sendable, CaseIterable {
        case headline = 0
        case paragraph = 1
        case caption = 2

        /// The FTS5 column, and the name the API shows.
        var name: String {
            switch self {
            case .headline: "headline"
            case .paragraph: "paragraph"
            case .caption: "caption"
            }
        }
    }

    /// `(article << 24) | (field << 22) | position`, as the migrations' triggers compute it.
    static func rowid(article: Int64, field: Field, position: Int) -> Int64 {
        (article << 24) | (field.rawValue << 22) | Int64(position)
    }

    static func article(ofRow rowid: Int64) -> Int64 { rowid >> 24 }

    static func field(ofRow rowid: Int64) -> Field {
        // Only three kinds are ever written; a fourth would be a corrupt index, read as a paragraph.
        Field(rawValue: (rowid >> 22) & 3) ?? .paragraph
    }

    static func position(ofRow rowid: Int64) -> Int { Int(rowid & 0x3F_FFFF) }

    /// The first rowid after every row of articles up to `article`: rows of those articles are below it.
    static func rowidBound(afterArticle article: Int64) -> Int64 { (article + 1) << 24 }

    /// `expression` narrowed to rows of `fields` with an FTS5 column filter; unchanged for all fields.
    static func expression(_ expression: String, in fields: Set<Field>) -> String {
        guard fields != Set(Field.allCases) else { return expression }
        let columns = Field.allCases.filter(fields.contains).map(\.name).joined(separator: " ")
        return "{\(columns)} : (\(expression))"
    }

    /// Ids of the articles whose rows in `fields`, taken together, match `query`: each clause in
    /// some row, no exclusion in any row. A phrase must stand within one row.
    ///
    /// One MATCH per clause, combined with INTERSECT and EXCEPT; the expressions are bound, not
    /// spliced into the SQL.
    static func matchingArticles(_ query: SearchQuery, in fields: Set<Field>) -> SQL {
        var parts: [SQL] = query.clauses.map { clause in
            "SELECT rowid >> 24 FROM search WHERE search MATCH \(expression(SearchQuery.disjunction(clause), in: fields))"
        }
        var compound = parts.joined(separator: " INTERSECT ")
        if !query.exclusions.isEmpty {
            parts = [compound, "SELECT rowid >> 24 FROM search WHERE search MATCH \(expression(SearchQuery.disjunction(query.exclusions), in: fields))"]
            compound = parts.joined(separator: " EXCEPT ")
        }
        return compound
    }

    /// Calls `body` with the rowid of every row that matches `term`, in rowid order.
    static func forEachRow(matching term: SearchQuery.Term, in db: Database, _ body: (Int64) throws -> Void) throws {
        let rows = try Int64.fetchCursor(db.cachedStatement(sql: "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid"),
                                         arguments: [term.expression])
        while let rowid = try rows.next() { try body(rowid) }
    }

    /// Runs `body`, turning SQLite's refusal of a full-text expression into ``ListingError/unsearchable(message:)``.
    ///
    /// ``SearchQuery`` builds only valid expressions; should one still be refused, the client gets a
    /// 400 that says so rather than a 500, and the message names the defect.
    static func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && (error.message ?? "").hasPrefix("fts5") {
            throw ListingError.unsearchable(message: error.message ?? "")
        }
    }
}
