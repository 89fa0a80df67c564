import HTTPServer
import NewsStore

/// A page of a listing as a response: the JSON body
/// `{"data": [...], "page": {"next": CURSOR | null, "limit": L}, "total": N}`, and, when there is a
/// next page, `Link: <same path?same parameters&cursor=NEXT>; rel="next"` (RFC 8288 §3), a relative
/// reference that a client resolves against the URL it asked for.
enum ListingResponse {
    struct Body<Element: Encodable>: Encodable {
        let data: [Element]
        let page: PageInfo
        let total: Int
    }

    struct PageInfo: Encodable, JSONWritable {
        /// Encoded as null, not left out, on the last page.
        let next: String?
        let limit: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(next, forKey: .next)
            try container.encode(limit, forKey: .limit)
        }

        private enum CodingKeys: String, CodingKey {
            case next, limit
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.member("limit", limit)
                json.member("next", next)
            }
        }
    }

    static func response<Element: Encodable & Hashable & Sendable>(
        _ page: Page<Element>, for request: HTTPRequest, listing: ListingIdentity, fields: HTTPFields = HTTPFields()
    ) -> HTTPResponse {
        let next = page.next.map { Cursor.encode($0, listing: listing) }
        var fields = fields
        if let next { fields.append("Link", "<\(nextTarget(request, cursor: next))>; rel=\"next\"") }
        return JSONBody.response(Body(data: page.data, page: PageInfo(next: next, limit: page.limit), total: page.total), fields: fields)
    }

    /// The request's path and query with `cursor` replaced, every component percent-encoded anew so
    /// that nothing in it can end the `<...>` of the Link value.
    static func nextTarget(_ request: HTTPRequest, cursor: String) -> String {
        let path = percentEncoded(request.target.rawPath, keeping: pathCharacters)
        let query = request.target.query.filter { $0.name != "cursor" }.map {
            percentEncoded($0.name, keeping: unreserved) + "=" + percentEncoded($0.value, keeping: unreserved)
        } + ["cursor=" + cursor]
        return path + "?" + query.joined(separator: "&")
    }

    /// RFC 3986 §2.3 unreserved characters.
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    /// What a path may hold as it is (RFC 3986 §3.3 pchar and `/`), `%` included since the raw path
    /// is already percent-encoded.
    private static let pathCharacters = unreserved.union("/%!$&'()*+,;=:@".utf8)

    private static func percentEncoded(_ text: String, keeping allowed: Set<UInt8>) -> String {
        var result = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return result
    }
}

// Listings of types without a writer of their own go through JSONEncoder (see JSONBody).
extension ListingResponse.Body: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("data", data)
            json.member("page", page)
            json.member("total", total)
        }
    }
}
