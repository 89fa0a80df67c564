/// Failures of the store itself. Database failures are thrown as GRDB's `DatabaseError`.
public enum NewsStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `.sql` migration was found in the bundle: the package resources are missing.
    case noMigrations
    /// A stored value does not decode (for example a date that is not `YYYY-MM-DD`).
    case corruptValue(column: String, value: String)
    /// The database's folder is missing and cannot be created; `reason` is the system's message.
    case folderUnavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .noMigrations:
            "no .sql migrations found in the NewsStore resource bundle"
        case .corruptValue(let column, let value):
            "stored value \(value) in column \(column) cannot be decoded"
        case .folderUnavailable(let path, let reason):
            "cannot create the folder \(path): \(reason)"
        }
    }
}
