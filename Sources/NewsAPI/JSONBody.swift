import Foundation
import HTTPServer

/// Encodes API values as JSON responses.
public enum JSONBody {
    /// The JSON document every route sends for `value`: through its ``JSONWritable`` writer when it
    /// has one, else `JSONEncoder` with sorted keys and unescaped slashes (the same bytes either way).
    ///
    /// - Throws: what `JSONEncoder` throws (a value it cannot encode, such as a non-finite number).
    public static func bytes(_ value: some Encodable) throws -> [UInt8] {
        if let value = value as? any JSONWritable { return value.jsonBytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    // Sorted keys: swift-corelibs-foundation would otherwise vary member order between runs.
    static func response(_ value: some Encodable, status: HTTPStatus = .ok, fields: HTTPFields = HTTPFields()) -> HTTPResponse {
        do {
            var fields = fields
            fields.set("Content-Type", "application/json")
            return HTTPResponse(status: status, fields: fields, body: try bytes(value))
        } catch {
            return ProblemDetails(status: .internalServerError, detail: "the response could not be encoded").response()
        }
    }
}
