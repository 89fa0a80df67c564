import Foundation
import HTTPTestSupport
import Testing

/// PATCH and DELETE of articles, PATCH and merge of entities, over a real socket and a real SQLite
/// file holding the seed and the Tripoli evaluation story (both mention Libya and the United Nations).
@Suite("API edits over a real socket", .serialized)
struct EditingRouteTests {
    static let mergePatch = [("Content-Type", "application/merge-patch+json")]

    /// A server holding the seed (article 1) and the Tripoli story (article `tripoli`), with a client.
    struct TwoArticles {
        let api: APITestServer
        let client: TestClient
        let tripoli: Int
    }

    static func twoArticles() throws -> TwoArticles {
        let api = try APITestServer()
        let client = try api.client()
        let created = try client.request("POST", "/v1/articles", fields: [("Content-Type", "text/plain")],
                                         body: Array(try SampleDocuments.evaluation("03-tripoli-clashes").utf8))
        #expect(created.status == 201)
        return TwoArticles(api: api, client: client, tripoli: try #require(created.json?["id"] as? Int))
    }

    static func json(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Every entity, by `TYPE/name`.
    static func entities(_ client: TestClient) throws -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        var cursor: String?
        while true {
            let query = cursor.map { "&cursor=\($0)" } ?? ""
            let page = try #require(try client.request("GET", "/v1/entities?limit=100\(query)").json)
            let data = try #require(page["data"] as? [[String: Any]])
            for entity in data { result["\(entity["type"]!)/\(entity["name"]!)"] = entity }
            cursor = (page["page"] as? [String: Any])?["next"] as? String
            if cursor == nil { return result }
        }
    }

    // MARK: PATCH /v1/articles/{id}

    @Test func patchingAnArticleChangesOnlyTheGivenFields() throws {
        let fixture = try Self.twoArticles()
        let client = fixture.client
        let response = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch, body: Self.json("""
            {"headline": "  Libya Rivals Meet in Palermo ", "byline": "By Jane Roe", "publishedAt": null}
            """))
        #expect(response.status == 200)
        let article = try #require(response.json)
        #expect(article["headline"] as? String == "Libya Rivals Meet in Palermo")
        #expect(article["byline"] as? String == "By Jane Roe")
        #expect(article["publishedAt"] is NSNull)
        #expect(article["dateline"] is NSNull)
        #expect((article["paragraphs"] as? [Any])?.count == 10)
        #expect(try client.request("GET", "/v1/articles/1").json?["headline"] as? String == "Libya Rivals Meet in Palermo")

        // application/json is taken too; a date is YYYY-MM-DD.
        let dated = try client.request("PATCH", "/v1/articles/1", fields: [("Content-Type", "application/json")],
                                       body: Self.json(#"{"publishedAt": "2018-11-14", "dateline": "PALERMO, Italy"}"#))
        #expect(dated.json?["publishedAt"] as? String == "2018-11-14")
        #expect(dated.json?["dateline"] as? String == "PALERMO, Italy")
        #expect(dated.json?["byline"] as? String == "By Jane Roe")
        // An empty patch changes nothing.
        #expect(try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch, body: Self.json("{}")).json?["headline"] as? String
            == "Libya Rivals Meet in Palermo")
    }

    /// `If-Match` (RFC 9110 §13.1.1): a change goes ahead only on the representation the client saw.
    @Test func ifMatchGuardsEditsAndDeletesAgainstLostUpdates() throws {
        let fixture = try Self.twoArticles()
        let client = fixture.client
        let seen = try #require(try client.request("GET", "/v1/articles/1").field("ETag"))
        let gzipped = try #require(try client.request("GET", "/v1/articles/1", fields: [("Accept-Encoding", "gzip")]).field("ETag"))
        #expect(gzipped.hasSuffix("-gzip\""))

        let first = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch + [("If-Match", seen)],
                                       body: Self.json(#"{"byline": "By First Editor"}"#))
        #expect(first.status == 200)
        // The second editor saw the same version: refused, and the first edit stays.
        for tag in [seen, gzipped, "W/" + seen, #""not-a-tag""#] {
            let late = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch + [("If-Match", tag)],
                                          body: Self.json(#"{"byline": "By Second Editor"}"#))
            #expect(late.status == 412, "\(tag)")
            #expect(late.json?["type"] as? String == "urn:newsapi:problem:precondition-failed")
        }
        for value in ["not even quoted", ""] {
            let unreadable = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch + [("If-Match", value)],
                                                body: Self.json(#"{"byline": "By Second Editor"}"#))
            #expect(unreadable.status == 400, "\(value)")
        }
        #expect(try client.request("GET", "/v1/articles/1").json?["byline"] as? String == "By First Editor")

        // The current tag, its gzip form, one of a list, or `*` passes; each edit makes a new current tag.
        let forms: [(String) -> String] = [{ $0 }, { String($0.dropLast()) + "-gzip\"" }, { #""old", "# + $0 }, { _ in "*" }]
        for (index, form) in forms.enumerated() {
            let current = try #require(try client.request("GET", "/v1/articles/1").field("ETag"))
            let edit = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch + [("If-Match", form(current))],
                                          body: Self.json(#"{"dateline": "PALERMO \#(index)"}"#))
            #expect(edit.status == 200, "\(form(current))")
        }

        // If-None-Match on a write (RFC 9110 §13.1.2): 412 when it lists the current tag or is `*`.
        let now = try #require(try client.request("GET", "/v1/articles/1").field("ETag"))
        for value in ["*", now, "W/" + now, #""other", "# + now] {
            let refused = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch + [("If-None-Match", value)],
                                             body: Self.json(#"{"byline": "By Third Editor"}"#))
            #expect(refused.status == 412, "\(value)")
        }
        #expect(try client.request("GET", "/v1/articles/1").field("ETag") == now)
        #expect(try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch + [("If-None-Match", #""other""#), ("If-Match", now)],
                                   body: Self.json(#"{"byline": "By Third Editor"}"#)).status == 200)

        let latest = try #require(try client.request("GET", "/v1/articles/\(fixture.tripoli)").field("ETag"))
        #expect(try client.request("DELETE", "/v1/articles/\(fixture.tripoli)", fields: [("If-Match", #""stale""#)]).status == 412)
        #expect(try client.request("GET", "/v1/articles/\(fixture.tripoli)").status == 200)
        #expect(try client.request("DELETE", "/v1/articles/\(fixture.tripoli)", fields: [("If-Match", latest)]).status == 204)
        // No article: the answer without the condition, 404 (RFC 9110 §13.2.1).
        #expect(try client.request("DELETE", "/v1/articles/\(fixture.tripoli)", fields: [("If-Match", "*")]).status == 404)
        #expect(try client.request("PATCH", "/v1/articles/999", fields: Self.mergePatch + [("If-Match", latest)],
                                   body: Self.json("{}")).status == 404)
    }

    @Test(arguments: [
        (#"{"title": "x"}"#, 422, "title"),
        (#"{"headline": "ok", "body": "x"}"#, 422, "body"),
        (#"{"headline": 5}"#, 422, "headline"),
        (#"{"headline": null}"#, 422, "headline"),
        (#"{"headline": "   "}"#, 422, "headline"),
        (#"{"byline": ["a"]}"#, 422, "byline"),
        (#"{"dateline": true}"#, 422, "dateline"),
        (#"{"publishedAt": "13 Nov 2018"}"#, 422, "publishedAt"),
        (#"{"publishedAt": "2018-02-30"}"#, 422, "publishedAt"),
        (#"{"publishedAt": 20181113}"#, 422, "publishedAt"),
        // A NUL would cut the stored value short; a line break has no place in a headline.
        (#"{"headline": "Chile\u0000 copper"}"#, 422, "headline"),
        (#"{"byline": "Ana\nRuiz"}"#, 422, "byline"),
        ("{\"dateline\": \"" + String(repeating: "A", count: 1_001) + "\"}", 422, "dateline"),
    ])
    func aBadPatchNamesTheMemberAndChangesNothing(body: String, status: Int, member: String) throws {
        let api = try APITestServer()
        let client = try api.client()
        let before = try client.request("GET", "/v1/articles/1").body
        let response = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch, body: Self.json(body))
        #expect(response.status == status)
        #expect(response.field("Content-Type") == "application/problem+json")
        #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-patch")
        #expect(response.json?["member"] as? String == member)
        #expect((response.json?["detail"] as? String)?.contains("`\(member)`") == true)
        #expect(try client.request("GET", "/v1/articles/1").body == before)
    }

    @Test func patchBodiesThatAreNotAnObjectOrNotJSONAreRefused() throws {
        let api = try APITestServer()
        let client = try api.client()
        let broken = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch, body: Self.json(#"{"headline": "#))
        #expect(broken.status == 400)
        #expect(broken.json?["type"] as? String == "urn:newsapi:problem:invalid-json")
        let array = try client.request("PATCH", "/v1/articles/1", fields: Self.mergePatch, body: Self.json(#"["headline"]"#))
        #expect(array.status == 422)
        let wrongType = try client.request("PATCH", "/v1/articles/1", fields: [("Content-Type", "text/plain")], body: Self.json("{}"))
        #expect(wrongType.status == 415)
        #expect(wrongType.field("Accept-Patch") == "application/merge-patch+json, application/json")
    }

    @Test func patchingOrDeletingAnUnknownArticleIs404() throws {
        let api = try APITestServer()
        let client = try api.client()
        #expect(try client.request("PATCH", "/v1/articles/999", fields: Self.mergePatch, body: Self.json(#"{"headline": "x"}"#)).status == 404)
        #expect(try client.request("DELETE", "/v1/articles/999").status == 404)
        #expect(try client.request("DELETE", "/v1/articles/abc").status == 404)
    }

    // MARK: DELETE /v1/articles/{id}

    @Test func deletingAnArticleKeepsEveryCountExact() throws {
        let fixture = try Self.twoArticles()
        let (client, tripoli) = (fixture.client, fixture.tripoli)
        let before = try Self.entities(client)
        let seed = try #require(try client.request("GET", "/v1/articles/1").json)
        let seedEntities = try #require(seed["entities"] as? [[String: Any]])
        let seedCaptions = try #require(seed["captions"] as? [Any]).count
        let captionsBefore = try #require(try client.request("GET", "/v1/captions").json?["total"] as? Int)

        let deleted = try client.request("DELETE", "/v1/articles/1")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(try client.request("GET", "/v1/articles/1").status == 404)
        #expect(try client.request("DELETE", "/v1/articles/1").status == 404)
        #expect(try client.request("GET", "/v1/health").json?["articles"] as? Int == 1)
        #expect(try client.request("GET", "/v1/captions").json?["total"] as? Int == captionsBefore - seedCaptions)

        // Each entity loses exactly the seed's mentions; those only the seed had are gone.
        let after = try Self.entities(client)
        for (key, entity) in before {
            let inSeed = seedEntities.first { "\($0["type"]!)/\($0["name"]!)" == key }
            let seedMentions = inSeed?["mentions"] as? Int ?? 0
            let mentions = entity["mentionCount"] as! Int
            let articles = entity["articleCount"] as! Int
            if mentions == seedMentions {
                #expect(after[key] == nil, "\(key) should be gone")
            } else {
                #expect(after[key]?["mentionCount"] as? Int == mentions - seedMentions, "\(key)")
                #expect(after[key]?["articleCount"] as? Int == articles - (inSeed == nil ? 0 : 1), "\(key)")
            }
        }
        #expect(after["PERSON/Giuseppe Conte"] == nil)
        #expect(after["GPE/Libya"]?["articleCount"] as? Int == 1)
        let libyaID = try #require(after["GPE/Libya"]?["id"] as? Int)
        let libya = try #require(try client.request("GET", "/v1/entities/\(libyaID)").json)
        #expect(((libya["articles"] as? [String: Any])?["data"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [tripoli])
    }

    // MARK: PATCH /v1/entities/{id}

    @Test func renamingAnEntityAndItsConflicts() throws {
        let fixture = try Self.twoArticles()
        let client = fixture.client
        let entities = try Self.entities(client)
        let hifter = try #require(entities["PERSON/Khalifa Hifter"]?["id"] as? Int)
        let libya = try #require(entities["GPE/Libya"]?["id"] as? Int)
        let libyan = try #require(entities["NORP/Libyan"]?["id"] as? Int)

        let renamed = try client.request("PATCH", "/v1/entities/\(hifter)", fields: Self.mergePatch, body: Self.json(#"{"name": "Khalifa Haftar"}"#))
        #expect(renamed.status == 200)
        #expect(renamed.json?["name"] as? String == "Khalifa Haftar")
        #expect(renamed.json?["type"] as? String == "PERSON")
        #expect(renamed.json?["mentionCount"] as? Int == entities["PERSON/Khalifa Hifter"]?["mentionCount"] as? Int)
        #expect(try client.request("GET", "/v1/articles/1").text.contains("\"Khalifa Haftar\""))

        let conflict = try client.request("PATCH", "/v1/entities/\(libyan)", fields: Self.mergePatch,
                                          body: Self.json(#"{"name": "Libya", "type": "gpe"}"#))
        #expect(conflict.status == 409)
        #expect(conflict.json?["type"] as? String == "urn:newsapi:problem:conflict")
        #expect(conflict.json?["conflictingEntity"] as? Int == libya)
        #expect((conflict.json?["detail"] as? String)?.contains("/v1/entities/\(libyan)/merge") == true)
        #expect(try client.request("GET", "/v1/entities/\(libyan)").json?["name"] as? String == "Libyan")

        let badType = try client.request("PATCH", "/v1/entities/\(libyan)", fields: Self.mergePatch, body: Self.json(#"{"type": "PLACE"}"#))
        #expect(badType.status == 422)
        #expect(badType.json?["member"] as? String == "type")
        #expect(try client.request("PATCH", "/v1/entities/\(libyan)", fields: Self.mergePatch, body: Self.json(#"{"aliases": []}"#)).status == 422)
        #expect(try client.request("PATCH", "/v1/entities/\(libyan)", fields: Self.mergePatch, body: Self.json(#"{"name": ""}"#)).status == 422)
        #expect(try client.request("PATCH", "/v1/entities/99999", fields: Self.mergePatch, body: Self.json(#"{"name": "x"}"#)).status == 404)
    }

    // MARK: POST /v1/entities/{id}/merge

    @Test func mergingMovesMentionsAndAliasesAndTheSourceIsGone() throws {
        let fixture = try Self.twoArticles()
        let (client, tripoli) = (fixture.client, fixture.tripoli)
        let entities = try Self.entities(client)
        let libya = try #require(entities["GPE/Libya"])
        let libyan = try #require(entities["NORP/Libyan"])
        let libyaID = try #require(libya["id"] as? Int)
        let libyanID = try #require(libyan["id"] as? Int)
        let libyanAliases = try #require(try client.request("GET", "/v1/entities/\(libyanID)").json?["aliases"] as? [[String: Any]])

        let merged = try client.request("POST", "/v1/entities/\(libyanID)/merge", fields: [("Content-Type", "application/json")],
                                        body: Self.json(#"{"into": \#(libyaID)}"#))
        #expect(merged.status == 200)
        let target = try #require(merged.json)
        #expect(target["id"] as? Int == libyaID)
        #expect(target["name"] as? String == "Libya")
        #expect(target["mentionCount"] as? Int == (libya["mentionCount"] as! Int) + (libyan["mentionCount"] as! Int))
        #expect(target["articleCount"] as? Int == 2)
        let aliases = Set(try #require(target["aliases"] as? [[String: Any]]).compactMap { $0["text"] as? String })
        #expect(Set(libyanAliases.compactMap { $0["text"] as? String }).isSubset(of: aliases))

        #expect(try client.request("GET", "/v1/entities/\(libyanID)").status == 404)
        let after = try Self.entities(client)
        #expect(after["NORP/Libyan"] == nil)
        #expect(after.count == entities.count - 1)
        // Each article lists the target once, with the mentions of both.
        for id in [1, tripoli] {
            let article = try #require(try client.request("GET", "/v1/articles/\(id)").json?["entities"] as? [[String: Any]])
            #expect(article.filter { $0["id"] as? Int == libyaID }.count == 1)
            #expect(!article.contains { $0["id"] as? Int == libyanID })
        }
    }

    @Test(arguments: [
        (#"{"into": SELF}"#, 422),
        (#"{"into": 99999}"#, 422),
        (#"{"into": "3"}"#, 422),
        (#"{"into": 0}"#, 422),
        (#"{}"#, 422),
        (#"{"into": OTHER, "name": "x"}"#, 422),
        (#"[1]"#, 422),
        (#"{"into": "#, 400),
    ])
    func badMergesAreRefusedAndChangeNothing(template: String, status: Int) throws {
        let api = try APITestServer()
        let client = try api.client()
        let entities = try Self.entities(client)
        let libya = try #require(entities["GPE/Libya"]?["id"] as? Int)
        let italy = try #require(entities["GPE/Italy"]?["id"] as? Int)
        let body = template.replacingOccurrences(of: "SELF", with: "\(libya)").replacingOccurrences(of: "OTHER", with: "\(italy)")
        let response = try client.request("POST", "/v1/entities/\(libya)/merge", fields: [("Content-Type", "application/json")], body: Self.json(body))
        #expect(response.status == status, "\(body)")
        #expect(response.field("Content-Type") == "application/problem+json")
        #expect(try Self.entities(client).count == entities.count)
    }

    @Test func mergingAMissingEntityIs404() throws {
        let api = try APITestServer()
        let response = try api.client().request("POST", "/v1/entities/99999/merge", fields: [("Content-Type", "application/json")],
                                                 body: Self.json(#"{"into": 1}"#))
        #expect(response.status == 404)
    }
}
