/// Decides what a whole line of a document is before any of it is read as prose:
/// site chrome, a stand-alone date, or a title.
struct LineClassifier: Sendable {
    let gazetteer: Gazetteer

    /// Fewer words than this, before the headline and without sentence punctuation, is navigation, not content.
    static let minimumTitleWords = 3
    static let maximumTitleWords = 30
    static let maximumTitleLength = 200

    /// A boilerplate line from the chrome list, wherever it stands (a trailing colon is ignored).
    func isChrome(_ line: String) -> Bool {
        if line.hasPrefix("©") || line.hasPrefix("Copyright ") { return true }
        // Only short lines can be chrome; this keeps the lower-cased copies below off long paragraphs.
        guard line.utf8.count <= Self.maximumChromeLength else { return false }
        var key = Substring(line)
        if key.hasSuffix(":") { key = key.dropLast() }
        let trimmed = key.trimmingWhitespace()
        // Lower-casing shrinks a scalar's UTF-8 to a third at most (KELVIN SIGN to k): a longer line
        // cannot lower-case into a listed one, and is not lower-cased.
        if trimmed.utf8.count <= 4 * gazetteer.longestChromeLineUTF8, gazetteer.chromeLines.contains(trimmed.lowercased()) {
            return true
        }
        if Self.isMostlyLink(line) { return true }
        return Self.containsASCII(line, "eserved") && line.lowercased().contains("all rights reserved") && Self.wordCount(line) <= 15
    }

    /// A byte search for ASCII `needle`: every line passes through here, and Foundation's `contains`
    /// costs more than the rest of the line's classification.
    private static func containsASCII(_ line: String, _ needle: StaticString) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            needle.withUTF8Buffer { pattern in
                guard let head = pattern.first else { return true }
                guard bytes.count >= pattern.count else { return false }
                var index = 0
                let last = bytes.count - pattern.count
                while index <= last {
                    if bytes[index] == head {
                        var matched = 1
                        while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// Longer lines are never chrome: the chrome list and link lines are a few words long.
    static let maximumChromeLength = 300

    /// "Follow AP's coverage at https://…", "More at www.…": a link with a few words around it is a
    /// pointer to another page, not news.
    private static func isMostlyLink(_ line: String) -> Bool {
        guard containsASCII(line, "://") || containsASCII(line, "www.") || containsASCII(line, "WWW.") else { return false }
        let words = line.split(separator: " ")
        let links = words.filter { $0.contains("://") || $0.lowercased().hasPrefix("www.") }
        guard !links.isEmpty else { return false }
        let linkLength = links.reduce(0) { $0 + $1.count }
        return words.count - links.count <= 6 || linkLength * 2 >= line.count
    }

    /// A short line before the headline that is not a sentence: menu items and section labels.
    func isShortChrome(_ line: String) -> Bool {
        guard let last = line.last, !".!?".contains(last) else { return false }
        return Self.wordCount(line) < Self.minimumTitleWords
    }

    /// A line shaped like a headline: a few words, starting like a title, not ending like a sentence.
    func readsAsTitle(_ line: String) -> Bool {
        // The UTF-8 bound (four bytes a character at most) is O(1) and spares counting a huge line's characters.
        guard line.utf8.count <= Self.maximumTitleLength * 4, line.count <= Self.maximumTitleLength,
              (Self.minimumTitleWords...Self.maximumTitleWords).contains(Self.wordCount(line)),
              let first = line.unicodeScalars.first, let last = line.last else { return false }
        guard first.properties.isUppercase || APDate.isDigit(Character(first)) || "\"“‘'".unicodeScalars.contains(first) else {
            return false
        }
        if ",;:".contains(last) { return false }
        if last == "." {
            // "... in the U.S." ends in an abbreviation, not a full stop.
            guard let word = line.split(separator: " ").last, word.dropLast().contains(".") else { return false }
        }
        return true
    }

    /// The day of a line that is nothing but a date, optionally labelled: "Published Nov. 14, 2018",
    /// "November 14, 2018", "2018-11-14", "Wednesday, 14 November 2018".
    static func standaloneDate(_ line: String) -> CalendarDate? {
        // A date line is short; checking this first keeps the scans below off long paragraphs.
        guard line.utf8.count <= maximumDateLineLength else { return nil }
        var text = Substring(line)
        for label in ["published on", "updated on", "posted on", "last updated", "published", "updated", "posted", "dated", "date"] {
            if text.count > label.count, text.prefix(label.count).lowercased() == label,
               let next = text.dropFirst(label.count).first, next == " " || next == ":" {
                text = text.dropFirst(label.count)
                break
            }
        }
        text = text.drop { $0 == " " || $0 == ":" }
        if let comma = text.firstIndex(where: { $0 == "," || $0 == " " }),
           weekdays.contains(text[..<comma].lowercased()) {
            text = text[text.index(after: comma)...].drop { $0 == " " || $0 == "," }
        }
        if let (date, end) = APDate.leading(in: text) ?? APDate.leadingDayFirst(in: text),
           isDateTail(text[end...]) {
            return date
        }
        if text.count >= 10, let date = CalendarDate(iso8601: text.prefix(10)) {
            let rest = text.dropFirst(10)
            if rest.isEmpty || rest.first == "T" || isDateTail(rest) { return date }
        }
        return nil
    }

    /// "Last updated: Wednesday, September 14, 2018 10:32 AM EST" fits with room to spare.
    static let maximumDateLineLength = 100

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// What may follow a stand-alone date: nothing, a full stop, or a short clock time ("10:32 AM EST").
    private static func isDateTail(_ rest: Substring) -> Bool {
        let tail = rest.drop { $0 == " " || $0 == "," || $0 == "." }
        if tail.isEmpty { return true }
        guard let first = tail.first, APDate.isDigit(first), tail.contains(":"), tail.count <= 20 else { return false }
        return true
    }

    static func wordCount(_ line: String) -> Int {
        line.split(separator: " ").count
    }
}
