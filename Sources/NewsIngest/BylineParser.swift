/// Reads an author line, `By NAME[, NAME and NAME]`.
enum BylineParser {
    /// Agency credits that share the byline but are not authors.
    private static let affiliations: Set<String> = [
        "associated press", "the associated press", "ap", "reuters", "afp", "associated press writer", "ap writer",
    ]
    private static let nameParticles: Set<String> = ["de", "da", "di", "del", "van", "von", "der", "la", "le", "bin", "al", "el"]

    /// The author names, title-cased when written in capitals ("By ABBY SMITH" → "Abby Smith"),
    /// or nil when the line is not a byline.
    static func names(in line: String) -> String? {
        guard line.hasPrefix("By ") || line.hasPrefix("BY ") else { return nil }
        let list = line.dropFirst(3)
        guard let last = list.last, !"!?:;".contains(last), LineClassifier.wordCount(line) <= 16 else { return nil }
        var names: [String] = []
        for part in splitNames(list) {
            let words = part.split(separator: " ")
            guard !words.isEmpty else { continue }
            if affiliations.contains(part.lowercased()) { continue }
            guard words.count <= 5 else { return nil }
            var cased: [String] = []
            for word in words {
                if nameParticles.contains(word.lowercased()) && !cased.isEmpty {
                    cased.append(word.uppercased() == word ? word.lowercased() : String(word))
                    continue
                }
                // "al-Rawi", "el-Sissi": an Arabic article prefix is lower case inside a name.
                let prefixed = word.split(separator: "-", maxSplits: 1).count == 2
                    && Tokenizer.namePrefixes.contains(String(word.split(separator: "-", maxSplits: 1)[0]))
                    && !cased.isEmpty
                if prefixed {
                    cased.append(String(word))
                    continue
                }
                guard let first = word.unicodeScalars.first, first.properties.isUppercase,
                      !word.contains(where: { APDate.isDigit($0) }) else { return nil }
                var word = titleCased(word)
                // AP writes "AHMED AL-HAJ" for Ahmed al-Haj: the article is lower case inside a name.
                if !cased.isEmpty, word.hasPrefix("Al-") || word.hasPrefix("El-"), word.count > 3 {
                    word = word.prefix(1).lowercased() + word.dropFirst()
                }
                cased.append(word)
            }
            names.append(cased.joined(separator: " "))
        }
        // A real author has a given name and a surname; "By Tuesday" is a sentence.
        guard names.contains(where: { $0.contains(" ") }) else { return nil }
        switch names.count {
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        }
    }

    /// Splits "A, B and C" (also "&", "AND") into trimmed parts.
    private static func splitNames(_ list: Substring) -> [String] {
        var parts: [String] = []
        for piece in list.split(separator: ",") {
            var rest = String(piece)
            for separator in [" and ", " AND ", " & "] {
                rest = rest.replacingAll(separator, with: "|")
            }
            for name in rest.split(separator: "|") {
                var trimmed = name.trimmingWhitespace()
                if trimmed.hasPrefix("and ") { trimmed.removeFirst(4) }
                if !trimmed.isEmpty { parts.append(trimmed) }
            }
        }
        return parts
    }

    /// A line that only credits a news agency ("Associated Press", "AP", "Reuters"), as printed near the byline.
    static func isAgencyCredit(_ line: String) -> Bool {
        guard line.utf8.count <= 40 else { return false }
        var text = Substring(line.lowercased())
        while let last = text.last, last == "." || last == " " { text = text.dropLast() }
        return affiliations.contains(String(text))
    }

    /// "ABBY" → "Abby", "JEAN-YVES" → "Jean-Yves", "O'BRIEN" → "O'Brien"; mixed-case words are kept.
    static func titleCased(_ word: Substring) -> String {
        guard word.contains(where: { $0.isLowercase }) == false, word.filter(\.isLetter).count > 1 else { return String(word) }
        var result = ""
        var startOfPart = true
        for character in word {
            result += startOfPart ? character.uppercased() : character.lowercased()
            startOfPart = !character.isLetter
        }
        return result
    }
}

extension String {
    /// Replaces every occurrence of `target` (non-empty) without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
