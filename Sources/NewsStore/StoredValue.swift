internal import GRDB
import NewsIngest

/// Decoding of stored columns into model values, failing loudly on values the schema should have prevented.
enum StoredValue {
    /// A `YYYY-MM-DD` column, nil when NULL.
    ///
    /// - Throws: ``NewsStoreError/corruptValue(column:value:)`` for any other text.
    static func date(_ row: Row, _ column: String) throws -> CalendarDate? {
        try date(row[column], column: column)
    }

    /// A `YYYY-MM-DD` column read by position, as hot paths read rows: looking a column up by
    /// name costs GRDB a case-insensitive search on every call.
    static func date(_ row: Row, at index: Int, column: String) throws -> CalendarDate? {
        try date(row[index], column: column)
    }

    private static func date(_ text: String?, column: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso8601: text) else {
            throw NewsStoreError.corruptValue(column: column, value: text)
        }
        return date
    }

    /// An entity type column.
    ///
    /// - Throws: ``NewsStoreError/corruptValue(column:value:)`` for an unknown label.
    static func entityType(_ row: Row, _ column: String) throws -> EntityType {
        try entityType(row[column], column: column)
    }

    /// An entity type column read by position.
    static func entityType(_ row: Row, at index: Int, column: String) throws -> EntityType {
        try entityType(row[index], column: column)
    }

    private static func entityType(_ text: String, column: String) throws -> EntityType {
        guard let type = EntityType(rawValue: text) else {
            throw NewsStoreError.corruptValue(column: column, value: text)
        }
        return type
    }

    /// A `mention_spans` row's columns `section, position, start, "end", text, role`, read by position from `first` on.
    ///
    /// - Throws: ``NewsStoreError/corruptValue(column:value:)`` for an unknown section.
    static func span(_ row: Row, from first: Int) throws -> MentionSpan {
        let text: String = row[first]
        guard let section = MentionSpan.Section(rawValue: text) else {
            throw NewsStoreError.corruptValue(column: "section", value: text)
        }
        return MentionSpan(section: section, index: row[first + 1], start: row[first + 2], end: row[first + 3],
                           text: row[first + 4], role: row[first + 5])
    }
}
