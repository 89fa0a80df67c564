import HTTPServer
import NewsIngest
import NewsStore

/// One batch upload, fed its items while the body arrives: decodes and parses each item as soon as
/// it is complete and keeps the parsed article, never the raw body.
///
/// All or nothing (`atomic`): every article waits for the end and is stored in ONE transaction, or
/// nothing is when any item is bad; after the first bad item the articles are dropped, since none
/// will be stored, and the items are only checked. Item by item (`!atomic`): good items are stored
/// in transactions of up to `chunkLimit` as they come, bad ones are reported and skipped.
struct BatchUpload {
    let intake: DocumentIntake
    let atomic: Bool
    /// What the body calls an item in messages: "line" or "item".
    let noun: String
    let chunkLimit: BulkIngest.BatchLimit

    private struct Parsed {
        let index: Int
        let line: Int
        let document: NewsDocument
        let article: ParsedArticle
    }

    private var pending: [Parsed] = []
    /// UTF-8 bytes of the pending documents' text.
    private var pendingBytes = 0
    /// Every item so far whose fate is known (stored items once committed).
    private var reports: [BatchItemReport] = []
    private(set) var itemCount = 0
    private(set) var rejectedCount = 0

    init(intake: DocumentIntake, atomic: Bool, noun: String, chunkLimit: BulkIngest.BatchLimit = BulkIngest.BatchLimit()) {
        self.intake = intake
        self.atomic = atomic
        self.noun = noun
        self.chunkLimit = chunkLimit
    }

    /// Decodes, parses and (item by item) stores one item.
    ///
    /// - Throws: the store's error when a chunk cannot be written (item by item only).
    mutating func add(_ item: RawBatchItem) throws {
        let index = itemCount
        itemCount += 1
        let outcome = item.json.flatMap { BatchItemDecoder.text(of: $0, noun: noun) }.flatMap { text in
            Result { () throws(IngestError) -> DocumentIntake.Prepared in try intake.prepare(text.utf8) }
                .mapError { BatchItemFailure(reason: $0.description) }
        }
        switch outcome {
        case .failure(let failure):
            reject(index: index, line: item.line, reason: failure.reason)
        case .success(let prepared):
            // In an all-or-nothing batch that has already failed, nothing will be stored.
            guard !(atomic && rejectedCount > 0) else { return }
            pending.append(Parsed(index: index, line: item.line, document: prepared.document, article: prepared.article))
            pendingBytes += prepared.document.text.utf8.count
            if !atomic && (pending.count >= chunkLimit.documents || pendingBytes >= chunkLimit.bytes) {
                try store()
            }
        }
    }

    /// Records a failure that is not one item's (a JSON array that breaks off) as a rejected item after the others.
    mutating func rejectRest(line: Int, reason: String) {
        reject(index: itemCount, line: line, reason: reason)
        itemCount += 1
    }

    private mutating func reject(index: Int, line: Int, reason: String) {
        rejectedCount += 1
        reports.append(.rejected(index: index, line: line, reason: reason))
        if atomic {
            pending = []
            pendingBytes = 0
        }
    }

    /// Stores the pending articles in one transaction and reports them.
    ///
    /// - Throws: the store's error; nothing pending is then stored.
    mutating func store() throws {
        guard !pending.isEmpty else { return }
        let outcomes = try intake.store.storeBatch(pending.map { ($0.document, $0.article) })
        for (item, outcome) in zip(pending, outcomes) {
            reports.append(.stored(index: item.index, line: item.line, created: outcome.isCreated, id: outcome.id))
        }
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
    }

    /// The reports in item order (item by item, rejections are reported before the chunk they stand in is stored).
    var orderedReports: [BatchItemReport] { reports.sorted { $0.index < $1.index } }

    /// Drops what is pending unstored.
    mutating func discard() {
        pending = []
        pendingBytes = 0
    }
}
