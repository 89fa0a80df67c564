/// The character encoding a sender declares for a document, for example in an HTTP `charset=` parameter.
public enum DeclaredEncoding: Hashable, Sendable {
    /// UTF-8, or nothing declared. Bytes that are not valid UTF-8 still fall back to Windows-1252, with a warning.
    case utf8
    /// Windows-1252. Also stands for ISO-8859-1, Latin-1 and US-ASCII, which browsers decode as Windows-1252.
    case windows1252

    /// The encoding for a `charset` label (case-insensitive, surrounding quotes and spaces ignored),
    /// or nil for a label this module cannot decode.
    public init?(charset label: some StringProtocol) {
        var name = label.trimmingWhitespace().lowercased()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
             "us-ascii", "ascii": self = .windows1252
        default: return nil
        }
    }
}
