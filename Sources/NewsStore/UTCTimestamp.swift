import Foundation

/// Formats instants the way `articles.created_at` stores them: ISO 8601 UTC to the second,
/// e.g. `2026-11-29T08:20:00Z`, so that text order is time order.
enum UTCTimestamp {
    static func string(from date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
