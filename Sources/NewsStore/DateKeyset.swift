internal import GRDB
import NewsIngest

/// Keyset pagination in publication-day order over `articles AS a`, undated articles last in both
/// directions, ties by article id (highest first when newest first, lowest first otherwise), and
/// optionally, within one article, by an ascending column such as `c.position`.
///
/// The order is read in segments, dated articles then undated ones, because a single condition
/// such as `published_at < ? OR published_at IS NULL` makes SQLite scan from the start instead of
/// seeking: each segment's condition is a row-value range that `articles_newest_first_covering` serves.
struct DateKeyset {
    let newestFirst: Bool
    /// Orders the rows of one article (`c.position` for captions); nil for a listing of articles.
    let within: String?

    /// The sort key of one row.
    struct Position: Hashable {
        var date: String?
        var article: Int64
        var within: Int64?
    }

    /// One part of the order: the rows it holds after a position, and how to sort them.
    struct Segment {
        let condition: SQL
        let ordering: SQL
    }

    /// The segments to read, in order, for the rows after `position` (all rows when nil).
    func segments(after position: Position?) -> [Segment] {
        let comparison = newestFirst ? "<" : ">"
        let direction = newestFirst ? "DESC" : "ASC"
        let withinOrdering: SQL = within.map { ", \(sql: $0)" } ?? ""
        var segments: [Segment] = []
        // The rest of the article the position is in comes first, in its own segment, so that each
        // segment stays one range: `(date, id) < (?, ?) OR (id = ? AND position > ?)` would not be.
        if let within, let position, let value = position.within {
            segments.append(Segment(condition: "a.id = \(position.article) AND \(sql: within) > \(value)", ordering: "\(sql: within)"))
        }
        if position == nil || position?.date != nil {
            var condition: SQL = "a.published_at IS NOT NULL"
            if let position, let date = position.date {
                condition = "\(condition) AND (a.published_at, a.id) \(sql: comparison) (\(date), \(position.article))"
            }
            segments.append(Segment(condition: condition, ordering: "a.published_at \(sql: direction), a.id \(sql: direction)\(withinOrdering)"))
        }
        var undated: SQL = "a.published_at IS NULL"
        if let position, position.date == nil {
            undated = "\(undated) AND a.id \(sql: comparison) \(position.article)"
        }
        segments.append(Segment(condition: undated, ordering: "a.id \(sql: direction)\(withinOrdering)"))
        return segments
    }

    /// The page key for a row: `[date or null, article id]`, plus the `within` value when ordered within articles.
    func key(_ position: Position) -> PageKey {
        var parts: [PageKey.Part] = [position.date.map(PageKey.Part.text) ?? .null, .integer(position.article)]
        if let value = position.within { parts.append(.integer(value)) }
        return PageKey(parts)
    }

    /// Reads a key made by ``key(_:)``.
    ///
    /// - Throws: ``ListingError/invalidPageKey`` for any other shape, or a date that is not `YYYY-MM-DD`.
    func position(_ key: PageKey) throws -> Position {
        let expected = within == nil ? 2 : 3
        guard key.parts.count == expected, case .integer(let article) = key.parts[1] else { throw ListingError.invalidPageKey }
        var position = Position(date: nil, article: article)
        switch key.parts[0] {
        case .null: break
        case .text(let text) where CalendarDate(iso8601: text) != nil: position.date = text
        default: throw ListingError.invalidPageKey
        }
        if within != nil {
            guard case .integer(let value) = key.parts[2] else { throw ListingError.invalidPageKey }
            position.within = value
        }
        return position
    }
}
