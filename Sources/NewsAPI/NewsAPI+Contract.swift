import Foundation
import HTTPServer

/// `GET /openapi.json`: the OpenAPI 3.1 description of every route, as bundled.
extension NewsAPI {
    /// The bundled document's bytes, read once; a missing resource is a packaging error and traps.
    static let openAPIDocument: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            preconditionFailure("NewsAPI resource openapi.json is missing from the bundle")
        }
        return Array(data)
    }()

    func openAPI(_ request: HTTPRequest) throws -> HTTPResponse {
        HTTPResponse(status: .ok, fields: ["Content-Type": "application/json"], body: Self.openAPIDocument)
    }
}
