/// Why a document was rejected. Nothing is stored for a rejected document.
public enum IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document is empty or white space only.
    case empty
    /// The document is over ``NewsDocument/maximumByteCount``.
    case tooLarge(byteCount: Int)
    /// The bytes hold NUL or are mostly control characters.
    case binary
    /// The bytes are not valid UTF-8.
    case notUTF8
    /// Every line of the document is site chrome ("Skip to main content", "Share", "Related").
    case onlySiteChrome
    /// Nothing in the document reads as a headline.
    case noHeadline

    public var description: String {
        switch self {
        case .empty: "the document is empty"
        case .tooLarge(let count): "the document is \(count) bytes, over the limit of \(NewsDocument.maximumByteCount)"
        case .binary: "the document is binary data, not text"
        case .notUTF8: "the document is not valid UTF-8 text"
        case .onlySiteChrome: "the document holds only site chrome (navigation, sharing and footer lines), no article"
        case .noHeadline: "no headline found: the document has no line that reads as a title"
        }
    }
}
