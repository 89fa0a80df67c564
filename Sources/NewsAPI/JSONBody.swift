import Foundation
import HTTPServer

/// Encodes API values as JSON responses.
enum JSONBody {
    // Sorted keys: swift-corelibs-foundation would otherwise vary member order between runs.
    static func response(_ value: some Encodable, status: HTTPStatus = .ok, fields: HTTPFields = HTTPFields()) -> HTTPResponse {
        if let value = value as? any JSONWritable {
            var fields = fields
            fields.set("Content-Type", "application/json")
            return HTTPResponse(status: status, fields: fields, body: value.jsonBytes)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            var fields = fields
            fields.set("Content-Type", "application/json")
            return HTTPResponse(status: status, fields: fields, body: Array(try encoder.encode(value)))
        } catch {
            return ProblemDetails(status: .internalServerError, detail: "the response could not be encoded").response()
        }
    }
}
