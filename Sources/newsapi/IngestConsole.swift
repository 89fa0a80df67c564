import NewsAPI

/// What `ingest` shows while it runs.
///
/// Not on a terminal (a log, a pipe): one line per file, as a record to keep. On a terminal: only
/// the rejected files, the ones that need a person, above a progress bar; thousands of "stored"
/// lines would bury them. `--verbose` lists every file anywhere.
struct IngestConsole {
    /// Whether every file gets a line, or only the rejected ones.
    let listsEveryFile: Bool
    private var bar: ProgressBar?
    private var tally = BulkIngest.Tally()

    /// - Parameters:
    ///   - total: Files to process, for the bar.
    ///   - started: When the run started, for the bar's rate and estimate.
    ///   - verbose: List every file even on a terminal.
    ///   - outputIsTerminal: Whether standard output, where the lines go, is a terminal.
    ///   - errorIsTerminal: Whether standard error is a terminal; only then is a bar drawn there.
    init(total: Int, started: ContinuousClock.Instant, verbose: Bool,
         outputIsTerminal: Bool = Terminal.outputIsTerminal, errorIsTerminal: Bool = Terminal.errorIsTerminal) {
        listsEveryFile = verbose || !outputIsTerminal
        bar = errorIsTerminal ? ProgressBar(total: total, started: started) : nil
    }

    mutating func show(_ report: BulkIngest.FileReport) {
        tally.count(report.outcome)
        if case .rejected = report.outcome {
            print(report)
        } else if listsEveryFile {
            print(report)
        }
        bar?.update(files: tally.files, documents: tally.documents)
    }

    /// Erases the bar, before the summary or an error takes its place.
    mutating func finish() {
        bar?.erase()
    }

    private mutating func print(_ report: BulkIngest.FileReport) {
        bar?.erase()
        say(Self.line(for: report))
        bar?.redraw()
    }

    /// `stored    seeds/a.txt -> article 1`: the outcome padded to one width, so paths line up.
    static func line(for report: BulkIngest.FileReport) -> String {
        switch report.outcome {
        case .stored(let id): "stored    \(report.path) -> article \(id)"
        case .present(let id): "present   \(report.path) -> article \(id)"
        case .parsed(let headline): "parsed    \(report.path) -> \(headline)"
        case .rejected(let reason): "rejected  \(report.path): \(reason)"
        }
    }
}

extension BulkIngest.Tally {
    /// `10,000 files: 9,990 stored, 5 already present, 5 rejected in 4.2 s (2,380 documents/s)`;
    /// in a dry run `10,000 files: 9,995 parsed, 5 rejected in 2.1 s (4,759 documents/s); dry run, nothing stored`.
    ///
    /// Documents per second counts the files that were news documents, not the rejected ones.
    func summary(elapsed: Duration, dryRun: Bool) -> String {
        let timing = " in \(Figures.seconds(elapsed)) (\(Figures.count(Figures.rate(documents, per: elapsed))) documents/s)"
        let listed = "\(Figures.count(files)) \(files == 1 ? "file" : "files")"
        if dryRun {
            return "\(listed): \(Figures.count(parsed)) parsed, \(Figures.count(rejected)) rejected" + timing + "; dry run, nothing stored"
        }
        return "\(listed): \(Figures.count(stored)) stored, \(Figures.count(present)) already present, "
            + "\(Figures.count(rejected)) rejected" + timing
    }
}
