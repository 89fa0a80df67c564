import ArgumentParser
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

    /// - Throws: `CommandFailure` when a path does not exist; a bad file is reported and counted, not thrown.
    func ingest(paths: [String]) throws -> Report {
        var report = Report()
        for file in try DocumentFiles.list(paths) {
            do {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
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
            } catch {
                report.rejected += 1
                echo("rejected  \(file): \(error.localizedDescription)")
            }
        }
        return report
    }
}

/// Expands files and folders into document files: folders recursively, hidden entries skipped, in name order.
enum DocumentFiles {
    static func list(_ paths: [String]) throws -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw CommandFailure("\(path): no such file or folder")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let root = URL(fileURLWithPath: path)
            guard let walker = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            var found: [String] = []
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(path.hasSuffix("/") ? path + url.path.dropFirst(root.path.count + 1) : path + "/" + url.path.dropFirst(root.path.count + 1))
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }
}
