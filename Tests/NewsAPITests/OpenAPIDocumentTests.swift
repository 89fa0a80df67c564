import Foundation
import HTTPTestSupport
import NewsAPI
import Testing

/// `GET /openapi.json` describes exactly the routes the router serves; schemathesis in CI checks the rest.
@Suite(.serialized) struct OpenAPIDocumentTests {
    @Test func everyRouteIsDescribedAndEveryDescribedRouteExists() throws {
        let api = try APITestServer(seeded: false)
        let response = try api.client().request("GET", "/openapi.json")
        #expect(response.status == 200)
        #expect(response.field("Content-Type") == "application/json")
        let document = try #require(response.json)
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var described: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { described.insert("\(method.uppercased()) \(path)") }
        }
        let served = Set(NewsAPI(intake: DocumentIntake(store: api.store)).router().patterns.map { "\($0.method) \($0.pattern)" })
        #expect(described == served)
    }
}
