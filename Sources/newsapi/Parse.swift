import ArgumentParser
import Foundation
import NewsAPI
import NewsIngest

/// `newsapi parse FILE`: print what the parser extracts, storing nothing.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a document's parsed article as JSON; stores nothing.")

    @Argument(help: "A news document file.")
    var file: String

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try DocumentFile.read(file)
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
        let article: ParsedArticle
        do {
            article = try ArticleParser().parse(try NewsDocument(bytes: bytes))
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        say(String(decoding: try encoder.encode(article), as: UTF8.self))
    }
}
