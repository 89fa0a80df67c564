import HTTPServer
import NewsStore

/// What an article listing holds and in which order, read from the query parameters `q`,
/// `entity` (repeatable), `entityName`, `entityType`, `from`, `to`, `hasCaptions` and `sort`.
///
/// `sort` is `-publishedAt` (newest first) by default, with or without `q`: a news search lists the
/// latest matches first unless `sort=relevance` asks for the best ones; `relevance` without `q` is a 400.
struct ArticleListingParameters {
    let filter: ArticleFilter
    let order: ArticleOrder
    /// The listing a cursor must belong to.
    let identity: ListingIdentity

    /// - Parameter route: the path, with its parameters filled in, for ``identity``.
    /// - Throws: a 400 naming the first parameter that is not valid.
    init(_ request: HTTPRequest, route: String) throws(APIError) {
        let parameters = Parameters(request: request)
        let search = try parameters.searchQuery()
        let filter = ArticleFilter(
            search: search, entityIDs: try parameters.ids("entity"), entityName: try parameters.name("entityName"),
            entityType: try parameters.entityType("entityType"), from: try parameters.date("from"), to: try parameters.date("to"),
            hasCaptions: try parameters.boolean("hasCaptions"))
        if let from = filter.from, let to = filter.to, from > to {
            throw .invalidParameter("from", "on or before `to` (\(to)), not \(from)")
        }
        let order = try parameters.choice("sort", default: ArticleOrder.newestFirst)
        if order == .relevance && search == nil {
            throw .invalidParameter("sort", "-publishedAt or publishedAt when there is no `q`: `relevance` ranks the matches of a search")
        }
        self.filter = filter
        self.order = order
        identity = ListingIdentity(route: route, [
            "q": search?.text,
            "entity": filter.entityIDs.isEmpty ? nil : filter.entityIDs.sorted().map(String.init).joined(separator: ","),
            "entityName": filter.entityName,
            "entityType": filter.entityType?.rawValue,
            "from": filter.from?.description,
            "to": filter.to?.description,
            "hasCaptions": filter.hasCaptions.map(String.init),
            "sort": order.rawValue,
        ])
    }
}
