/// One page of a listing.
///
/// JSON: `{"data": [Element], "total", "limit", "offset"}`.
public struct Page<Element: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// The items of this page, in the listing's order.
    public var data: [Element]
    /// Number of items in the whole listing, over all pages.
    public var total: Int
    /// The page size applied.
    public var limit: Int
    /// Number of items skipped before this page.
    public var offset: Int

    public init(data: [Element], total: Int, limit: Int, offset: Int) {
        self.data = data
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}

/// A page of the newest-first article listing.
public typealias ArticlePage = Page<ArticleSummary>
