import HTTPServer
import NewsIngest
import NewsStore

/// The editing routes: merge patches (RFC 7396) of articles and entities, article deletion, entity merges.
/// Each change is one transaction in the store.
extension NewsAPI {
    /// `PATCH /v1/articles/{id}`: `headline` (a non-empty string), `publishedAt` (`YYYY-MM-DD` or null),
    /// `dateline` and `byline` (strings or null). 200 with the whole updated article; 412 when an
    /// `If-Match` names none of the article's current tags.
    func patchArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "article")
        let patch = try mergePatch(request, allowed: ["headline", "publishedAt", "dateline", "byline"])
        var edit = ArticleEdit(headline: try patch.requiredText("headline"), dateline: try patch.optionalText("dateline"),
                               byline: try patch.optionalText("byline"))
        if let date = try patch.optionalText("publishedAt") {
            edit.publishedAt = .some(try date.map(Self.publicationDate))
        }
        if let condition = try Self.preconditions(request) {
            try Self.check(try store.editArticle(id: id, edit, if: condition), id: id, request)
        } else if try !store.editArticle(id: id, edit) {
            throw APIError.notFound("article with id \(id)")
        }
        guard let article = try store.article(id: id) else { throw APIError.notFound("article with id \(id)") }
        return JSONBody.response(article)
    }

    /// The tags `GET /v1/articles/{id}` gives the article: its JSON's, and its gzip-coded answer's
    /// (see RepresentationFilter). `?pretty` answers have tags of their own, which `If-Match` does not take.
    static func tags(of article: ArticleDetail) -> [EntityTag] {
        let tag = EntityTag(hashing: JSONBody.response(article).body)
        return [tag, tag.gzipCoded]
    }

    /// The request's `If-Match` and `If-None-Match` as one test of the stored article, in the order
    /// of RFC 9110 §13.2.2: the change goes ahead if `If-Match` lists one of its tags and
    /// `If-None-Match` none (by weak comparison; `*` there asks that it not exist). Nil when the
    /// request has neither; a 400 when `If-Match` is not `*` or a list of tags.
    private static func preconditions(_ request: HTTPRequest) throws(APIError) -> ((ArticleDetail) -> Bool)? {
        let ifMatch = IfMatch(request.fields)
        if case .unreadable? = ifMatch {
            throw APIError(.badRequest, "If-Match must be * or a list of entity tags, as ETag gives them (\"…\")", type: .malformedRequest)
        }
        let ifNoneMatch = IfNoneMatch(request.fields)
        guard ifMatch != nil || ifNoneMatch != nil else { return nil }
        return { article in
            let tags = Self.tags(of: article)
            return (ifMatch?.passes(tags) ?? true) && !(ifNoneMatch.map { condition in tags.contains(where: condition.matches) } ?? false)
        }
    }

    /// 404 or 412 (RFC 9110 §13.1.1, §13.1.2) for a conditional write that was not made.
    private static func check(_ outcome: ConditionalWrite, id: Int64, _ request: HTTPRequest) throws(APIError) {
        switch outcome {
        case .done: return
        case .notFound: throw APIError.notFound("article with id \(id)")
        case .preconditionFailed:
            let detail = request.fields.contains("If-None-Match")
                ? "article \(id) has a tag that If-None-Match lists (or exists, for *), or none that If-Match lists; GET it again for its current ETag"
                : "article \(id) has changed since the If-Match tag was given; GET it again for its current ETag"
            throw APIError(.preconditionFailed, detail, type: .preconditionFailed)
        }
    }

    private static func publicationDate(_ text: String) throws(APIError) -> CalendarDate {
        guard let date = CalendarDate(iso8601: text) else {
            throw MergePatch.invalid("publishedAt", "must be a date as YYYY-MM-DD or null, not \"\(text)\"")
        }
        return date
    }

    /// `DELETE /v1/articles/{id}`: 204. Its paragraphs, captions and mentions go with it, and so do
    /// the entities only it mentioned. 412 when an `If-Match` names none of the article's current tags.
    func deleteArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "article")
        if let condition = try Self.preconditions(request) {
            try Self.check(try store.deleteArticle(id: id, if: condition), id: id, request)
        } else if try !store.deleteArticle(id: id) {
            throw APIError.notFound("article with id \(id)")
        }
        return HTTPResponse(status: .noContent)
    }

    /// `PATCH /v1/entities/{id}`: `name` (a non-empty string) and `type` (an OntoNotes label). 200 with
    /// the entity; 409 when another entity already has that name and type.
    func patchEntity(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "entity")
        let patch = try mergePatch(request, allowed: ["name", "type"])
        var edit = EntityEdit(name: try patch.requiredText("name"))
        if let label = try patch.requiredText("type") {
            guard let type = EntityType(rawValue: label.uppercased()) else {
                throw MergePatch.invalid("type", "must be one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(label)\"")
            }
            edit.type = type
        }
        switch try store.editEntity(id: id, edit) {
        case .notFound:
            throw APIError.notFound("entity with id \(id)")
        case .conflict(let existing):
            throw APIError(
                .conflict,
                "entity \(existing) already has this name and type; to make the two one entity, merge this one into it: "
                    + "POST /v1/entities/\(id)/merge with {\"into\": \(existing)}",
                type: .conflict, extensions: ["conflictingEntity": ProblemDetails.JSONFragment(existing)])
        case .edited:
            return try entityResponse(id)
        }
    }

    /// `POST /v1/entities/{id}/merge` with `{"into": ID}`: the entity's mentions and aliases move to
    /// entity ID and the entity is deleted. 200 with entity ID.
    func mergeEntity(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = try Parameters(request: request).id(resource: "entity")
        try requireMediaType(request, accepted: ["application/json"],
                             example: "curl -H 'Content-Type: application/json' -d '{\"into\": 12}'")
        guard case .object(let members) = try JSONValue.parse(request.body) else {
            throw APIError(.unprocessableContent, "send {\"into\": ID}, the id of the entity to merge into", type: .invalidMerge)
        }
        if let other = members.keys.sorted().first(where: { $0 != "into" }) {
            throw APIError(.unprocessableContent, "`\(other)` is not a member of a merge; send {\"into\": ID}", type: .invalidMerge,
                           extensions: ["member": ProblemDetails.JSONFragment(other)])
        }
        guard case .integer(let target) = members["into"], target > 0 else {
            throw APIError(.unprocessableContent, "`into` must be the id of the entity to merge into, a positive integer",
                           type: .invalidMerge, extensions: ["member": ProblemDetails.JSONFragment("into")])
        }
        switch try store.mergeEntity(id, into: target) {
        case .sourceNotFound:
            throw APIError.notFound("entity with id \(id)")
        case .targetNotFound:
            throw APIError(.unprocessableContent, "there is no entity \(target) to merge into", type: .invalidMerge)
        case .sameEntity:
            throw APIError(.unprocessableContent, "an entity cannot be merged into itself", type: .invalidMerge)
        case .merged:
            return try entityResponse(target)
        }
    }

    private func entityResponse(_ id: Int64) throws -> HTTPResponse {
        guard let entity = try store.entity(id: id) else { throw APIError.notFound("entity with id \(id)") }
        return EntityResponse.response(entity)
    }

    /// The request's body as a merge patch, after checking its media type; a 415 names the types
    /// taken in `Accept-Patch` (RFC 5789 §3.1).
    private func mergePatch(_ request: HTTPRequest, allowed: [String]) throws(APIError) -> MergePatch {
        do {
            try requireMediaType(request, accepted: [MergePatch.mediaType, "application/json"],
                                 example: "curl -X PATCH -H 'Content-Type: \(MergePatch.mediaType)' -d '{\"\(allowed[0])\": ...}'")
        } catch {
            var refusal = error
            refusal.fields.set("Accept-Patch", "\(MergePatch.mediaType), application/json")
            throw refusal
        }
        return try MergePatch(request.body, allowed: allowed)
    }
}
