import Foundation
import HTTPServer
import NewsIngest
import NewsStore

/// `POST /v1/articles/batch`: many documents in one request, read while the body arrives.
extension NewsAPI {
    /// The all-or-nothing answer: `{"data": [BatchItemReport], "created", "existing"}`.
    private struct AtomicResult: Encodable {
        let data: [BatchItemReport]
        let created: Int
        let existing: Int
    }

    /// The item-by-item answer: `{"data": [BatchItemReport], "created", "existing", "rejected"}`.
    private struct ItemResult: Encodable {
        let data: [BatchItemReport]
        let created: Int
        let existing: Int
        let rejected: Int
    }

    /// Takes NDJSON (`application/x-ndjson`, `application/jsonl`; one `{"text": "..."}` per line) or a
    /// JSON array (`application/json`: `[{"text": "..."}, ...]`).
    ///
    /// By default the batch is all or nothing: 200 when every item was stored (or found stored), 422
    /// listing every bad item when any is bad, with nothing stored. With `?atomic=false` each item
    /// stands alone: the good ones are stored, the bad ones reported, and the answer is 200 with each
    /// item's status in the body. Not 207 Multi-Status: that is WebDAV's (RFC 4918 §13), defined with
    /// an XML `multistatus` body and a status per resource URL, and generic HTTP clients do not treat it
    /// as success; here the request as a whole did what was asked.
    ///
    /// The body is read while it arrives, each item parsed as soon as it is complete; an upload that
    /// stops midway stores nothing when all or nothing (400 if the client is still there to read it).
    func createBatch(_ request: HTTPRequest) throws -> HTTPResponse {
        let format = try batchFormat(request)
        let atomic = try atomicParameter(request)
        let body = request.bodyStream ?? RequestBody(complete: request.body)
        var splitter: any BatchItemSplitter = format == .ndjson ? NDJSONSplitter() : JSONArraySplitter()
        var upload = BatchUpload(intake: intake, atomic: atomic, noun: format == .ndjson ? "line" : "item")
        do {
            while let piece = try body.read() {
                try splitter.feed(piece) { try upload.add($0) }
            }
            try splitter.finish { try upload.add($0) }
        } catch let error as RequestBody.Interrupted {
            // An item that arrived whole stands alone when the batch is item by item.
            if atomic { upload.discard() } else { try upload.store() }
            throw APIError(.badRequest, "the upload stopped before the body was complete (\(error.reason)); "
                + (atomic ? "nothing from the batch was stored" : "the complete items before the break were stored"),
                type: .incompleteBody)
        } catch let error as BatchBodyError {
            // A body that is no array at all is refused whole, item by item too.
            guard !atomic && upload.itemCount > 0 else {
                throw APIError(.badRequest, "\(error.reason) (line \(error.line)); nothing from the batch was stored", type: .invalidJSON,
                               extensions: ["line": ProblemDetails.JSONFragment(error.line)])
            }
            // Item by item, the items before the break stand; the break is reported as the last item.
            upload.rejectRest(line: error.line, reason: error.reason)
        }
        guard upload.itemCount > 0 else {
            let shape = format == .ndjson ? "one {\"text\": \"...\"} object per line" : "[{\"text\": \"...\"}, ...]"
            throw APIError(.unprocessableContent, "the batch is empty: send \(shape)", type: .invalidBatch)
        }
        if atomic && upload.rejectedCount > 0 {
            let failures = upload.orderedReports.map { BatchFailure(index: $0.index, line: $0.line, reason: $0.reason ?? "") }
            throw APIError(
                .unprocessableContent,
                "\(failures.count) of \(upload.itemCount) items are not news documents; nothing from the batch was stored",
                type: .invalidBatch, extensions: ["errors": ProblemDetails.JSONFragment(failures)])
        }
        try upload.store()
        let reports = upload.orderedReports
        let created = reports.count { $0.status == .created }
        let existing = reports.count { $0.status == .existing }
        if atomic {
            return JSONBody.response(AtomicResult(data: reports, created: created, existing: existing))
        }
        return JSONBody.response(ItemResult(data: reports, created: created, existing: existing, rejected: upload.rejectedCount))
    }

    private enum BatchFormat {
        case ndjson
        case jsonArray
    }

    private func batchFormat(_ request: HTTPRequest) throws(APIError) -> BatchFormat {
        try requireMediaType(request, accepted: ["application/x-ndjson", "application/jsonl", "application/json"],
                             example: "curl -H 'Content-Type: application/x-ndjson' --data-binary @batch.ndjson")
        // JSON is UTF-8 on the wire (RFC 8259 §8.1); a body said to be in another charset would be misread.
        if let charset = Self.parameter("charset", of: request.fields["Content-Type"]),
           !["utf-8", "utf8"].contains(charset.lowercased()) {
            throw APIError(.unsupportedMediaType, "the charset \(charset) is not supported; batches are UTF-8 JSON",
                           type: .unsupportedMediaType)
        }
        let mediaType = request.fields["Content-Type"]?.split(separator: ";", maxSplits: 1).first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        return mediaType == "application/json" ? .jsonArray : .ndjson
    }

    /// `atomic`: `true` (the default) or `false`.
    private func atomicParameter(_ request: HTTPRequest) throws(APIError) -> Bool {
        switch try Parameters(request: request).single("atomic") {
        case nil, "true": true
        case "false": false
        case let other?: throw APIError.invalidParameter("atomic", "true or false, not \"\(other)\"")
        }
    }
}
