/// Splits the AP dateline off a first paragraph: "SANTIAGO, Chile (AP) — The president ..."
enum DatelineParser {
    /// How far into the paragraph the dash may stand; a dateline is a place, not a clause.
    private static let maximumPrefixLength = 60

    /// The place ("SANTIAGO, Chile") and the paragraph without it, or nil when it does not open with a dateline.
    static func split(_ paragraph: String) -> (place: String, rest: String)? {
        guard let (prefixEnd, restStart) = dash(in: paragraph) else { return nil }
        var prefix = paragraph[..<prefixEnd].trimmingWhitespace()[...]
        // A wire credit such as "(AP)" sits between the place and the dash.
        if prefix.hasSuffix(")"), let open = prefix.lastIndex(of: "(") {
            prefix = prefix[..<open]
        }
        let parts = prefix.split(separator: ",").map { $0.trimmingWhitespace() }
        guard (1...3).contains(parts.count), isCityPart(parts[0]),
              parts.dropFirst().allSatisfy(isRegionPart) else { return nil }
        let rest = paragraph[restStart...].trimmingWhitespace()
        guard !rest.isEmpty else { return nil }
        return (parts.joined(separator: ", "), rest)
    }

    /// The first dash that separates a dateline: "—", "–", " - " or "--", within the first characters.
    private static func dash(in text: String) -> (String.Index, String.Index)? {
        var index = text.startIndex
        var previous: Character?
        var offset = 0
        while index < text.endIndex, offset < maximumPrefixLength {
            let character = text[index]
            let next = text.index(after: index)
            if character == "—" || character == "–" { return (index, next) }
            if character == "-" {
                if next < text.endIndex, text[next] == "-" { return (index, text.index(after: next)) }
                if previous == " ", next < text.endIndex, text[next] == " " { return (index, next) }
            }
            previous = character
            index = next
            offset += 1
        }
        return nil
    }

    /// The city in capitals: "NAIROBI", "RIO DE JANEIRO", "ST. LOUIS".
    private static func isCityPart(_ part: String) -> Bool {
        let words = part.split(separator: " ")
        guard (1...4).contains(words.count), part.filter(\.isLetter).count >= 3 else { return false }
        return !part.contains(where: \.isLowercase) && part.allSatisfy { $0.isLetter || " .'-".contains($0) }
    }

    /// The state, country or region after the city, as normally written: "Chile", "Calif.", "N.Y.".
    private static func isRegionPart(_ part: String) -> Bool {
        let words = part.split(separator: " ")
        guard (1...3).contains(words.count) else { return false }
        return words.allSatisfy { $0.first?.isUppercase == true } && part.allSatisfy { $0.isLetter || " .'-".contains($0) }
    }
}
