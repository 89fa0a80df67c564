import ArgumentParser
import NewsAPI
import NewsStore

/// `newsapi ingest PATH...`: store documents from files and folders, reporting each file.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store news documents from files or folders.",
        discussion: """
            Reads and parses on every core and stores in batches of one transaction each. Prints one line per \
            file (stored, already present or rejected with the reason) and a summary; on a terminal, only the \
            rejected files, above a progress bar on standard error. Exits 1 if any file was rejected.
            """)

    @Option(help: "SQLite database file; its folder is created if needed.")
    var db = "data/news.sqlite"

    @Flag(help: "Decode and parse only: report what would be rejected, open no database, store nothing.")
    var dryRun = false

    @Flag(help: "List every file, also on a terminal.")
    var verbose = false

    @Argument(help: "Document files, or folders searched recursively.")
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to ingest") }
    }

    func run() throws {
        let started = ContinuousClock.now
        // Listing first: a mistyped path shows up before the database is created.
        let entries = DocumentFiles.list(paths)
        let store = dryRun ? nil : try openStore(at: db)
        var console = IngestConsole(total: entries.count, started: started, verbose: verbose)
        let tally: BulkIngest.Tally
        do {
            tally = try BulkIngest().run(entries, store: store) { console.show($0) }
        } catch {
            console.finish()
            try? store?.close()
            throw CommandFailure("\(error)")
        }
        console.finish()
        say(tally.summary(elapsed: ContinuousClock.now - started, dryRun: dryRun))
        try store?.close()
        if tally.rejected > 0 { throw ExitCode(1) }
    }
}
