import HTTPServer
import NewsIngest
import NewsStore

/// The single-resource reads: one article, one entity. The listings are in NewsAPI+Search, +Entities, +Captions.
extension NewsAPI {
    func showArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "article")
        guard let article = try store.article(id: id) else { throw APIError.notFound("article with id \(id)") }
        return JSONBody.response(article)
    }

    func showEntity(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "entity")
        guard let entity = try store.entity(id: id) else { throw APIError.notFound("entity with id \(id)") }
        return EntityResponse.response(entity)
    }
}
