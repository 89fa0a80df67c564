internal import GRDB
import NewsIngest

/// Decoding of stored columns into model values, failing loudly on values the schema should have prevented.
enum StoredValue {
    /// A `YYYY-MM-DD` column, nil when NULL.
    ///
    /// - Throws: ``NewsStoreError/corruptValue(column:value:)`` for any other text.
    static func date(_ row: Row, _ column: String) throws -> CalendarDate? {
        guard let text: String = row[column] else { return nil }
        guard let date = CalendarDate(iso8601: text) else {
            throw NewsStoreError.corruptValue(column: column, value: text)
        }
        return date
    }

    /// An entity type column.
    ///
    /// - Throws: ``NewsStoreError/corruptValue(column:value:)`` for an unknown label.
    static func entityType(_ row: Row, _ column: String) throws -> EntityType {
        let text: String = row[column]
        guard let type = EntityType(rawValue: text) else {
            throw NewsStoreError.corruptValue(column: column, value: text)
        }
        return type
    }

    /// A `mention_spans` row (`section, position, start, "end", text, role`).
    ///
    /// - Throws: ``NewsStoreError/corruptValue(column:value:)`` for an unknown section.
    static func span(_ row: Row) throws -> MentionSpan {
        let text: String = row["section"]
        guard let section = MentionSpan.Section(rawValue: text) else {
            throw NewsStoreError.corruptValue(column: "section", value: text)
        }
        return MentionSpan(section: section, index: row["position"], start: row["start"], end: row["end"],
                           text: row["text"], role: row["role"])
    }
}
