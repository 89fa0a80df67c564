import Foundation

/// Expands files and folders given by a person into the document files to ingest.
public enum DocumentFiles {
    /// One path to ingest, or one given that does not exist (reported, not thrown, so it does not stop the others).
    public enum Entry: Hashable, Sendable {
        case file(String)
        /// A path given by the caller that does not exist.
        case missing(String)

        /// The path as given or found, for reports.
        public var path: String {
            switch self {
            case .file(let path), .missing(let path): path
            }
        }
    }

    /// The entries for `paths`, in the order given; a folder becomes its regular `.txt` files, searched
    /// recursively, hidden entries skipped, sorted by path ("000/000999.txt" before "001/001000.txt").
    /// A file named directly is taken whatever its name.
    ///
    /// Folders of documents often hold other files too (annotations, notes, `.json` metadata); reading
    /// those as news would store them as articles, so a folder walk keeps to the documents' extension.
    ///
    /// Found paths keep the folder as given as their prefix ("seeds/a.txt" for "seeds"), so reports
    /// name files the way the person typed them.
    public static func list(_ paths: [String]) -> [Entry] {
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
            for case let url as URL in walker where url.pathExtension.lowercased() == "txt"
                && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(prefix + url.path.dropFirst(root.path.count + 1))
            }
            entries.append(contentsOf: found.sorted().map(Entry.file))
        }
        return entries
    }
}
