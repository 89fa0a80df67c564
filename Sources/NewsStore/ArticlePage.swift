/// One page of the newest-first article listing.
///
/// JSON: `{"data": [ArticleSummary], "total", "limit", "offset"}`.
public struct ArticlePage: Hashable, Sendable, Codable {
    /// The articles of this page, newest first.
    public var data: [ArticleSummary]
    /// Number of stored articles, over all pages.
    public var total: Int
    /// The page size applied.
    public var limit: Int
    /// Number of articles skipped before this page.
    public var offset: Int

    public init(data: [ArticleSummary], total: Int, limit: Int, offset: Int) {
        self.data = data
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}
