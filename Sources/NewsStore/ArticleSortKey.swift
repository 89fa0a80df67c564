import NewsIngest

/// An article's place in the newest-first order as one integer: `articles.sort_key` of
/// `Migrations/0006_read_counts_and_article_search.sql`, and the rowid of its `article_search`
/// row and of its `entity_articles` rows.
///
///     sort_key = ((99999999 - day) << 36) | (2^36 - 1 - id)
///
/// with `day` the publication day as the number YYYYMMDD, 0 when undated. Ascending keys are the
/// newest-first order (latest day first, undated last, ties by highest id), so a page of a listing
/// in that order is a range of keys, and the oldest-first order is the dated keys descending, then
/// the undated ones descending.
enum ArticleSortKey {
    private static let idBits: Int64 = 36
    /// The low bits, which hold `2^36 - 1 - id`.
    static let idMask: Int64 = (1 << idBits) - 1
    private static let lastDay: Int64 = 99_999_999

    /// The lowest key of an undated article; every dated article's key is below it.
    static let firstUndated: Int64 = lastDay << idBits

    /// The key of the article `id` published on `date` (`YYYY-MM-DD`, nil when undated), as the
    /// generated column computes it.
    static func key(date: String?, id: Int64) -> Int64 {
        ((lastDay - (date.map(day) ?? 0)) << idBits) | (idMask - id)
    }

    /// The key of a listing position.
    static func key(_ position: DateKeyset.Position) -> Int64 {
        key(date: position.date, id: position.article)
    }

    /// The article a key belongs to.
    static func articleID(of key: Int64) -> Int64 {
        idMask - (key & idMask)
    }

    /// The same as ``articleID(of:)`` in SQL, for a column or expression holding a key.
    static func articleIDSQL(_ key: String) -> String {
        "(\(idMask) - (\(key) & \(idMask)))"
    }

    /// The keys of the articles published from `from` to `to`, both included, either open: `lower`
    /// to `upper`, empty when `lower > upper`. Undated articles are left out when either is set, as
    /// ``ArticleFilter`` says. Nil when neither is set.
    static func range(from: CalendarDate?, to: CalendarDate?) -> (lower: Int64, upper: Int64)? {
        guard from != nil || to != nil else { return nil }
        // Later days have lower keys: `to` gives the lower bound and `from` the upper one.
        let lower = to.map { (lastDay - day($0.description)) << idBits } ?? 0
        let upper = from.map { ((lastDay - day($0.description)) << idBits) | idMask } ?? firstUndated - 1
        return (lower, upper)
    }

    /// YYYYMMDD of a `YYYY-MM-DD` text, which the schema guarantees for stored dates.
    private static func day(_ text: String) -> Int64 {
        text.utf8.reduce(0) { value, byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? value * 10 + Int64(byte - UInt8(ascii: "0")) : value
        }
    }
}
