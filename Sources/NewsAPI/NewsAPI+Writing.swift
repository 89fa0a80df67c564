import Foundation
import HTTPServer
import NewsIngest
import NewsStore

/// The upload routes: one raw document, or a batch of them in one transaction.
extension NewsAPI {
    func createArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        try requireMediaType(request, accepted: ["text/plain"], example: "curl -H 'Content-Type: text/plain' --data-binary @story.txt")
        var encoding = DeclaredEncoding.utf8
        if let charset = Self.parameter("charset", of: request.fields["Content-Type"]) {
            guard let declared = DeclaredEncoding(charset: charset) else {
                throw APIError(.unsupportedMediaType, "the charset \(charset) is not supported; send UTF-8 or Windows-1252 (ISO-8859-1)",
                               type: .unsupportedMediaType)
            }
            encoding = declared
        }
        let prepared: DocumentIntake.Prepared
        do {
            prepared = try intake.prepare(request.body, encoding: encoding)
        } catch {
            throw APIError(.unprocessableContent, "the body is not a news document: \(error)", type: .invalidDocument)
        }
        let outcome = try store.store(prepared.document, prepared.article)
        guard let article = try store.article(id: outcome.id) else {
            throw APIError(.internalServerError, "article \(outcome.id) vanished after it was stored")
        }
        if outcome.isCreated {
            return JSONBody.response(article, status: .created, fields: ["Location": "/v1/articles/\(outcome.id)"])
        }
        return JSONBody.response(article, fields: ["Content-Location": "/v1/articles/\(outcome.id)"])
    }

    private struct BatchResult: Encodable {
        let data: [Item]
        let created: Int
        let existing: Int

        struct Item: Encodable {
            let index: Int
            let status: String
            let id: Int64
        }
    }

    /// A rejected batch item: its index among the items (blank lines are not items) and its line in the body.
    private struct BatchFailure: Encodable, Sendable {
        let index: Int
        let line: Int
        let reason: String
    }

    func createBatch(_ request: HTTPRequest) throws -> HTTPResponse {
        try requireMediaType(request, accepted: ["application/x-ndjson", "application/jsonl"],
                             example: "curl -H 'Content-Type: application/x-ndjson' --data-binary @batch.ndjson")
        let items = NDJSONBatch.items(in: request.body)
        guard !items.isEmpty else {
            throw APIError(.unprocessableContent, "the batch is empty: send one {\"text\": \"...\"} object per line", type: .invalidBatch)
        }
        var prepared: [(NewsDocument, ParsedArticle)] = []
        var failures: [BatchFailure] = []
        for (index, item) in items.enumerated() {
            switch item.content {
            case .failure(let failure):
                failures.append(BatchFailure(index: index, line: item.line, reason: failure.reason))
            case .success(let text):
                do {
                    let document = try intake.prepare(Array(text.utf8))
                    prepared.append((document.document, document.article))
                } catch {
                    failures.append(BatchFailure(index: index, line: item.line, reason: error.description))
                }
            }
        }
        guard failures.isEmpty else {
            throw APIError(
                .unprocessableContent,
                "\(failures.count) of \(items.count) items are not news documents; nothing from the batch was stored",
                type: .invalidBatch, extensions: ["errors": ProblemDetails.JSONFragment(failures)])
        }
        let outcomes = try store.storeBatch(prepared)
        let results = outcomes.enumerated().map { index, outcome in
            BatchResult.Item(index: index, status: outcome.isCreated ? "created" : "existing", id: outcome.id)
        }
        let created = outcomes.filter(\.isCreated).count
        return JSONBody.response(BatchResult(data: results, created: created, existing: outcomes.count - created))
    }

    /// The value of a media type parameter such as `charset` (RFC 9110 §8.3.1), unquoted.
    static func parameter(_ name: String, of contentType: String?) -> String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// 415 unless `Content-Type` is one of `accepted` (RFC 9110 §15.5.16); a missing type is taken as the first.
    private func requireMediaType(_ request: HTTPRequest, accepted: [String], example: String) throws(APIError) {
        guard let value = request.fields["Content-Type"] else { return }
        let mediaType = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard accepted.contains(mediaType) else {
            throw APIError(.unsupportedMediaType, "send \(accepted.joined(separator: " or ")), not \(value); for example: \(example)",
                           type: .unsupportedMediaType)
        }
    }
}
