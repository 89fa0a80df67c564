import HTTPServer
import Logging
import NewsIngest
import NewsStore

/// The news REST API: the `/v1` routes over a ``NewsStore``, as JSON.
///
/// Every error is an RFC 9457 `application/problem+json` response.
public struct NewsAPI: Sendable {
    let intake: DocumentIntake
    let access: WriteAccess
    let logger: Logger
    var store: NewsStore { intake.store }

    /// - Parameters:
    ///   - access: who may use the routes that write; checked for every route, those added later included.
    ///   - logger: receives unexpected failures (database errors) that clients see only as a 500.
    public init(intake: DocumentIntake, access: WriteAccess = .open, logger: Logger = Logger(label: "newsapi.api")) {
        self.intake = intake
        self.access = access
        self.logger = logger
    }

    /// The routes, ready for an ``HTTPServer``.
    public func router() -> Router {
        var router = Router()
        router.add(.get, "/openapi.json", route(openAPI))
        router.add(.get, "/v1/health", route(health))
        router.add(.get, "/v1/articles", route(listArticles))
        router.add(.post, "/v1/articles", route(createArticle))
        router.add(.post, "/v1/articles/batch", streamingBody: true, route(createBatch))
        router.add(.get, "/v1/articles/{id}", route(showArticle))
        router.add(.patch, "/v1/articles/{id}", route(patchArticle))
        router.add(.delete, "/v1/articles/{id}", route(deleteArticle))
        router.add(.get, "/v1/entities", route(listEntities))
        router.add(.get, "/v1/entities/{id}", route(showEntity))
        router.add(.patch, "/v1/entities/{id}", route(patchEntity))
        router.add(.post, "/v1/entities/{id}/merge", route(mergeEntity))
        router.add(.get, "/v1/entities/{id}/articles", route(listEntityArticles))
        router.add(.get, "/v1/entities/{id}/related", route(listRelatedEntities))
        router.add(.get, "/v1/captions", route(listCaptions))
        router.add(.get, "/v1/search", route(search))
        // Every write, on every route, passes the access check before its body is read.
        router.gate = access
        return router
    }

    /// Maps thrown errors to problems in one place: API errors keep their status, anything else is a 500.
    private func route(_ handler: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) -> @Sendable (HTTPRequest) -> HTTPResponse {
        { request in
            do {
                return try handler(request)
            } catch let error as APIError {
                return error.response
            } catch {
                // The cause may name tables or files; it goes to the log, not to the client.
                logger.error("\(request.method) \(request.head.target) failed: \(error)")
                return ProblemDetails(status: .internalServerError, detail: "the request could not be completed; the server log has the cause").response()
            }
        }
    }

    /// `GET /v1/health`'s body: `{"articles": N, "status": "ok"}`.
    public struct Health: Encodable, JSONWritable {
        public let status: String
        /// Number of stored articles.
        public let articles: Int

        public init(status: String, articles: Int) {
            self.status = status
            self.articles = articles
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("articles", articles)
                json.member("status", status)
            }
        }
    }

    func health(_ request: HTTPRequest) throws -> HTTPResponse {
        JSONBody.response(Health(status: "ok", articles: try store.articleCount()))
    }
}
