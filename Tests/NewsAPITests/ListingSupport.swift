import Foundation
import HTTPTestSupport
import NewsAPI
import NewsIngest
import NewsStore

/// The 21 evaluation documents (Tests/Eval/Documents), real news pages in the seed's layout.
enum EvalCorpus {
    static let folder = APITestServer.repositoryRoot.appendingPathComponent("Tests/Eval/Documents")

    /// Ingests every document through the same intake as uploads; article ids by file name without
    /// extension ("13-bogota-coca-record").
    @discardableResult
    static func ingest(into api: APITestServer) throws -> [String: Int] {
        let intake = DocumentIntake(store: api.store)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        var ids: [String: Int] = [:]
        for file in files {
            let outcome = try intake.ingest(try Data(contentsOf: folder.appendingPathComponent(file)))
            ids[String(file.dropLast(4))] = Int(outcome.id)
        }
        return ids
    }
}

/// Made-up articles stored straight into the store, for tests that need many of them quickly.
enum SyntheticArticle {
    /// A distinct article: `index` makes its text unique.
    static func make(_ index: Int, text: String = "A synthetic report.", publishedAt: CalendarDate? = nil,
                     entities: [NamedEntity] = [], paragraphs: Int = 1) throws -> (NewsDocument, ParsedArticle) {
        let body = (0..<paragraphs).map { "\(text) Paragraph \($0) of synthetic article number \(index)." }
        let document = try NewsDocument(text: "Synthetic \(index)\n\n" + body.joined(separator: "\n\n"))
        let article = ParsedArticle(headline: "Synthetic \(index)", publishedAt: publishedAt, dateline: nil, byline: nil,
                                    paragraphs: body, captions: [], entities: entities)
        return (document, article)
    }
}

extension RawResponse {
    /// `data` of a listing body.
    var items: [[String: Any]] { json?["data"] as? [[String: Any]] ?? [] }

    /// `page.next` of a listing body; nil when null or absent.
    var nextCursor: String? { (json?["page"] as? [String: Any])?["next"] as? String }

    /// The target of `Link: <target>; rel="next"`, or nil.
    var nextLink: String? {
        guard let link = field("Link"), link.hasSuffix("; rel=\"next\""), link.hasPrefix("<"),
              let end = link.firstIndex(of: ">") else { return nil }
        return String(link[link.index(after: link.startIndex)..<end])
    }
}

extension TestClient {
    /// GETs `target`, then every `Link: rel="next"` after it; the items of every page in order.
    ///
    /// - Parameter betweenPages: runs after each page, before the next is asked for.
    func walk(_ target: String, betweenPages: () throws -> Void = {}) throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var next: String? = target
        var pages = 0
        while let current = next {
            let response = try request("GET", current)
            guard response.status == 200 else { throw WalkFailure(description: "\(current): \(response.status) \(response.text)") }
            items += response.items
            next = response.nextLink
            pages += 1
            guard pages < 10_000 else { throw WalkFailure(description: "the walk from \(target) does not end") }
            try betweenPages()
        }
        return items
    }
}

struct WalkFailure: Error, CustomStringConvertible {
    let description: String
}

/// Percent-encodes text for a query value: everything but unreserved characters (RFC 3986 §2.3).
func queryValue(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ""
}
