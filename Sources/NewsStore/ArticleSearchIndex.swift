internal import GRDB

/// The `article_search` FTS5 table of `Migrations/0006_read_counts_and_article_search.sql`: one
/// row per article, its headline, paragraphs and captions in the columns `search` uses, under the
/// article's ``ArticleSortKey`` as rowid. It answers which articles match a query, how many, and
/// which come first in date order; `search` still serves highlights and relevance, which need to
/// know the matching paragraph or caption.
enum ArticleSearchIndex {
    /// Indexes the articles listed in `article_search_pending` and empties the list. The store runs
    /// it at the end of every write transaction (``NewsStore/write(_:)``), so that readers find
    /// every article indexed; the migration's triggers have already removed the out-of-date rows.
    static func catchUp(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO article_search (rowid, headline, paragraph, caption)
            SELECT sort_key, headline, paragraph, caption FROM article_search_text
            WHERE id IN (SELECT article_id FROM article_search_pending)
            """).execute()
        try db.cachedStatement(sql: "DELETE FROM article_search_pending").execute()
    }

    /// Removes the row of the stored article `articleID` and lists the article as pending, unless it
    /// is pending already: what a writer runs before it inserts paragraphs or captions of a stored
    /// article (`Migrations/0007_article_search_listing_by_writers.sql`), while the article's texts and
    /// date are still what its row was indexed with. Updates and deletes need not: triggers do it.
    static func list(_ articleID: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
            SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text
            WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = ?1)
            """).execute(arguments: [articleID])
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (?)").execute(arguments: [articleID])
    }

    /// True when every article has its current row: always, unless a writer other than the store
    /// changed text. Readers that find it false search `search` instead, which is exact but slower.
    static func isCurrent(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT NOT EXISTS (SELECT 1 FROM article_search_pending)")) ?? false
    }

    /// The sort keys of the articles whose text in `fields` matches `query`, as a subquery: every
    /// clause somewhere in those fields of the article, no exclusion anywhere in them (the
    /// semantics of ``SearchIndex/matchingArticles(_:in:)``, in one look-up per term).
    static func matchingKeys(_ query: SearchQuery, in fields: Set<SearchIndex.Field>) -> SQL {
        "SELECT rowid FROM article_search WHERE article_search MATCH \(SearchIndex.expression(query.expression, in: fields))"
    }

    /// The ids of the same articles, as a subquery.
    static func matchingArticles(_ query: SearchQuery, in fields: Set<SearchIndex.Field>) -> SQL {
        """
        SELECT \(sql: ArticleSortKey.articleIDSQL("rowid")) FROM article_search
        WHERE article_search MATCH \(SearchIndex.expression(query.expression, in: fields))
        """
    }
}
