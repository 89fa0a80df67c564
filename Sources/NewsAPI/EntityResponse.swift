import HTTPServer
import NewsIngest
import NewsStore

/// One entity as JSON: `GET /v1/entities/{id}`, and the answer to its PATCH and merge.
///
/// ```
/// {"id", "name", "type", "articleCount", "mentionCount", "aliases": [{"text", "count"}],
///  "articles": {"data": [ArticleSummary], "total": N, "next": "/v1/entities/ID/articles?limit=10&cursor=…" | null}}
/// ```
///
/// `articles` holds the newest ``EntityDetail/articleLimit`` articles, not all of them: the most
/// mentioned entities appear in tens of thousands. `next` is the relative URL of the next page of
/// `GET /v1/entities/{id}/articles`, which continues where `data` stops; `total` is `articleCount`.
enum EntityResponse {
    struct Body: Encodable {
        let id: Int64
        let name: String
        let type: EntityType
        let articleCount: Int
        let mentionCount: Int
        let aliases: [EntityAlias]
        let articles: Articles
    }

    struct Articles: Encodable {
        let data: [ArticleSummary]
        let total: Int
        /// Encoded as null, not left out, when `data` holds every article.
        let next: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(data, forKey: .data)
            try container.encode(total, forKey: .total)
            try container.encode(next, forKey: .next)
        }

        private enum CodingKeys: String, CodingKey {
            case data, total, next
        }
    }

    static func response(_ entity: EntityDetail) -> HTTPResponse {
        let page = entity.articles
        let next = page.next.map {
            "\(NewsAPI.entityArticlesRoute(entity.id))?limit=\(page.limit)&cursor=\(Cursor.encode($0, listing: NewsAPI.entityArticlesListing(entity.id)))"
        }
        return JSONBody.response(Body(
            id: entity.id, name: entity.name, type: entity.type, articleCount: entity.articleCount,
            mentionCount: entity.mentionCount, aliases: entity.aliases,
            articles: Articles(data: page.data, total: page.total, next: next)))
    }
}

// Keys in sorted order, as the API's JSONEncoder writes them.

extension EntityResponse.Body: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("aliases", aliases)
            json.member("articleCount", articleCount)
            json.member("articles", articles)
            json.member("id", id)
            json.member("mentionCount", mentionCount)
            json.member("name", name)
            json.member("type", type)
        }
    }
}

extension EntityResponse.Articles: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("data", data)
            json.member("next", next)
            json.member("total", total)
        }
    }
}

extension EntityAlias: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("count", count)
            json.member("text", text)
        }
    }
}
