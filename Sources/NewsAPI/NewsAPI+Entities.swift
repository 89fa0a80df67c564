import HTTPServer
import NewsStore

/// The entity listings: all entities (with autocomplete), one entity's articles, and the entities
/// related to one.
extension NewsAPI {
    /// `GET /v1/entities?q=&type=&sort=`: `q` is a prefix of a name or alias, ignoring case.
    func listEntities(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = Parameters(request: request)
        let prefix = try parameters.name("q")
        let type = try parameters.entityType("type")
        let order = try parameters.choice("sort", default: EntityOrder.mostMentioned)
        let limit = try parameters.limit()
        let listing = ListingIdentity(route: "/v1/entities", ["q": prefix, "type": type?.rawValue, "sort": order.rawValue])
        let key = try parameters.cursor(for: listing)
        let page = try readListing { try store.entities(prefix: prefix, type: type, order: order, limit: limit, after: key) }
        return ListingResponse.response(page, for: request, listing: listing)
    }

    /// `GET /v1/entities/{id}/articles`: the articles mentioning the entity, newest first.
    func listEntityArticles(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = Parameters(request: request)
        let id = try parameters.id(resource: "entity")
        let limit = try parameters.limit()
        let listing = Self.entityArticlesListing(id)
        let key = try parameters.cursor(for: listing)
        guard try store.isMentioned(entity: id) else { throw APIError.notFound("entity with id \(id)") }
        let page = try readListing { try store.articles(ArticleFilter(entityIDs: [id]), order: .newestFirst, limit: limit, after: key) }
        return ListingResponse.response(page, for: request, listing: listing)
    }

    /// `GET /v1/entities/{id}/related`: entities mentioned in the same articles, most shared first.
    func listRelatedEntities(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = Parameters(request: request)
        let id = try parameters.id(resource: "entity")
        let limit = try parameters.limit()
        let listing = ListingIdentity(route: "/v1/entities/\(id)/related", [:])
        let key = try parameters.cursor(for: listing)
        guard let page = try readListing({ try store.relatedEntities(to: id, limit: limit, after: key) }) else {
            throw APIError.notFound("entity with id \(id)")
        }
        return ListingResponse.response(page, for: request, listing: listing)
    }

    /// The path of entity `id`'s article listing.
    static func entityArticlesRoute(_ id: Int64) -> String {
        "/v1/entities/\(id)/articles"
    }

    /// The identity of entity `id`'s article listing, which its cursors carry; the entity's own
    /// answer links to its second page (``EntityResponse``) with a cursor of this listing.
    static func entityArticlesListing(_ id: Int64) -> ListingIdentity {
        ListingIdentity(route: entityArticlesRoute(id), [:])
    }
}
