internal import GRDB

/// The highest article id when a walk through a listing starts, carried in its page keys.
///
/// Listings whose order depends on other articles (entities by mentions, related entities by shared
/// articles, articles by relevance) count only the articles up to the watermark, so that articles
/// stored during the walk change no count or score it sorts by: the walk meets each item once.
/// Ids grow with each insert (SQLite gives a new row the highest rowid plus one), so the articles
/// up to the watermark are those that existed when the walk began; should the newest article be
/// deleted, its id could be given again, which is the one case this does not cover.
enum Watermark {
    /// The highest article id now; 0 when there is none.
    static func current(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM articles")) ?? 0
    }

    /// The watermark a key carries as its first part.
    ///
    /// - Throws: ``ListingError/invalidPageKey`` when the first part is not a non-negative integer.
    static func read(_ key: PageKey) throws -> Int64 {
        guard case .integer(let watermark)? = key.parts.first, watermark >= 0 else { throw ListingError.invalidPageKey }
        return watermark
    }
}
