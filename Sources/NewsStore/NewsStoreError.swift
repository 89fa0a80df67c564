/// Failures of the store itself. Database failures are thrown as GRDB's `DatabaseError`.
public enum NewsStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `.sql` migration was found in the bundle: the package resources are missing.
    case noMigrations
    /// A stored value does not decode (for example a date that is not `YYYY-MM-DD`).
    case corruptValue(column: String, value: String)

    public var description: String {
        switch self {
        case .noMigrations:
            "no .sql migrations found in the NewsStore resource bundle"
        case .corruptValue(let column, let value):
            "stored value \(value) in column \(column) cannot be decoded"
        }
    }
}
