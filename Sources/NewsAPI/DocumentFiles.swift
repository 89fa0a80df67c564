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
            var found: [String] = []
            collectDocuments(in: path, named: path.hasSuffix("/") ? path : path + "/", into: &found)
            entries.append(contentsOf: found.sorted().map(Entry.file))
        }
        return entries
    }

    /// Appends the regular `.txt` files under `folder` (named `prefix` + relative path), descending
    /// into sub-folders but not into symbolic links, and skipping hidden entries.
    ///
    /// `readdir` gives each entry's type with its name, so a folder of 100,000 documents is listed
    /// without a `stat` (or a Foundation `URL` and its resource values) per file.
    private static func collectDocuments(in folder: String, named prefix: String, into found: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // Some file systems leave the type out of the entry.
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: continue
                }
            }
            if type == Int32(DT_DIR) {
                collectDocuments(in: path, named: prefix + name + "/", into: &found)
            } else if type == Int32(DT_REG), isDocumentName(name) {
                found.append(prefix + name)
            }
        }
    }

    /// A name whose extension, as `URL.pathExtension` reads it (after the last period, when that is
    /// not the first character), is `txt` in any case.
    static func isDocumentName(_ name: String) -> Bool {
        guard let period = name.lastIndex(of: "."), period > name.startIndex else { return false }
        return name[name.index(after: period)...].lowercased() == "txt"
    }
}
