import HTTPServer
import NewsStore

/// The article listing with its filters and search, its NDJSON export, and the search across
/// articles and captions.
extension NewsAPI {
    /// `GET /v1/articles`: a page of summaries, or with `Accept: application/x-ndjson` every
    /// matching article in full (see ``NDJSONExport``).
    func listArticles(_ request: HTTPRequest) throws -> HTTPResponse {
        let listing = try ArticleListingParameters(request, route: "/v1/articles")
        let parameters = Parameters(request: request)
        let limit = try parameters.limit()
        let key = try parameters.cursor(for: listing.identity)
        // The body depends on Accept, so caches must key on it too (RFC 9110 §12.5.5).
        if NDJSONExport.isRequested(by: request) {
            return try readListing { try NDJSONExport.response(store: store, filter: listing.filter, order: listing.order, after: key,
                                                               fields: ["Vary": "Accept"], logger: logger) }
        }
        let page = try readListing { try store.articles(listing.filter, order: listing.order, limit: limit, after: key) }
        return ListingResponse.response(page, for: request, listing: listing.identity, fields: ["Vary": "Accept"])
    }

    /// `GET /v1/search?q=`: articles and captions that match, best first, each with highlights.
    func search(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = Parameters(request: request)
        guard let query = try parameters.searchQuery() else {
            throw APIError.invalidQuery("q", "it is missing; give the words to search for")
        }
        let limit = try parameters.limit()
        let listing = ListingIdentity(route: "/v1/search", ["q": query.text])
        let key = try parameters.cursor(for: listing)
        let page = try readListing { try store.search(query, limit: limit, after: key) }
        return ListingResponse.response(page, for: request, listing: listing)
    }
}
