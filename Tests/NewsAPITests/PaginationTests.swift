import Dispatch
import Foundation
import HTTPTestSupport
import NewsIngest
import NewsStore
import Synchronization
import Testing

/// Keyset pagination: cursors, Link headers, and walks that stay exact while articles are stored.
@Suite("Keyset pagination over a real socket", .serialized)
struct PaginationTests {
    /// Runs `walk` while another thread stores `count` articles, `perPage` of them between one page
    /// and the next: the walk's `betweenPages` hands over to the storing thread and waits for it, so
    /// every page after the first is read from a database that changed since the page before.
    /// Returns what `walk` returned.
    private func whileStoring<Result>(
        _ count: Int, perPage: Int = 2, in store: NewsStore,
        article: @escaping @Sendable (Int) throws -> (NewsDocument, ParsedArticle),
        _ walk: (_ betweenPages: () throws -> Void) throws -> Result
    ) throws -> Result {
        let turn = DispatchSemaphore(value: 0)
        let stored = DispatchSemaphore(value: 0)
        let state = Mutex<(next: Int, failure: String?)>((0, nil))
        let storing = Thread {
            while turn.wait(timeout: .now() + 10) == .success {
                let first = state.withLock { $0.next }
                guard first < count else { break }
                do {
                    for index in first..<min(first + perPage, count) {
                        let item = try article(index)
                        _ = try store.store(item.0, item.1)
                    }
                } catch {
                    state.withLock { $0.failure = "\(error)" }
                }
                state.withLock { $0.next = first + perPage }
                stored.signal()
            }
            stored.signal()
        }
        storing.start()
        let result = try walk {
            // Once every article is stored the storing thread is gone; the walk goes on alone.
            guard state.withLock({ $0.next < count }) else { return }
            turn.signal()
            stored.wait()
        }
        let (storedCount, failure) = state.withLock { (min($0.next, count), $0.failure) }
        turn.signal()
        #expect(failure == nil)
        // The walk was long enough for every article to be stored during it.
        #expect(storedCount == count)
        return result
    }

    /// Dates before, among and after the corpus's, and none, so new articles land all over the order.
    private static func date(_ index: Int) -> CalendarDate? {
        index % 4 == 3 ? nil : CalendarDate(year: 2017 + index % 4, month: 1 + index % 12, day: 1 + index % 28)
    }

    @Test func aWalkWhileArticlesAreStoredMeetsEveryEarlierArticleOnce() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        let before = Set(try client.request("GET", "/v1/articles?limit=100").items.compactMap { $0["id"] as? Int })
        #expect(before.count == 22)

