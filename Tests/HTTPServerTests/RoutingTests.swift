import Testing
@testable import HTTPServer

@Suite("Router and request target")
struct RoutingTests {
    private func router() -> Router {
        var router = Router()
        router.add(.get, "/v1/articles") { _ in HTTPResponse(status: .ok) }
        router.add(.post, "/v1/articles") { _ in HTTPResponse(status: .created) }
        router.add(.post, "/v1/articles/batch") { _ in HTTPResponse(status: .ok) }
        router.add(.get, "/v1/articles/{id}") { request in
            HTTPResponse(status: .ok, contentType: "text/plain", body: request.pathParameters["id"] ?? "")
        }
        return router
    }

    @Test func bindsPathParameters() {
        guard case .found(_, let parameters) = router().match(.get, path: "/v1/articles/42") else {
            Issue.record("no match")
            return
        }
        #expect(parameters == ["id": "42"])
    }

    @Test func literalSegmentsBeatParameters() {
        guard case .methodNotAllowed(let allowed) = router().match(.get, path: "/v1/articles/batch") else {
            Issue.record("GET on the batch path must be 405, not the {id} route")
            return
        }
        #expect(allowed == [.post, .options])
        guard case .found = router().match(.post, path: "/v1/articles/batch") else {
            Issue.record("POST batch not found")
            return
        }
    }

    @Test func encodedSlashesStayInsideTheirSegment() {
        guard case .found(_, let parameters) = router().match(.get, path: "/v1/articles/1%2F2") else {
            Issue.record("no match")
            return
        }
        #expect(parameters == ["id": "1/2"])
        guard case .notFound = router().match(.get, path: "/v1/articles%2F1") else {
            Issue.record("an encoded slash must not split segments")
            return
        }
    }

    /// Literal patterns are looked up by the path as written; other spellings of the same path
    /// (an escape, an empty segment) take the general walk and must end at the same route.
    @Test func otherSpellingsOfALiteralPathReachTheSameRoute() {
        for path in ["/v1/articles", "/v1/%61rticles", "/v1//articles", "/v1/articles/"] {
            guard case .found(_, let parameters) = router().match(.get, path: path) else {
                Issue.record("\(path): no match")
                continue
            }
            #expect(parameters.isEmpty, "\(path)")
        }
        guard case .methodNotAllowed(let allowed) = router().match(.delete, path: "/v1/articles") else {
            Issue.record("DELETE on a literal path must be 405")
            return
        }
        #expect(allowed == [.get, .head, .post, .options])
        guard case .found = router().match(.head, path: "/v1/articles") else {
            Issue.record("HEAD must follow GET on a literal path")
            return
        }
        // Request segments are compared decoded, so a pattern written with an escape matches nothing,
        // whichever way the table or the walk is taken.
        var escaped = Router()
        escaped.add(.get, "/caf%C3%A9") { _ in HTTPResponse(status: .ok) }
        guard case .notFound = escaped.match(.get, path: "/caf%C3%A9") else {
            Issue.record("a pattern with an escape must not match its raw spelling")
            return
        }
    }

    @Test func optionsListsWhatThePathAllows() {
        guard case .options(let allowed) = router().match(.options, path: "/v1/articles") else {
            Issue.record("expected an OPTIONS answer")
            return
        }
        #expect(allowed == [.get, .head, .post, .options])
    }

    @Test func headFollowsGet() {
        guard case .found = router().match(.head, path: "/v1/articles") else {
            Issue.record("HEAD did not match the GET route")
            return
        }
    }

    @Test func wrongMethodListsAllowedMethods() {
        guard case .methodNotAllowed(let allowed) = router().match(.post, path: "/v1/articles/7") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .head, .options])
    }

    @Test func standardMethodNoRouteUsesIsNotAllowedAndOthersAreNotImplemented() {
        guard case .methodNotAllowed(let allowed) = router().match(.delete, path: "/v1/articles") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed.contains(.get) && !allowed.contains(.delete))
        guard case .methodNotImplemented = router().match(HTTPMethod(rawValue: "PURGE"), path: "/v1/articles") else {
            Issue.record("expected 501")
            return
        }
        #expect(router().methods == [.get, .head, .post])
    }

    @Test func unknownPathIsNotFound() {
        guard case .notFound = router().match(.get, path: "/v1/nothing") else {
            Issue.record("expected 404")
            return
        }
        guard case .notFound = router().match(.get, path: "/v1/articles/1/2") else {
            Issue.record("expected 404 for an extra segment")
            return
        }
    }

    @Test func methodsAreCaseSensitive() {
        guard case .methodNotImplemented = router().match(HTTPMethod(rawValue: "get"), path: "/v1/articles") else {
            Issue.record("`get` must not match GET")
            return
        }
    }

    @Test func targetDecoding() {
        let target = RequestTarget("/v1/a%20b?q=hello+world&limit=5&q=%E2%80%99&flag")
        #expect(target.path == "/v1/a b")
        #expect(target.queryValues("q") == ["hello world", "\u{2019}"])
        #expect(target.queryValue("limit") == "5")
        #expect(target.queryValue("flag") == "")
        #expect(RequestTarget("http://host:80/v1/health?x=1").path == "/v1/health")
        #expect(RequestTarget("http://host").path == "/")
        #expect(RequestTarget("*").path == "*")
    }
}
