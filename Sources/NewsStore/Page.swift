/// One page of a listing read with keyset pagination.
public struct Page<Element: Hashable & Sendable>: Hashable, Sendable {
    /// The items of this page, in the listing's order.
    public var data: [Element]
    /// Number of items in the whole listing, over all pages, counted when this page was read.
    public var total: Int
    /// The page size applied.
    public var limit: Int
    /// The key to read the next page after; nil on the last page.
    public var next: PageKey?

    public init(data: [Element], total: Int, limit: Int, next: PageKey?) {
        self.data = data
        self.total = total
        self.limit = limit
        self.next = next
    }
}

/// A page of the article listing.
public typealias ArticlePage = Page<ArticleSummary>
