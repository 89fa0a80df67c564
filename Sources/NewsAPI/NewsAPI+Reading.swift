import HTTPServer
import NewsIngest
import NewsStore

/// The read-only routes: articles, entities and captions.
extension NewsAPI {
    private struct DataList<Element: Encodable>: Encodable {
        let data: [Element]
    }

    func listArticles(_ request: HTTPRequest) throws -> HTTPResponse {
        let parameters = Parameters(request: request)
        let limit = try parameters.integer("limit", in: 1...100, default: 20)
        let offset = try parameters.integer("offset", in: 0...Int(Int32.max), default: 0)
        return JSONBody.response(try store.articles(limit: limit, offset: offset))
    }

    func showArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "article")
        guard let article = try store.article(id: id) else { throw APIError.notFound("article with id \(id)") }
        return JSONBody.response(article)
    }

    func listEntities(_ request: HTTPRequest) throws -> HTTPResponse {
        var type: EntityType?
        if let text = request.target.queryValue("type") {
            guard let parsed = EntityType(rawValue: text.uppercased()) else {
                let names = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.invalidParameter("type", "one of \(names), not \"\(text)\"")
            }
            type = parsed
        }
        return JSONBody.response(DataList(data: try store.entities(type: type)))
    }

    func showEntity(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "entity")
        guard let entity = try store.entity(id: id) else { throw APIError.notFound("entity with id \(id)") }
        return JSONBody.response(entity)
    }

    func listCaptions(_ request: HTTPRequest) throws -> HTTPResponse {
        JSONBody.response(DataList(data: try store.captions()))
    }
}
