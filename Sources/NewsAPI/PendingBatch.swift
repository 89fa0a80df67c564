import NewsIngest
import NewsStore

/// The files read since the last write, in order: the documents to store in one transaction, and
/// the outcomes already decided (rejections), which wait with them so that reports keep file order.
struct PendingBatch {
    private enum Slot {
        /// Index into `documents`.
        case document(Int)
        case decided(BulkIngest.Outcome)
    }

    private var files: [(path: String, slot: Slot)] = []
    private var documents: [(IdentifiedDocument, ParsedArticle)] = []
    /// UTF-8 bytes of the documents' text.
    private var bytes = 0

    var holdsDocuments: Bool { !documents.isEmpty }

    mutating func add(_ path: String, _ file: PreparedFile) {
        switch file {
        case .document(let document, let article):
            files.append((path, .document(documents.count)))
            documents.append((document, article))
            bytes += document.document.text.utf8.count
        case .decided(let outcome):
            files.append((path, .decided(outcome)))
        }
    }

    /// Whether the documents fill a transaction.
    func reaches(_ limit: BulkIngest.BatchLimit) -> Bool {
        documents.count >= limit.documents || bytes >= limit.bytes
    }

    /// Stores the documents in one transaction and returns every file's report in order, leaving the batch empty.
    ///
    /// - Parameter store: nil only when the batch holds no documents (a dry run stores none).
    /// - Throws: ``BatchStoreError`` when the transaction fails; the batch is then left as it was.
    mutating func flush(to store: NewsStore?) throws(BatchStoreError) -> [BulkIngest.FileReport] {
        var outcomes: [StoreOutcome] = []
        if !documents.isEmpty {
            guard let store else { preconditionFailure("documents to store in a dry run") }
            do {
                outcomes = try store.storeBatch(identified: documents)
            } catch {
                let paths = files.compactMap { file -> String? in
                    if case .document = file.slot { return file.path }
                    return nil
                }
                throw BatchStoreError(firstPath: paths[0], lastPath: paths[paths.count - 1], underlying: error)
            }
        }
        let reports = files.map { file in
            switch file.slot {
            case .decided(let outcome):
                BulkIngest.FileReport(path: file.path, outcome: outcome)
            case .document(let index):
                BulkIngest.FileReport(path: file.path, outcome: outcomes[index].isCreated
                    ? .stored(articleID: outcomes[index].id) : .present(articleID: outcomes[index].id))
            }
        }
        files.removeAll(keepingCapacity: true)
        documents.removeAll(keepingCapacity: true)
        bytes = 0
        return reports
    }
}
