import Foundation
import HTTPServer
import Synchronization

/// A server on an ephemeral loopback port whose responses pass through filters (by default the
/// representation and CORS filters), with routes of known sizes and types. Stops when released.
final class FilteredServer {
    let server: HTTPServer
    var port: Int { server.port }

    /// 4,000-odd bytes of JSON that gzip shrinks: over the 1 KiB threshold.
    static let largeJSON: [UInt8] = {
        let items = (0..<100).map { #"{"id":\#($0),"headline":"Story number \#($0) of the day"}"# }
        return Array(("[" + items.joined(separator: ",") + "]").utf8)
    }()

    init(filters: [any ResponseFilter] = [RepresentationFilter(), CORSFilter(origins: .any)],
         configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        let counter = Mutex(0)
        var router = Router()
        router.add(.get, "/small") { _ in HTTPResponse(status: .ok, contentType: "application/json", body: #"{"ok":true}"#) }
        router.add(.get, "/large") { _ in HTTPResponse(status: .ok, fields: ["Content-Type": "application/json"], body: FilteredServer.largeJSON) }
        router.add(.post, "/large") { _ in HTTPResponse(status: .created, fields: ["Content-Type": "application/json"], body: FilteredServer.largeJSON) }
        router.add(.get, "/binary") { _ in
            HTTPResponse(status: .ok, fields: ["Content-Type": "application/octet-stream"], body: FilteredServer.largeJSON)
        }
        router.add(.get, "/encoded") { _ in
            HTTPResponse(status: .ok, fields: ["Content-Type": "application/json", "Content-Encoding": "br"], body: FilteredServer.largeJSON)
        }
        router.add(.get, "/tagged") { _ in
            HTTPResponse(status: .ok, fields: ["Content-Type": "application/json", "ETag": #""v7""#], body: FilteredServer.largeJSON)
        }
        router.add(.get, "/missing") { _ in ProblemDetails(status: .notFound, detail: String(repeating: "x", count: 2000)).response() }
        router.add(.get, "/counter") { _ in
            let value = counter.withLock { count in
                count += 1
                return count
            }
            return HTTPResponse(status: .ok, contentType: "application/json", body: #"{"count":\#(value)}"#)
        }
        router.add(.get, "/stream") { _ in
            HTTPResponse(status: .ok, fields: ["Content-Type": "application/x-ndjson"], stream: ResponseStream { writer in
                for index in 0..<50 { try writer.write(#"{"line":\#(index),"padding":"\#(String(repeating: "p", count: 40))"}"# + "\n") }
            })
        }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        server = HTTPServer(configuration: configuration, router: router, filters: filters)
        try server.start()
    }

    deinit { server.shutdown(gracePeriod: .seconds(2)) }
}
