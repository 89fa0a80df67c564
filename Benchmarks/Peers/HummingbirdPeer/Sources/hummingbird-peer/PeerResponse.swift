import Crypto
import Foundation
import Hummingbird
import NewsAPI

/// Responses as newsapi's JSONBody, ProblemDetails, RepresentationFilter and CORSFilter (with `*`) leave them
/// for a client that sends no `Accept-Encoding`, `Origin`, `If-None-Match` or `?pretty`.
enum PeerResponse {
    /// A 200 JSON response with newsapi's validator fields.
    static func json(_ value: some Encodable) throws -> Response {
        // newsapi's own encoding code, so the per-request work matches.
        let body = try JSONBody.bytes(value)
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.vary] = "Accept-Encoding"
        fields[.eTag] = entityTag(hashing: body)
        fields[.cacheControl] = "no-cache"
        addCORSFields(to: &fields)
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// newsapi's 404 problem (RFC 9457): no tag, since only 200s get one.
    static func notFound(_ detail: String) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let problem = Problem(type: "urn:newsapi:problem:not-found", title: "Not Found", status: 404, detail: detail)
        // Encoding four strings and an integer cannot fail.
        let body = (try? encoder.encode(problem)) ?? Data()
        var fields = HTTPFields()
        fields[.contentType] = "application/problem+json"
        fields[.vary] = "Accept-Encoding"
        addCORSFields(to: &fields)
        return Response(status: .notFound, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// newsapi's ProblemDetails without extensions; sorted keys put the members in the same order.
    private struct Problem: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
    }

    private static func addCORSFields(to fields: inout HTTPFields) {
        fields[.accessControlAllowOrigin] = "*"
        fields[.accessControlExposeHeaders] = "ETag, Link"
    }

    /// newsapi's EntityTag(hashing:): the first 128 bits of the body's SHA-256 as 32 hex digits, quoted.
    static func entityTag(hashing body: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var tag: [UInt8] = [UInt8(ascii: "\"")]
        tag.reserveCapacity(34)
        for byte in SHA256.hash(data: body).prefix(16) {
            tag.append(digits[Int(byte >> 4)])
            tag.append(digits[Int(byte & 0x0f)])
        }
        tag.append(UInt8(ascii: "\""))
        return String(decoding: tag, as: UTF8.self)
    }
}
