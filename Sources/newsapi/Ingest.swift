import ArgumentParser
import NewsAPI

/// `newsapi ingest PATH...`: store documents from files and folders, one line per file.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store news documents from files or folders.",
        discussion: "Prints one line per file (stored, already present or rejected with the reason) and a summary. Exits 1 if any file was rejected.")

    @Option(help: "SQLite database file; its folder is created if needed.")
    var db = "data/news.sqlite"

    @Argument(help: "Document files, or folders searched recursively.")
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to ingest") }
    }

    func run() throws {
        let store = try openStore(at: db)
        let report = try IngestRun(intake: DocumentIntake(store: store), echo: { say($0) }).ingest(paths: paths)
        say(report.summary)
        try store.close()
        if report.rejected > 0 { throw ExitCode(1) }
    }
}
