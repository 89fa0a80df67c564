/// Where a page of a listing ends: the sort key of its last item, which the next page starts after.
///
/// Keyset pagination: the next page is read with `WHERE key > last key` in the listing's order
/// rather than by skipping rows, so a page costs the same at any depth, and rows inserted or deleted
/// elsewhere in the listing shift nothing. Every listing's key ends with a unique id, so no two
/// items share a key and a walk meets each item once.
///
/// The parts are plain values so that the API can carry them in an opaque cursor; each listing
/// checks that a key it is given has its own shape and throws ``ListingError/invalidPageKey``
/// otherwise.
public struct PageKey: Hashable, Sendable {
    /// One value of a sort key.
    public enum Part: Hashable, Sendable {
        case integer(Int64)
        /// A finite number (a relevance score).
        case real(Double)
        case text(String)
        /// An absent value, such as the publication date of an undated article.
        case null
    }

    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }
}
