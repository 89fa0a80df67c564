import Foundation
import HTTPTestSupport
@testable import NewsAPI
import Testing

/// Who may write: the API key as a bearer token (RFC 6750), and writes refused on a server that
/// listens beyond this machine without a key. Reads stay open throughout.
@Suite("Write access over a real socket", .serialized)
struct WriteAccessTests {
    static let key = "k3y-for-tests_0123456789+/="
    static let text = [("Content-Type", "text/plain")]

    static func server(key: String? = WriteAccessTests.key, host: String = "127.0.0.1") throws -> APITestServer {
        try APITestServer(access: WriteAccess(listeningOn: host, apiKey: key.flatMap(APIKey.init)))
    }

    @Test func writesWithoutTheKeyAre401WithABearerChallenge() throws {
        let api = try Self.server()
        let client = try api.client()
        let missing = try client.request("POST", "/v1/articles", fields: Self.text, body: Array(SampleDocuments.nairobi.utf8))
        #expect(missing.status == 401)
        // No error code when no credentials were sent (RFC 6750 §3.1).
        #expect(missing.field("WWW-Authenticate") == #"Bearer realm="newsapi""#)
        #expect(missing.field("Content-Type") == "application/problem+json")
        #expect(missing.json?["type"] as? String == "urn:newsapi:problem:unauthorized")

        let wrong = try client.request("POST", "/v1/articles", fields: Self.text + [("Authorization", "Bearer not-the-key-at-all")],
                                       body: Array(SampleDocuments.nairobi.utf8))
        #expect(wrong.status == 401)
        #expect(wrong.field("WWW-Authenticate") == #"Bearer realm="newsapi", error="invalid_token""#)

        let basic = try client.request("DELETE", "/v1/articles/1", fields: [("Authorization", "Basic dXNlcjpwYXNz")])
        #expect(basic.status == 401)
        #expect(basic.field("WWW-Authenticate") == #"Bearer realm="newsapi""#)

        let malformed = try client.request("PATCH", "/v1/articles/1", fields: [("Authorization", "Bearer a b")], body: Array("{}".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.field("WWW-Authenticate") == #"Bearer realm="newsapi", error="invalid_request""#)

        let twice = try client.request("DELETE", "/v1/articles/1", fields: [("Authorization", "Bearer \(Self.key)"), ("Authorization", "Bearer \(Self.key)")])
        #expect(twice.status == 400)

        #expect(try api.store.articleCount() == 1)
        // The connection is still usable after each refusal.
        #expect(try client.request("GET", "/v1/health").status == 200)
    }

    @Test func everyWriteRouteIsCovered() throws {
        let api = try Self.server()
        let client = try api.client()
        let writes: [(String, String, [UInt8])] = [
            ("POST", "/v1/articles", Array(SampleDocuments.nairobi.utf8)),
            ("POST", "/v1/articles/batch", Array(SampleDocuments.ndjsonLine(SampleDocuments.nairobi).utf8)),
            ("PATCH", "/v1/articles/1", Array(#"{"headline": "x"}"#.utf8)),
            ("DELETE", "/v1/articles/1", []),
            ("PATCH", "/v1/entities/1", Array(#"{"name": "x"}"#.utf8)),
            ("POST", "/v1/entities/1/merge", Array(#"{"into": 2}"#.utf8)),
        ]
        for (method, path, body) in writes {
            #expect(try client.request(method, path, body: body).status == 401, "\(method) \(path)")
        }
        #expect(try client.request("GET", "/v1/articles/1").json?["headline"] as? String == "Italy Brings Together Libya Rivals on Conference Sidelines")
    }

    @Test func theKeyLetsWritesThroughAndReadsNeedNone() throws {
        let api = try Self.server()
        let client = try api.client()
        let bearer = [("Authorization", "Bearer \(Self.key)")]
        let created = try client.request("POST", "/v1/articles", fields: Self.text + bearer, body: Array(SampleDocuments.nairobi.utf8))
        #expect(created.status == 201)
        let id = try #require(created.json?["id"] as? Int)
        // The scheme is case-insensitive.
        #expect(try client.request("DELETE", "/v1/articles/\(id)", fields: [("Authorization", "bearer \(Self.key)")]).status == 204)
        #expect(try client.request("GET", "/v1/articles").status == 200)
        #expect(try client.request("HEAD", "/v1/articles/1").status == 200)
        #expect(try client.request("OPTIONS", "/v1/articles/1").status == 200)
    }

    @Test func withoutAKeyBeyondLoopbackWritesAre403AndReadsOpen() throws {
        let api = try Self.server(key: nil, host: "0.0.0.0")
        let client = try api.client()
        let refused = try client.request("POST", "/v1/articles", fields: Self.text + [("Authorization", "Bearer \(Self.key)")],
                                         body: Array(SampleDocuments.nairobi.utf8))
        #expect(refused.status == 403)
        #expect(refused.json?["type"] as? String == "urn:newsapi:problem:forbidden")
        #expect((refused.json?["detail"] as? String)?.contains("--api-key") == true)
        #expect(try client.request("GET", "/v1/articles/1").status == 200)
        #expect(try api.store.articleCount() == 1)
    }

    @Test func withoutAKeyOnLoopbackWritesAreOpen() throws {
        let api = try Self.server(key: nil, host: "127.0.0.1")
        #expect(try api.client().request("POST", "/v1/articles", fields: Self.text, body: Array(SampleDocuments.nairobi.utf8)).status == 201)
    }

    @Test func loopbackAddresses() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "::1", "[::1]", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"] {
            #expect(WriteAccess.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.org", "128.0.0.1", "::2", "::ffff:10.0.0.1", ""] {
            #expect(!WriteAccess.isLoopback(host), "\(host)")
        }
        #expect(WriteAccess(listeningOn: "0.0.0.0", apiKey: nil).isRefused)
        #expect(!WriteAccess(listeningOn: "0.0.0.0", apiKey: APIKey(Self.key)).isRefused)
    }

    @Test func keysMustBeBearerTokensOfSixteenOrMoreCharacters() {
        #expect(APIKey("short") == nil)
        #expect(APIKey("sixteen chars!!!") == nil)
        #expect(APIKey("=abcdefghijklmnop") == nil)
        #expect(APIKey("abcdefghijklmnop==") != nil)
        let key = APIKey(Self.key)
        #expect(key?.matches(Self.key) == true)
        #expect(key?.matches(Self.key + "x") == false)
        #expect(key?.matches(String(Self.key.dropLast())) == false)
        #expect(key?.matches("") == false)
    }

    @Test func theComparisonReadsEveryByte() {
        let a: [UInt8] = Array(repeating: 7, count: 32)
        #expect(APIKey.constantTimeEqual(a, a))
        #expect(APIKey.constantTimeEqual([], []))
        for position in [0, 15, 31] {
            var b = a
            b[position] ^= 0x80
            #expect(!APIKey.constantTimeEqual(a, b), "differs at \(position)")
        }
        #expect(!APIKey.constantTimeEqual(a, Array(a.dropLast())))
    }

    /// The comparison's time does not depend on where the digests differ: a first-byte difference
    /// takes as long as a last-byte one (medians over many runs, within a wide margin for noise).
    @Test func theComparisonTakesAsLongWhereverTheDigestsDiffer() {
        let a = [UInt8](repeating: 0x5A, count: 4096)
        var first = a
        first[0] ^= 1
        var last = a
        last[a.count - 1] ^= 1
        func median(_ b: [UInt8]) -> UInt64 {
            var samples: [UInt64] = []
            for _ in 0..<301 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = APIKey.constantTimeEqual(a, b)
                samples.append(DispatchTime.now().uptimeNanoseconds - start)
            }
            return samples.sorted()[samples.count / 2]
        }
        _ = median(a)
        let early = median(first)
        let late = median(last)
        #expect(Double(early) > Double(late) * 0.5, "a difference in the first byte returned early: \(early) ns against \(late) ns")
    }
}

extension WriteAccess {
    var isRefused: Bool {
        if case .refused = self { return true }
        return false
    }
}
