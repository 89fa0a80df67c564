import ArgumentParser
import Foundation
import NewsAPI
import NewsIngest

/// `newsapi eval DIR`: score the parser against gold annotations and print the table.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the parser against hand-annotated documents.",
        discussion: """
            Parses every NAME.txt in DIR and compares it with NAME.gold.json (in DIR, or in --gold). Prints exact-match \
            accuracy per field and entity precision, recall and F1 per type. Exits 1 when a file cannot be read or parsed.
            """)

    @Argument(help: "Folder of documents (NAME.txt).")
    var folder: String

    @Option(help: "Folder of the gold files (NAME.gold.json); default: the documents' folder.")
    var gold: String?

    @Flag(help: "Also list every miss: wrong fields, missed and extra entities, unattached aliases.")
    var verbose = false

    func run() throws {
        let goldFolder = gold ?? folder
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
        } catch {
            throw CommandFailure("\(folder): cannot list the folder (\(error.localizedDescription))")
        }
        let parser = ArticleParser()
        var evaluation = Evaluation()
        var scored = 0
        for name in names {
            let base = String(name.dropLast(4))
            let goldPath = goldFolder + "/" + base + ".gold.json"
            guard FileManager.default.fileExists(atPath: goldPath) else { continue }
            let path = folder + "/" + name
            do {
                let annotation = try JSONDecoder().decode(GoldAnnotation.self, from: Data(try DocumentFile.read(goldPath)))
                let article = try parser.parse(try NewsDocument(bytes: try DocumentFile.read(path)))
                evaluation.add(article, gold: annotation, name: base)
                scored += 1
            } catch let error as DecodingError {
                throw CommandFailure("\(goldPath): not a gold annotation (\(error))")
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
        }
        guard scored > 0 else { throw CommandFailure("\(folder): no NAME.txt with a NAME.gold.json in \(goldFolder)") }
        say(evaluation.table)
        if verbose {
            say("")
            evaluation.misses.forEach { say($0) }
        }
    }
}