        for order in ["-publishedAt", "publishedAt"] {
            let walked = try whileStoring(40, in: api.store, article: { try SyntheticArticle.make(1000 * order.count + $0, publishedAt: Self.date($0)) }) {
                try client.walk("/v1/articles?limit=2&sort=\(order)", betweenPages: $0)
            }
            let ids = walked.compactMap { $0["id"] as? Int }
            #expect(ids.count == Set(ids).count, "\(order): an article came twice")
            #expect(before.isSubset(of: Set(ids)), "\(order): missed \(before.subtracting(ids))")
            let dates = walked.map { $0["publishedAt"] as? String }
            let dated = dates.prefix { $0 != nil }.compactMap { $0 }
            #expect(dated == (order == "publishedAt" ? dated.sorted() : dated.sorted(by: >)), "\(order) out of order")
            #expect(dates.drop { $0 != nil }.allSatisfy { $0 == nil }, "\(order): undated articles are last")
        }
    }

    @Test func aRelevanceWalkWhileMatchingArticlesAreStoredNeverRepeats() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        let before = Set(try client.request("GET", "/v1/articles?limit=100&q=said").items.compactMap { $0["id"] as? Int })
        // The new articles all match, and change how common "said" is: FTS5's bm25() would reorder everything.
        let walked = try whileStoring(40, in: api.store, article: {
            try SyntheticArticle.make(5000 + $0, text: "Officials said so.", publishedAt: Self.date($0), paragraphs: 1 + $0 % 3)
        }) {
            try client.walk("/v1/articles?limit=2&q=said", betweenPages: $0)
        }
        let ids = walked.compactMap { $0["id"] as? Int }
        #expect(ids.count == Set(ids).count)
        #expect(before.isSubset(of: Set(ids)))
        // The articles stored before the walk keep the order a single page gives them now: for one
        // term, a changed idf scales every score alike and b = 0, so their order cannot change.
        let now = try client.request("GET", "/v1/articles?limit=100&q=said").items.compactMap { $0["id"] as? Int }
        #expect(ids.filter(before.contains) == now.filter(before.contains))
    }

    @Test func anEntityWalkByMentionsWhileCountsChangeNeverRepeatsOrSkips() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        let all = try client.request("GET", "/v1/entities?limit=100").items
        let before = try client.walk("/v1/entities?limit=100").compactMap { $0["id"] as? Int }
        #expect(before.count > 100)
        // New articles mention entities from the end of the list, many times, to push them up past the cursor.
        let tail = all.suffix(10).map { (name: $0["name"] as! String, type: EntityType(rawValue: $0["type"] as! String)!) }
        let walked = try whileStoring(40, in: api.store, article: { index in
            let entity = tail[index % tail.count]
            return try SyntheticArticle.make(9000 + index, entities: [NamedEntity(name: entity.name, type: entity.type, mentions: 50)])
        }) {
            try client.walk("/v1/entities?limit=5", betweenPages: $0)
        }
        let ids = walked.compactMap { $0["id"] as? Int }
        #expect(ids.count == Set(ids).count)
        #expect(Set(ids) == Set(before))
    }

    @Test func linkIsSentOnlyWhenThereIsANextPageAndKeepsTheParameters() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        let first = try client.request("GET", "/v1/articles?q=said&limit=10&hasCaptions=true&sort=-publishedAt")
        let link = try #require(first.field("Link"))
        let cursor = try #require(first.nextCursor)
        #expect(link == "</v1/articles?q=said&limit=10&hasCaptions=true&sort=-publishedAt&cursor=\(cursor)>; rel=\"next\"")
        let second = try client.request("GET", try #require(first.nextLink))
        #expect(second.status == 200)
        #expect(second.field("Link") == nil)
        #expect(second.nextCursor == nil)
        #expect((second.json?["page"] as? [String: Any])?["next"] is NSNull)
        #expect(first.items.count + second.items.count == first.json?["total"] as? Int)

        // A listing of one page has no Link at all; one that fits exactly neither.
        let total = try #require(first.json?["total"] as? Int)
        #expect(try client.request("GET", "/v1/articles?q=said&hasCaptions=true&limit=\(total)").field("Link") == nil)
        // Values are percent-encoded again in the Link, whatever they held.
        let odd = try client.request("GET", "/v1/search?q=\(queryValue("said -\"<b> & zzz\""))&limit=1")
        let oddLink = try #require(odd.field("Link"))
        #expect(oddLink.hasPrefix("</v1/search?q=said%20-%22%3Cb%3E%20%26%20zzz%22&limit=1&cursor="))
    }

    @Test func everyListingIsPagedWithTheSameShape() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        let libya = try #require(try client.request("GET", "/v1/entities?q=Libya&type=GPE").items.first?["id"] as? Int)
        for path in ["/v1/articles", "/v1/search?q=said", "/v1/entities", "/v1/entities/\(libya)/articles",
                     "/v1/entities/\(libya)/related", "/v1/captions"] {
            let separator = path.contains("?") ? "&" : "?"
            let full = try client.request("GET", "\(path)\(separator)limit=100")
            #expect(Set(full.json?.keys.map { $0 } ?? []) == ["data", "page", "total"], "\(path)")
            let walked = try client.walk("\(path)\(separator)limit=2")
            #expect(walked.count == full.json?["total"] as? Int, "\(path)")
            #expect(NSArray(array: Array(walked.prefix(100))).isEqual(to: full.items), "\(path)")
        }
    }

    @Test func cursorsThatAreNotOursOrNotForThisListingAre400() throws {
        let api = try APITestServer()
        try EvalCorpus.ingest(into: api)
        let client = try api.client()
        let cursor = try #require(try client.request("GET", "/v1/articles?limit=2").nextCursor)
        var tampered = Array(cursor.utf8)
        tampered[tampered.count / 2] = tampered[tampered.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let targets = [
            "/v1/articles?cursor=garbage",
            "/v1/articles?cursor=",
            "/v1/articles?cursor=\(String(decoding: tampered, as: UTF8.self))",
            "/v1/articles?cursor=\(cursor.dropLast(3))",
            "/v1/articles?cursor=\(cursor)%3D",
            "/v1/articles?cursor=\(String(repeating: "A", count: 5000))",
            "/v1/articles?sort=publishedAt&cursor=\(cursor)",
            "/v1/articles?q=said&cursor=\(cursor)",
            "/v1/captions?cursor=\(cursor)",
            "/v1/entities?cursor=\(cursor)",
            "/v1/articles?cursor=\(cursor)&cursor=\(cursor)",
        ]
        for target in targets {
            let response = try client.request("GET", target)
            #expect(response.status == 400, "\(target)")
            #expect(response.json?["parameter"] as? String == "cursor", "\(target)")
            #expect(response.json?["type"] as? String == "urn:newsapi:problem:invalid-parameter", "\(target)")
        }
        // The page size may change between pages; the cursor still fits.
        #expect(try client.request("GET", "/v1/articles?limit=7&cursor=\(cursor)").status == 200)
    }

    @Test(arguments: ["/v1/articles", "/v1/entities", "/v1/captions", "/v1/search?q=said"])
    func offsetIsRefusedRatherThanIgnored(path: String) throws {
        let api = try APITestServer()
        let separator = path.contains("?") ? "&" : "?"
        let response = try api.client().request("GET", "\(path)\(separator)offset=20")
        #expect(response.status == 400)
        #expect(response.json?["parameter"] as? String == "offset")
        #expect((response.json?["detail"] as? String)?.contains("cursor") == true)
    }
}
