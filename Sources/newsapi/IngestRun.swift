import Foundation
import NewsAPI
import NewsIngest

/// Ingests the files under some paths, one transaction per file, reporting each.
struct IngestRun {
    let intake: DocumentIntake
    let echo: (String) -> Void

    struct Report {
        var stored = 0
        var present = 0
        var rejected = 0

        var summary: String {
            "\(stored + present + rejected) files: \(stored) stored, \(present) already present, \(rejected) rejected"
        }
    }

    /// Files that cannot be read or parsed, and paths that do not exist, are reported and counted,
    /// not thrown, so one bad file does not stop the others.
    ///
    /// - Throws: the store's error when a write fails.
    func ingest(paths: [String]) throws -> Report {
        var report = Report()
        for entry in DocumentFiles.list(paths) {
            guard case .file(let file) = entry else {
                if case .missing(let path) = entry {
                    report.rejected += 1
                    echo("rejected  \(path): no such file or folder")
                }
                continue
            }
            do {
                let bytes = try DocumentFile.read(file)
                let outcome = try intake.ingest(bytes)
                if outcome.isCreated {
                    report.stored += 1
                    echo("stored    \(file) -> article \(outcome.id)")
                } else {
                    report.present += 1
                    echo("present   \(file) -> article \(outcome.id)")
                }
            } catch let error as IngestError {
                report.rejected += 1
                echo("rejected  \(file): \(error)")
            } catch let error as CommandFailure {
                report.rejected += 1
                echo("rejected  \(file): \(error)")
            }
        }
        return report
    }
}

/// Expands files and folders into document files: folders recursively, hidden entries skipped, in name order.
enum DocumentFiles {
    enum Entry: Equatable {
        case file(String)
        /// A path given on the command line that does not exist.
        case missing(String)
    }

    static func list(_ paths: [String]) -> [Entry] {
        let manager = FileManager.default
        var entries: [Entry] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                entries.append(.missing(path))
                continue
            }
            guard isFolder.boolValue else {
                entries.append(.file(path))
                continue
            }
            let root = URL(fileURLWithPath: path)
            guard let walker = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            var found: [String] = []
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(prefix + url.path.dropFirst(root.path.count + 1))
            }
            entries.append(contentsOf: found.sorted().map(Entry.file))
        }
        return entries
    }
}
