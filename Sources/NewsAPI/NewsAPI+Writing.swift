import Foundation
import HTTPServer
import NewsIngest
import NewsStore

/// The upload route for one raw document, and the media type checks the upload routes share.
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
    func requireMediaType(_ request: HTTPRequest, accepted: [String], example: String) throws(APIError) {
        guard let value = request.fields["Content-Type"] else { return }
        let mediaType = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard accepted.contains(mediaType) else {
            throw APIError(.unsupportedMediaType, "send \(accepted.joined(separator: " or ")), not \(value); for example: \(example)",
                           type: .unsupportedMediaType)
        }
    }
}
