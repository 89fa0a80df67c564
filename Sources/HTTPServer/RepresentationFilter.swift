/// Validators, content coding and conditional GET for every response: a strong `ETag`,
/// `Cache-Control: no-cache`, gzip when the client accepts it, and `304 Not Modified` when
/// the client already holds what it asks for (RFC 9110 §8.8.3, §12.5.3, §13.1.2, §15.4.5).
///
/// The three are one filter because their order decides whether they agree: the coding is chosen
/// first, since a tag names one representation and the gzip one is another (its tag ends in
/// `-gzip`); `If-None-Match` is then compared with that tag; and only a response that will carry
/// its body is compressed, so a 304 costs no deflate.
///
/// - Tags: a `200` to GET or HEAD that holds its body gets a tag hashed from the body's bytes
///   before any coding (``EntityTag/init(hashing:)``), so it changes whenever they do. A tag the
///   route set itself is kept (and suffixed for gzip when strong). Streams, errors and other
///   methods get none.
/// - Coding: a body of a text or JSON type over ``gzipMinimumSize`` bytes is gzip-coded when
///   `Accept-Encoding` weighs gzip above 0 and not below identity; any size when the client
///   refuses identity. Such types always get `Vary: Accept-Encoding`, coded or not, because the
///   same resource is coded for other clients. A HEAD answer names the coding without running it
///   and so carries no `Content-Length` (RFC 9110 §8.6 forbids a wrong one). A stream of such a
///   type is coded as it is produced, each piece flushed so lines still arrive one by one. Bodies
///   already coded are left alone.
public struct RepresentationFilter: ResponseFilter {
    /// Bodies over this many bytes are gzip-coded for clients that accept gzip; nil codes none.
    public var gzipMinimumSize: Int? = 1024
    /// zlib's compression level, 1 (fastest) to 9 (smallest).
    public var gzipLevel: Int32 = 6

    /// Tags, 304s and gzip over 1 KiB at zlib level 6.
    public init() {}

    public func filter(_ response: HTTPResponse, for request: HTTPRequest?) -> HTTPResponse {
        guard let request, response.status.allowsContent else { return response }
        var response = response
        let compressible = isCompressible(response)
        if compressible { response.fields.addVary("Accept-Encoding") }
        if let stream = response.stream {
            // Its length is unknown, so no threshold; its bytes are unknown, so no tag.
            guard compressible, selectsGzip(request, bodySize: nil) else { return response }
            response.fields.set("Content-Encoding", "gzip")
            response.stream = stream.gzipped(level: gzipLevel)
            return response
        }
        let gzip = compressible && selectsGzip(request, bodySize: response.body.count)

        var identityTag: EntityTag?
        if (request.method == .get || request.method == .head) && response.status.code == 200 {
            let tag = response.fields["ETag"].map { EntityTag(parsing: $0) } ?? EntityTag(hashing: response.body)
            if let tag {
                identityTag = tag
                let sent = gzip && !tag.isWeak ? tag.gzipCoded : tag
                response.fields.set("ETag", sent.description)
                if !response.fields.contains("Cache-Control") {
                    // Stored copies are fine, but each use is checked with the server first (RFC 9111 §5.2.2.4).
                    response.fields.set("Cache-Control", "no-cache")
                }
                if let condition = IfNoneMatch(request.fields), condition.matches(sent) {
                    return notModified(response)
                }
            }
        }

        guard gzip else { return response }
        if request.method == .head {
            response.headDeclaresLength = false
        } else if let compressed = GzipEncoder.compress(response.body, level: gzipLevel) {
            response.body = compressed
        } else {
            // zlib failed (out of memory): the body goes uncoded, under its identity tag.
            if let identityTag { response.fields.set("ETag", identityTag.description) }
            return response
        }
        response.fields.set("Content-Encoding", "gzip")
        return response
    }

    /// The fields a 304 keeps from the 200 it stands for (RFC 9110 §15.4.5); `Date` comes from the server.
    private static let notModifiedFields = ["ETag", "Cache-Control", "Vary", "Content-Location", "Expires"]

    private func notModified(_ full: HTTPResponse) -> HTTPResponse {
        var fields = HTTPFields()
        for field in full.fields where RepresentationFilter.notModifiedFields.contains(where: { field.name.equalsIgnoringASCIICase($0) }) {
            fields.append(field.name, field.value)
        }
        return HTTPResponse(status: .notModified, fields: fields)
    }

    /// Text and JSON types not coded yet: the ones gzip shrinks.
    private func isCompressible(_ response: HTTPResponse) -> Bool {
        guard !response.fields.contains("Content-Encoding"), let contentType = response.fields["Content-Type"] else { return false }
        let value = Substring(contentType)
        let mediaType = (value.utf8.firstIndex(of: UInt8(ascii: ";")).map { value[..<$0] } ?? value).trimmingOWS()
        // Compared without lower-casing a copy: this runs for every response.
        return mediaType.hasPrefixIgnoringASCIICase("text/") || mediaType.hasSuffixIgnoringASCIICase("+json")
            || mediaType.hasSuffixIgnoringASCIICase("+xml")
            || RepresentationFilter.compressibleTypes.contains { mediaType.equalsIgnoringASCIICase($0) }
    }

    private static let compressibleTypes = [
        "application/json", "application/x-ndjson", "application/jsonl", "application/xml", "application/javascript",
    ]

    /// - Parameter bodySize: nil for a stream, whose size is unknown and usually large.
    private func selectsGzip(_ request: HTTPRequest, bodySize: Int?) -> Bool {
        guard let minimum = gzipMinimumSize, bodySize != 0, let accept = AcceptEncoding(request.fields) else { return false }
        let gzipWeight = accept.weight(of: "gzip")
        guard gzipWeight > 0 else { return false }
        let identityWeight = accept.weight(of: "identity")
        // A client that refuses uncoded content gets gzip whatever the size.
        if identityWeight == 0 { return true }
        return (bodySize ?? .max) > minimum && gzipWeight >= identityWeight
    }
}
