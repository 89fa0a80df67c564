/// A word, or a mark that no name crosses (punctuation).
struct Token: Sendable {
    enum Kind: Sendable { case word, boundary }

    let kind: Kind
    /// The word as it stands in the text, without a possessive "'s".
    let text: String
    /// Starts with a capital, or is a particle-led name part such as "el-Sissi".
    let isCapitalised: Bool
    /// First word of a sentence, where a capital says nothing about being a name.
    let startsSentence: Bool
    /// "Libya's": the name ends here even if a capitalised word follows.
    let isPossessive: Bool
    /// The name half of a hyphenated modifier ("Tripoli-based", "anti-Russian"): a name on its own.
    let isIsolated: Bool

    static let boundary = Token(kind: .boundary, text: "", isCapitalised: false, startsSentence: false, isPossessive: false, isIsolated: false)
}

/// Splits prose into words and boundaries, keeping abbreviations ("U.N.", "Gen.") and hyphenated names
/// ("Jean-Yves", "al-Mesmari") whole. A single pass over Unicode scalars.
enum Tokenizer {
    /// Abbreviations whose period is not a full stop, lower-cased and without the period.
    private static let abbreviations: Set<String> = [
        "gen", "sen", "rep", "gov", "lt", "col", "maj", "brig", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "dr", "mr",
        "mrs", "ms", "prof", "rev", "st", "mt", "ft", "jr", "sr", "jan", "feb", "apr", "aug", "sep", "sept", "oct",
        "nov", "dec", "corp", "inc", "co", "ltd", "calif", "fla", "ariz", "mass", "conn", "mich", "minn", "penn", "va",
    ]
    /// Lower-case prefixes that belong to Arabic and Romance surnames: "al-Mesmari", "el-Sissi".
    static let namePrefixes: Set<String> = ["al", "el", "ad", "ed", "as", "ash", "at", "an", "ar", "az", "bin", "ibn", "abu", "abd", "ben", "bint", "de", "di", "da", "du", "d"]

    static func tokens(in text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var sentenceStart = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordCharacter(scalar) {
                var end = index + 1
                while end < scalars.count {
                    let character = scalars[end]
                    if isWordCharacter(character) || isMark(character) {
                        end += 1
                    } else if "'’-.".unicodeScalars.contains(character), end + 1 < scalars.count, isWordCharacter(scalars[end + 1]) {
                        end += 1
                    } else if character == ".", end + 2 < scalars.count, scalars[end + 1] == "-", isWordCharacter(scalars[end + 2]) {
                        // "U.N.-backed": the abbreviation's period stays with it.
                        end += 1
                    } else {
                        break
                    }
                }
                var chunk = String(String.UnicodeScalarView(scalars[index..<end]))
                if end < scalars.count, scalars[end] == ".", isAbbreviation(chunk) {
                    chunk += "."
                    end += 1
                }
                tokens.append(word(chunk, startsSentence: sentenceStart))
                sentenceStart = false
                index = end
            } else {
                if !scalar.properties.isWhitespace {
                    if ".!?:".unicodeScalars.contains(scalar) { sentenceStart = true }
                    if tokens.last?.kind != .boundary { tokens.append(.boundary) }
                }
                index += 1
            }
        }
        return tokens
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isUppercaseStart(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// "U.N", "D.C", a lone initial "W", or a listed title or month.
    private static func isAbbreviation(_ chunk: String) -> Bool {
        guard isUppercaseStart(chunk[...]) || chunk.contains(".") else { return false }
        if chunk.unicodeScalars.count == 1 { return true }
        if chunk.contains(".") { return chunk.split(separator: ".").allSatisfy { $0.count == 1 } }
        return abbreviations.contains(chunk.lowercased())
    }

    /// Classifies one scanned chunk: possessive, hyphenated name or modifier, plain word.
    private static func word(_ chunk: String, startsSentence: Bool) -> Token {
        var text = Substring(chunk)
        var possessive = false
        if text.count > 2, text.hasSuffix("'s") || text.hasSuffix("’s") {
            text = text.dropLast(2)
            possessive = true
        }
        var isolated = false
        var capitalised = isUppercaseStart(text)
        if text.contains("-") {
            let parts = text.split(separator: "-")
            let capitalisedParts = parts.map(isUppercaseStart)
            if capitalisedParts.allSatisfy({ $0 }) {
                capitalised = true
            } else if parts.count > 1, namePrefixes.contains(parts[0].lowercased()), capitalisedParts.dropFirst().allSatisfy({ $0 }) {
                capitalised = true
            } else if let firstLower = capitalisedParts.firstIndex(of: false), firstLower > 0,
                      capitalisedParts[firstLower...].allSatisfy({ !$0 }) {
                // "Tripoli-based", "U.N.-backed": the name is the capitalised head.
                text = text[..<parts[firstLower - 1].endIndex]
                capitalised = true
                isolated = true
            } else if let firstUpper = capitalisedParts.firstIndex(of: true), firstUpper > 0,
                      capitalisedParts[firstUpper...].allSatisfy({ $0 }) {
                // "anti-Russian", "pro-Hifter": the name is the capitalised tail.
                text = text[parts[firstUpper].startIndex...]
                capitalised = true
                isolated = true
            } else {
                capitalised = false
            }
        }
        return Token(kind: .word, text: String(text), isCapitalised: capitalised, startsSentence: startsSentence,
                     isPossessive: possessive, isIsolated: isolated)
    }
}
