import Foundation
@testable import NewsAPI
import NewsIngest
import NewsStore
import Testing

/// `BulkIngest` over real files in a temporary folder and a real SQLite file.
@Suite struct BulkIngestTests {
    /// A temporary folder with a database path inside; removed when the test ends.
    final class Workspace {
        let folder: URL
        let documents: URL
        var databasePath: String { folder.appendingPathComponent("db/news.sqlite").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsapi-bulk-\(UUID().uuidString)")
            documents = folder.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        }

        /// Writes `text` at `relative` under `documents`, creating folders; returns the path as `DocumentFiles` lists it.
        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String {
            try write(relative, Array(text.utf8))
        }

        @discardableResult
        func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
            let url = documents.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return documents.path + "/" + relative
        }

        deinit {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// A distinct news document: the Nairobi sample with a numbered closing paragraph.
    static func story(_ number: Int) -> String {
        SampleDocuments.nairobi + "\n\nOfficials said \(number) more wells would be drilled before the next rains."
    }

    /// Runs and collects the reports, which must arrive in `entries` order.
    static func run(
        _ ingest: BulkIngest, _ entries: [DocumentFiles.Entry], store: NewsStore?
    ) throws -> (reports: [BulkIngest.FileReport], tally: BulkIngest.Tally) {
        var reports: [BulkIngest.FileReport] = []
        let tally = try ingest.run(entries, store: store) { reports.append($0) }
        return (reports, tally)
    }

    @Test func reportsAndStoresInFileNameOrderAcrossBatchesAndWorkers() throws {
        let workspace = try Workspace()
        // Written out of order, in nested folders, so only sorting gives name order.
        let numbers = Array(1...45).shuffled()
        for number in numbers {
            try workspace.write(String(format: "%02d/%03d.txt", number / 10, number), Self.story(number))
        }
        let store = try NewsStore(path: workspace.databasePath)
        defer { try? store.close() }
        let entries = DocumentFiles.list([workspace.documents.path])
        #expect(entries.map(\.path) == (1...45).map { workspace.documents.path + String(format: "/%02d/%03d.txt", $0 / 10, $0) })

        let ingest = BulkIngest(workers: 4, batchLimit: .init(documents: 7))
        let (reports, tally) = try Self.run(ingest, entries, store: store)

        #expect(reports.map(\.path) == entries.map(\.path))
        // Stored in order too: article ids rise with the file names.
        let ids = reports.compactMap { report -> Int64? in
            if case .stored(let id) = report.outcome { return id }
            return nil
        }
        #expect(ids.count == 45)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == 45)
        #expect(tally == BulkIngest.Tally(stored: 45))
        #expect(try store.articleCount() == 45)
        let third = try #require(try store.article(id: ids[2]))
        #expect(third.paragraphs.last?.contains("3 more wells") == true)
    }

    @Test func badFilesInTheMiddleStopAndRollBackNothing() throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", Self.story(1))
        let binary = try workspace.write("b.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        try workspace.write("c.txt", Self.story(2))
        let empty = try workspace.write("d.txt", "  \n\n ")
        let chrome = try workspace.write("e.txt", "Accessibility links\n\nBreaking News\n")
        try workspace.write("f.txt", Self.story(3))
        let tooLarge = try workspace.write("g.txt", [UInt8](repeating: 0x61, count: 5 * 1024 * 1024 + 1))
        try workspace.write("h.txt", Self.story(4))
        let store = try NewsStore(path: workspace.databasePath)
        defer { try? store.close() }
        let missing = workspace.folder.appendingPathComponent("nowhere.txt").path
        let entries = DocumentFiles.list([workspace.documents.path, missing])

        // One batch holds everything, so a rejection would roll back its neighbours if it reached the store.
        let (reports, tally) = try Self.run(BulkIngest(workers: 2), entries, store: store)

        #expect(reports.map(\.path).last == missing)
        let rejected = Dictionary(uniqueKeysWithValues: reports.compactMap { report -> (String, String)? in
            if case .rejected(let reason) = report.outcome { return (report.path, reason) }
            return nil
        })
        #expect(rejected == [
            binary: "the document is binary data, not text",
            empty: "the document is empty",
            chrome: IngestError.onlySiteChrome.description,
            tooLarge: "the document is 5242881 bytes, over the limit of 5242880",
            missing: "no such file or folder",
        ])
        #expect(tally == BulkIngest.Tally(stored: 4, rejected: 5))
        #expect(try store.articleCount() == 4)
    }

    @Test func repeatedTextsArePresentWithinABatchAndAcrossBatchesAndRuns() throws {
        let workspace = try Workspace()
        for (name, number) in [("1.txt", 1), ("2.txt", 2), ("3.txt", 1), ("4.txt", 3), ("5.txt", 2)] {
            // CRLF and trailing blank lines normalise away: the same document.
            let text = name == "5.txt" ? Self.story(number).replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\n" : Self.story(number)
            try workspace.write(name, text)
        }
        let store = try NewsStore(path: workspace.databasePath)
        defer { try? store.close() }
        let entries = DocumentFiles.list([workspace.documents.path])

        let (first, _) = try Self.run(BulkIngest(batchLimit: .init(documents: 2)), entries, store: store)
        guard case .stored(let one) = first[0].outcome, case .stored(let two) = first[1].outcome,
              case .stored(let three) = first[3].outcome else {
            Issue.record("expected the first, second and fourth file to be stored: \(first)")
            return
        }
        #expect(first.map(\.outcome) == [.stored(articleID: one), .stored(articleID: two), .present(articleID: one),
                                         .stored(articleID: three), .present(articleID: two)])

        let (second, tally) = try Self.run(BulkIngest(), entries, store: store)
        #expect(second.map(\.outcome) == [one, two, one, three, two].map { .present(articleID: $0) })
        #expect(tally == BulkIngest.Tally(present: 5))
        #expect(try store.articleCount() == 3)
    }

    @Test func aByteLimitSplitsBatchesWithoutChangingTheOutcome() throws {
        let workspace = try Workspace()
        for number in 1...5 { try workspace.write("\(number).txt", Self.story(number)) }
        let store = try NewsStore(path: workspace.databasePath)
        defer { try? store.close() }
        // Every document is over the limit, so each is its own transaction.
        let (reports, tally) = try Self.run(
            BulkIngest(workers: 3, batchLimit: .init(documents: 100, bytes: 1)), DocumentFiles.list([workspace.documents.path]), store: store)
        #expect(reports.count == 5)
        #expect(tally == BulkIngest.Tally(stored: 5))
        #expect(try store.articleCount() == 5)
    }

    @Test func dryRunParsesAndRejectsButStoresNothing() throws {
        let workspace = try Workspace()
        try workspace.write("1.txt", Self.story(1))
        let empty = try workspace.write("2.txt", "")
        try workspace.write("3.txt", SampleDocuments.geneva)
        let store = try NewsStore(path: workspace.databasePath)
        defer { try? store.close() }

        let (reports, tally) = try Self.run(BulkIngest(), DocumentFiles.list([workspace.documents.path]), store: nil)

        #expect(reports.map(\.outcome) == [
            .parsed(headline: "Drought Deepens Across Northern Kenya as Rains Fail Again"),
            .rejected(reason: "the document is empty"),
            .parsed(headline: "Talks on Lake Chad Water Sharing Resume in Geneva"),
        ])
        #expect(reports[1].path == empty)
        #expect(tally == BulkIngest.Tally(parsed: 2, rejected: 1))
        #expect(try store.articleCount() == 0)
    }

    @Test func aFailingWriteThrowsNamingTheBatchAndReportsOnlyWhatWasStored() throws {
        let workspace = try Workspace()
        for number in 1...6 { try workspace.write("\(number).txt", Self.story(number)) }
        let store = try NewsStore(path: workspace.databasePath)
        try store.close()
        var reports: [BulkIngest.FileReport] = []
        let entries = DocumentFiles.list([workspace.documents.path])
        #expect {
            _ = try BulkIngest(batchLimit: .init(documents: 4)).run(entries, store: store) { reports.append($0) }
        } throws: { error in
            guard let failure = error as? BatchStoreError else { return false }
            return failure.firstPath == entries[0].path && failure.lastPath == entries[3].path
        }
        #expect(reports.isEmpty)
    }

    @Test func anEmptyListDoesNothing() throws {
        let (reports, tally) = try Self.run(BulkIngest(), [], store: nil)
        #expect(reports.isEmpty)
        #expect(tally == BulkIngest.Tally())
    }
}

