import HTTPServer

/// `?pretty` on any request indents its JSON answer for a terminal (``JSONBody/indented(_:)``):
/// routes' bodies and problem details alike, including the HTTP layer's own 404s and 405s,
/// without any route knowing.
///
/// `pretty` with no value or `pretty=true` asks for it (the last one given counts); any other
/// value leaves the JSON compact. It runs before the validators, so the indented bytes get
/// their own `ETag`.
struct PrettyJSONFilter: ResponseFilter {
    func filter(_ response: HTTPResponse, for request: HTTPRequest?) -> HTTPResponse {
        guard let request, response.stream == nil, !response.body.isEmpty,
              let value = request.target.queryValues("pretty").last, value.isEmpty || value == "true",
              let contentType = response.fields["Content-Type"] else { return response }
        let mediaType = (contentType.split(separator: ";", maxSplits: 1).first ?? "").lowercased()
        guard mediaType == "application/json" || mediaType.hasSuffix("+json") else { return response }
        var response = response
        response.body = JSONBody.indented(response.body)
        return response
    }
}
