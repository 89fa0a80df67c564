internal import GRDB

/// Excerpts of matching rows with the matched words marked, from FTS5's `snippet()`.
enum Highlights {
    /// snippet() marks matches with these control characters, which become `<mark>` tags once the
    /// text around them is escaped; normalised documents hardly ever hold them, and one that did
    /// would only gain a stray mark.
    private static let open: Unicode.Scalar = "\u{2}"
    private static let close: Unicode.Scalar = "\u{3}"
    /// At most 24 tokens around the matches, `…` where the text is cut.
    private static let snippet = "snippet(search, -1, char(2), char(3), '…', 24)"

    /// The best-matching row of one article among `fields`, by FTS5's bm25() with the headline
    /// weighing three times a paragraph (ties by reading order), and its excerpt.
    ///
    /// - Parameter expression: every term of the query joined by OR, so that all of them are marked.
    static func bestRow(of article: Int64, in fields: Set<SearchIndex.Field>, matching expression: String,
                        in db: Database) throws -> (rowid: Int64, html: String)? {
        let lowest = SearchIndex.rowid(article: article, field: .headline, position: 0)
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT rowid, \(snippet) AS excerpt FROM search
            WHERE search MATCH ? AND rowid >= ? AND rowid < ?
            ORDER BY bm25(search, 3.0, 1.0, 1.0), rowid LIMIT 1
            """), arguments: [SearchIndex.expression(expression, in: fields), lowest, SearchIndex.rowidBound(afterArticle: article)])
        return row.map { ($0["rowid"], html(fromSnippet: $0["excerpt"])) }
    }

    /// The excerpt of one row, or nil when the row does not match `expression`.
    static func excerpt(ofRow rowid: Int64, matching expression: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT \(snippet) FROM search WHERE search MATCH ? AND rowid = ?"),
                            arguments: [expression, rowid])
            .map(html(fromSnippet:))
    }

    /// Escapes `&`, `<` and `>`, then turns the snippet markers into `<mark>` and `</mark>`.
    static func html(fromSnippet text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 32)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case open: result += "<mark>"
            case close: result += "</mark>"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
