import Foundation
import NewsIngest
@testable import NewsStore

/// A store on a real SQLite file in a fresh temporary directory, removed after `body`.
func withTemporaryStore(
    migrations: [Migration]? = nil,
    _ body: (_ store: NewsStore, _ path: String) throws -> Void
) throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("NewsStoreTests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    // A missing parent directory is part of what the store must cope with.
    let path = directory.appendingPathComponent("nested/news.sqlite").path
    let store = try NewsStore(path: path, migrations: migrations ?? Migration.bundled(), now: { Fixtures.now })
    try body(store, path)
}

enum Fixtures {
    /// The pinned clock of every test store.
    static let now = Date(timeIntervalSince1970: 1_795_940_400)
    static let nowText = "2026-11-29T08:20:00Z"

    /// `sha256sum` of the seed text after normalisation (BOM dropped, LF endings, trimmed), computed outside Swift.
    static let seedSHA256 = "6b0fb068589dd20d711b1f0b4742496248c03b0473b5aa19636d1dc9ef7c7bb9"

    /// The raw seed file, as uploaded.
    static func seedText() throws -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("seeds/000_30ef00eb747dd457.txt"), encoding: .utf8)
    }

    static func seedDocument() throws -> NewsDocument {
        try NewsDocument(text: seedText())
    }

    static let conteCaption = Caption(
        text: "Italian Premier Giuseppe Conte, center, is flanked by Fayez Serraj, the PM of the U.N.-backed "
            + "government in Tripoli, left, and UN special envoy for Libya, Ghassam Salame’, as they pose for a "
            + "family photo in Palermo, Nov. 13, 2018.",
        isFilePhoto: false, date: CalendarDate(year: 2018, month: 11, day: 13), place: "Palermo")

    static let hifterCaption = Caption(
        text: "FILE - Gen. Khalifa Hifter, military chief of Libya's internationally recognized government, "
            + "shown in Amman, Jordan, Aug. 24, 2015.",
        isFilePhoto: true, date: CalendarDate(year: 2015, month: 8, day: 24), place: "Amman, Jordan")

    /// What the parser should make of the seed, written by hand (the parser is not ready).
    static func seedArticle() throws -> ParsedArticle {
        // Blocks 0-1 are site chrome, 2 the headline, 3 and 6 captions; the rest is body text.
        let blocks = try seedDocument().text.components(separatedBy: "\n\n")
        let paragraphs = blocks.enumerated().filter { ![0, 1, 2, 3, 6].contains($0.offset) }.map(\.element)
        return ParsedArticle(
            headline: "Italy Brings Together Libya Rivals on Conference Sidelines",
            publishedAt: CalendarDate(year: 2018, month: 11, day: 13),
            dateline: nil,
            byline: nil,
            paragraphs: paragraphs,
            captions: [conteCaption, hifterCaption],
            entities: [
                NamedEntity(name: "Libya", type: .gpe, mentions: 6),
                NamedEntity(name: "Italy", type: .gpe, mentions: 5),
                NamedEntity(name: "Khalifa Hifter", type: .person, mentions: 4),
                NamedEntity(name: "Giuseppe Conte", type: .person, mentions: 3),
                NamedEntity(name: "Tripoli", type: .gpe, mentions: 3),
                NamedEntity(name: "Palermo", type: .gpe, mentions: 3),
                NamedEntity(name: "Italian", type: .norp, mentions: 2),
                NamedEntity(name: "Qatar", type: .gpe, mentions: 1),
            ])
    }

    /// A small made-up article; `text` must differ between articles that should be distinct.
    static func article(
        _ text: String, headline: String? = nil, publishedAt: CalendarDate? = nil,
        captions: [Caption] = [], entities: [NamedEntity] = []
    ) throws -> (NewsDocument, ParsedArticle) {
        let document = try NewsDocument(text: text)
        let article = ParsedArticle(
            headline: headline ?? text, publishedAt: publishedAt, dateline: "ROME", byline: "By A. Writer",
            paragraphs: [text], captions: captions, entities: entities)
        return (document, article)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }
}
