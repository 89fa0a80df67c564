import Foundation
import NewsIngest
import NewsStore

/// Ingests many document files at once: reads, decodes and parses them on several threads, stores
/// them in batches of one transaction each, and reports every file in the order given.
///
/// A file that cannot be read or is not a news document is reported as rejected and never enters a
/// batch, so it neither stops nor rolls back the others. Only a failing write (the disk, the
/// database) stops a run.
public struct BulkIngest: Sendable {
    /// Threads reading and parsing; the calling thread stores meanwhile.
    public let workers: Int
    /// The most one transaction holds. Larger batches mean fewer commits; the limit in bytes keeps a
    /// batch of long documents from holding the write lock (and memory) for long.
    public let batchLimit: BatchLimit
    public let parser: ArticleParser

    /// Files a worker reads and parses in one go: enough to make claiming work cheap, few enough to
    /// spread a small folder over every worker.
    static let chunkSize = 8
    /// Files read and parsed ahead of the writer, at most (more with over 16 workers: two chunks each).
    /// A default batch's worth, so the workers keep parsing the next batch while one is written.
    static let readAhead = 256

    /// - Parameter workers: Threads reading and parsing; by default one per active processor.
    public init(parser: ArticleParser = ArticleParser(), workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                batchLimit: BatchLimit = BatchLimit()) {
        self.parser = parser
        self.workers = max(1, workers)
        self.batchLimit = batchLimit
    }

    /// The most one transaction holds: a batch is written as soon as it reaches either limit.
    public struct BatchLimit: Hashable, Sendable {
        public var documents: Int
        /// UTF-8 bytes of normalised text.
        public var bytes: Int

        public init(documents: Int = 256, bytes: Int = 8 * 1024 * 1024) {
            self.documents = max(1, documents)
            self.bytes = max(1, bytes)
        }
    }

    /// What became of one file.
    public enum Outcome: Hashable, Sendable {
        /// Stored as a new article with this id.
        case stored(articleID: Int64)
        /// The same text was stored before (or earlier in this run) under this id; nothing was written.
        case present(articleID: Int64)
        /// Dry run: the file decoded and parsed, and would be stored (or found already present).
        case parsed(headline: String)
        /// Not read, or not a news document; `reason` is phrased for a person.
        case rejected(reason: String)
    }

    /// One file's outcome, under the path as listed.
    public struct FileReport: Hashable, Sendable {
        public let path: String
        public let outcome: Outcome
    }

    /// How many files ended each way.
    public struct Tally: Hashable, Sendable {
        public var stored = 0
        public var present = 0
        public var parsed = 0
        public var rejected = 0

        public init() {}

        public var files: Int { stored + present + parsed + rejected }
        /// Files that are news documents: all but the rejected.
        public var documents: Int { stored + present + parsed }

        /// Adds one outcome; also for callers keeping a running tally of the reports as they come.
        public mutating func count(_ outcome: Outcome) {
            switch outcome {
            case .stored: stored += 1
            case .present: present += 1
            case .parsed: parsed += 1
            case .rejected: rejected += 1
            }
        }
    }

    /// Reads, parses and (unless `store` is nil) stores every entry.
    ///
    /// Memory stays bounded whatever the number of files: at most 256 files are read and parsed ahead
    /// of the writer (with news pages of a few KiB, a few MiB), plus the batch being built.
    ///
    /// - Parameters:
    ///   - entries: Files in the order to report them; `.missing` ones are rejected.
    ///   - store: Where to store; nil for a dry run, which decodes and parses only and touches no database.
    ///   - report: Called on the calling thread once per entry, in the order of `entries`; for a stored
    ///     file only after its batch is committed, so a reported file is on disk.
    /// - Returns: The counts of every outcome.
    /// - Throws: ``BatchStoreError`` when a batch cannot be written; that batch's files are neither
    ///   stored nor reported, earlier ones are, and no later file is stored.
    public func run(_ entries: [DocumentFiles.Entry], store: NewsStore?, report: (FileReport) -> Void) throws -> Tally {
        var tally = Tally()
        var pending = PendingBatch()
        func emit(_ reports: [FileReport]) {
            for item in reports {
                tally.count(item.outcome)
                report(item)
            }
        }
        let chunkCount = (entries.count + Self.chunkSize - 1) / Self.chunkSize
        let window = max(2 * workers, Self.readAhead / Self.chunkSize)
        let parser = parser
        try OrderedParallelMap(workers: workers, window: window).run(count: chunkCount) { chunk in
            let first = chunk * Self.chunkSize
            return entries[first..<min(first + Self.chunkSize, entries.count)].map { entry in
                Self.prepare(entry, with: parser, checkingIn: store)
            }
        } consume: { chunk in
            for (path, file) in chunk {
                pending.add(path, file)
                if pending.reaches(batchLimit) { emit(try pending.flush(to: store)) }
            }
            // Nothing waits for a write: report what is known at once, for a live progress display.
            if !pending.holdsDocuments { emit(try pending.flush(to: store)) }
        }
        emit(try pending.flush(to: store))
        return tally
    }

    /// Reads, decodes and parses one entry: the article to store, or the outcome already decided.
    ///
    /// Decoding and parsing follow ``DocumentIntake/prepare(_:encoding:)``: UTF-8 with the
    /// Windows-1252 fallback, then the same parser.
    ///
    /// - Parameter store: Where the text may already be stored; nil in a dry run.
    private static func prepare(
        _ entry: DocumentFiles.Entry, with parser: ArticleParser, checkingIn store: NewsStore?
    ) -> (path: String, file: PreparedFile) {
        guard case .file(let path) = entry else {
            return (entry.path, .decided(.rejected(reason: DocumentFileError.missing.description)))
        }
        do {
            let document = try NewsDocument(bytes: try DocumentFile.read(path))
            // Parsing costs a hundred times more than this lookup, and ingesting a folder again (the
            // seeds at every `serve`) finds most files stored. A failing read is left to the write to report.
            // Hashed here, once, for the lookup and the write: the writer thread has enough to do.
            let identified = store.map { _ in IdentifiedDocument(document) }
            if let store, let identified, let id = try? store.existingArticleID(for: identified) {
                return (path, .decided(.present(articleID: id)))
            }
            let article = try parser.parse(document)
            // A dry run has nothing to store: keep only the headline, not the text.
            guard let identified else { return (path, .decided(.parsed(headline: article.headline))) }
            return (path, .document(identified, article))
        } catch {
            // DocumentFileError and IngestError, both described for a person.
            return (path, .decided(.rejected(reason: String(describing: error))))
        }
    }
}

/// One file after reading and parsing.
enum PreparedFile: Sendable {
    /// A news document, to store.
    case document(IdentifiedDocument, ParsedArticle)
    /// Nothing to store: rejected, or parsed in a dry run.
    case decided(BulkIngest.Outcome)
}

/// Thrown by ``BulkIngest/run(_:store:report:)`` when a batch's transaction fails; nothing from the
/// batch was stored.
public struct BatchStoreError: Error, CustomStringConvertible {
    /// The first and last file of the batch, as listed.
    public let firstPath: String
    public let lastPath: String
    /// The database's error.
    public let underlying: any Error

    public var description: String {
        "storing the files from \(firstPath) to \(lastPath) failed, and none of them was stored: \(underlying)"
    }
}
