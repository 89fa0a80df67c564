import HTTPServer
import NewsStore

extension NewsAPI {
    /// `GET /v1/captions?q=&isFilePhoto=&entity=`: captions by article newest first, each with its entities.
    func listCaptions(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = Parameters(request: request)
        let filter = CaptionFilter(search: try parameters.searchQuery(), isFilePhoto: try parameters.boolean("isFilePhoto"),
                                   entityIDs: try parameters.ids("entity"))
        let limit = try parameters.limit()
        let listing = ListingIdentity(route: "/v1/captions", [
            "q": filter.search?.text,
            "isFilePhoto": filter.isFilePhoto.map(String.init),
            "entity": filter.entityIDs.isEmpty ? nil : filter.entityIDs.sorted().map(String.init).joined(separator: ","),
        ])
        let key = try parameters.cursor(for: listing)
        let page = try readListing { try store.captions(filter, limit: limit, after: key) }
        return ListingResponse.response(page, for: request, listing: listing)
    }
}