extension BulkIngest.Tally {
    init(stored: Int = 0, present: Int = 0, parsed: Int = 0, rejected: Int = 0) {
        self.init()
        self.stored = stored
        self.present = present
        self.parsed = parsed
        self.rejected = rejected
    }
}

extension BulkIngestTests {
    @Test func aFolderWalkTakesTextFilesOnlyButANamedFileIsAlwaysRead() throws {
        let workspace = try Workspace()
        let story = try workspace.write("docs/a.txt", Self.story(1))
        let gold = try workspace.write("docs/a.gold.json", #"{"headline": "Not a document"}"#)
        try workspace.write("docs/notes.md", Self.story(2))
        #expect(DocumentFiles.list([workspace.folder.appendingPathComponent("docs").path]).map(\.path) == [story])
        #expect(DocumentFiles.list([gold]) == [.file(gold)])
    }
}

extension BulkIngestTests {
    /// What the folder walk listed when it went through FileManager's enumerator and URL resource
    /// values, one `lstat` per file: the `readdir` walk must list the same paths.
    private static func listedByFoundation(_ path: String) -> [String] {
        let root = URL(fileURLWithPath: path)
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var found: [String] = []
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for case let url as URL in walker where url.pathExtension.lowercased() == "txt"
            && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(prefix + url.path.dropFirst(root.path.count + 1))
        }
        return found.sorted()
    }

    @Test func aFolderWalkListsWhatFoundationListed() throws {
        let workspace = try Workspace()
        for name in ["a.txt", "b.TXT", "c.md", ".hidden.txt", ".hiddendir/x.txt", "sub/d.txt", "sub/.e.txt", "sub/deeper/z.txt",
                     "f.txt/g.txt", "noext", "h.tXt", "i.txt.", "j k.txt", "é-dir/ü.txt", "Zed.txt", "10.txt", "9.txt", "txt", "a.b.txt"] {
            try workspace.write(name, Self.story(1))
        }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: workspace.documents.appendingPathComponent("link.txt").path, withDestinationPath: "a.txt")
        try manager.createSymbolicLink(atPath: workspace.documents.appendingPathComponent("linkdir").path, withDestinationPath: "sub")
        try manager.createSymbolicLink(atPath: workspace.documents.appendingPathComponent("broken.txt").path, withDestinationPath: "/nonexistent")
        try manager.createDirectory(at: workspace.documents.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let path = workspace.documents.path
        for given in [path, path + "/", path + "//"] {
            let listed = DocumentFiles.list([given]).map(\.path)
            #expect(listed == Self.listedByFoundation(given))
            #expect(listed.count == 12)
        }
    }
}
