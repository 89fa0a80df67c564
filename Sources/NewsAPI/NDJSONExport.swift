import Foundation
import HTTPServer
import Logging
import NewsStore

/// Every article of a listing in full, as newline-delimited JSON: one line per article, the same
/// object `GET /v1/articles/{id}` answers, streamed with chunked transfer coding.
///
/// Memory stays constant whatever the count: the listing is read a keyset page of summaries at a
/// time, each article read and written on its own, and the writer blocks while the client is slow.
/// No read transaction is held while the client reads, so a slow export never holds back the
/// database's WAL checkpoints; in exchange, the export is not one snapshot, but a keyset walk: it
/// holds every article that existed when it began exactly once (see ``NewsStore`` listings).
enum NDJSONExport {
    static let mediaType = "application/x-ndjson"
    /// Summaries read per page while streaming.
    static let pageSize = 100

    /// True when `Accept` lists `application/x-ndjson` (RFC 9110 §12.5.1) with a non-zero weight,
    /// and does not weigh `application/json` above it.
    static func isRequested(by request: HTTPRequest) -> Bool {
        var weights: [String: Double] = [:]
        for element in request.fields.listElements(for: "Accept") {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let type = parts.first?.lowercased() else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            weights[type] = weight
        }
        guard let ndjson = weights[mediaType], ndjson > 0 else { return false }
        return ndjson >= (weights["application/json"] ?? 0)
    }

    /// The streaming response, after reading the first page so that a failure to read it is still
    /// an ordinary error response; later failures cut the stream short (no last chunk), which the
    /// client sees as an incomplete body.
    static func response(store: NewsStore, filter: ArticleFilter, order: ArticleOrder, after key: PageKey?,
                         fields: HTTPFields, logger: Logger) throws -> HTTPResponse {
        let first = try store.articles(filter, order: order, limit: pageSize, after: key)
        var fields = fields
        fields.set("Content-Type", mediaType)
        return HTTPResponse(status: .ok, fields: fields, stream: ResponseStream { writer in
            let encoder = JSONEncoder()
            // The options of JSONBody, minus any pretty-printing: NDJSON is one object per line.
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var page = first
            while true {
                for summary in page.data {
                    // An article deleted since its page was read is skipped.
                    guard let article = try store.article(id: summary.id) else { continue }
                    try writer.write(Array(try encoder.encode(article)) + [UInt8(ascii: "\n")])
                }
                guard let next = page.next else { return }
                do {
                    page = try store.articles(filter, order: order, limit: pageSize, after: next)
                } catch {
                    logger.error("NDJSON export stopped: \(error)")
                    throw error
                }
            }
        })
    }
}
