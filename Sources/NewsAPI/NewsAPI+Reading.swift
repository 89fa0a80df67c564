import HTTPServer
import NewsIngest
import NewsStore

/// The read-only routes: articles, entities and captions.
extension NewsAPI {
    func listArticles(_ request: HTTPRequest) throws -> HTTPResponse {
        let (limit, offset) = try Parameters(request: request).page()
        return JSONBody.response(try store.articles(limit: limit, offset: offset))
    }

    func showArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "article")
        guard let article = try store.article(id: id) else { throw APIError.notFound("article with id \(id)") }
        return JSONBody.response(article)
    }

    func listEntities(_ request: HTTPRequest) throws -> HTTPResponse {
        var type: EntityType?
        if let text = try Parameters(request: request).single("type") {
            guard let parsed = EntityType(rawValue: text.uppercased()) else {
                let names = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.invalidParameter("type", "one of \(names), not \"\(text)\"")
            }
            type = parsed
        }
        let (limit, offset) = try Parameters(request: request).page()
        return JSONBody.response(try store.entities(type: type, limit: limit, offset: offset))
    }

    func showEntity(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "entity")
        guard let entity = try store.entity(id: id) else { throw APIError.notFound("entity with id \(id)") }
        return JSONBody.response(entity)
    }

    func listCaptions(_ request: HTTPRequest) throws -> HTTPResponse {
        let (limit, offset) = try Parameters(request: request).page()
        return JSONBody.response(try store.captions(limit: limit, offset: offset))
    }
}
