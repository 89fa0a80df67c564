import Foundation
import ArgumentParser
import NewsIngest
import NewsStore

/// `newsapi reparse`: read stored articles' raw text again with this parser.
struct Reparse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run extraction over the stored raw text of articles read by an older parser.",
        discussion: """
            Each article is updated in its own transaction: its headline, dates, byline, paragraphs, captions, \
            entities and mentions are replaced together or not at all. Entities no article mentions any more are removed. \
            An article whose text no longer parses is left as it was and reported.
            """)

    @Option(help: "SQLite database file.")
    var db = "data/news.sqlite"

    @Flag(help: "Re-read every article, not only those an older parser read.")
    var all = false

    /// Ids read per query: small enough to keep each read short while writes go on.
    private static let pageSize = 500

    func run() throws {
        // Opening would create an empty database, and "0 articles re-read" would hide a mistyped path.
        guard FileManager.default.fileExists(atPath: db) else { throw CommandFailure("no database at \(db)") }
        let store = try openStore(at: db)
        let parser = ArticleParser()
        var updated = 0
        var failed = 0
        var last: Int64 = 0
        while case let ids = try store.articleIDsToReparse(all: all, after: last, limit: Self.pageSize), let final = ids.last {
            for id in ids {
                do {
                    if try store.reparse(articleID: id, with: { try parser.parse($0) }) { updated += 1 }
                } catch let error as IngestError {
                    failed += 1
                    say("kept      article \(id): \(error)")
                }
            }
            last = final
        }
        let noun = updated == 1 ? "article" : "articles"
        say("\(updated) \(noun) re-read with parser version \(ArticleParser.version), \(failed) kept as they were")
        try store.close()
        if failed > 0 { throw ExitCode(1) }
    }
}
