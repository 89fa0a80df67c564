import Foundation
@testable import NewsIngest
import Testing

/// The byte-level tokenizer against the scalar and character rules it replaced (kept below as
/// `ReferenceTokenizer`, unchanged but for its name): same tokens, same offsets, for real documents
/// and for random text full of the cases the rules distinguish.
@Suite struct TokenizerEquivalenceTests {
    private static func describe(_ tokens: [Token]) -> [String] {
        tokens.map { token in
            "\(token.kind) \(token.text) c\(token.isCapitalised) s\(token.startsSentence) p\(token.isPossessive) i\(token.isIsolated) \(token.start)-\(token.end)"
        }
    }

    private static func texts() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var texts: [String] = []
        for folder in ["Tests/Eval/Documents", "Tests/Eval/Holdout", "seeds"] {
            let url = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".txt") {
                let document = try NewsDocument(bytes: Data(contentsOf: url.appendingPathComponent(name)))
                texts += document.text.split(separator: "\n").map(String.init)
            }
        }
        return texts
    }

    @Test func documentsTokeniseAsBefore() throws {
        let texts = try Self.texts()
        #expect(texts.count > 100)
        for text in texts {
            #expect(Self.describe(Tokenizer.tokens(in: text)) == Self.describe(ReferenceTokenizer.tokens(in: text)), "\(text)")
        }
    }

    @Test func randomTextTokenisesAsBefore() {
        // Letters, digits, joiners, sentence marks, combining marks, curly quotes, non-Latin and
        // astral letters, an emoji, a Kelvin sign, white space of several kinds.
        let pieces = ["a", "b", "s", "S", "Z", "é", "É", "ß", "İ", "ı", "Ω", "д", "Д", "中", "𝐀", "𝑎", "😀", "\u{212A}", "1", "9", "٣",
                      "'", "’", "‘", "-", "–", ".", ",", "!", "?", ":", ";", "(", ")", "&", "\"", "“", " ", "  ", "\t", "\u{A0}",
                      "\u{301}", "\u{308}", "\u{200D}", "U.N.", "Gen.", "gen.", "al-", "el-", "Al-", "-based", "anti-", "St.", "’s", "'s",
                      "Mr.", "D.C.", "Jean-Yves", "U.N.-backed", "pro-", "x", "X"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...24, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.describe(Tokenizer.tokens(in: text)) == Self.describe(ReferenceTokenizer.tokens(in: text)), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

enum ReferenceTokenizer {

    /// The tokens of `text`, in order; runs of punctuation collapse into one boundary.
    ///
    /// Walks the scalar view by index and slices words out of `text` directly: copying the scalars into
    /// an array and rebuilding each word scalar by scalar cost more than everything else in a parse.
    static func tokens(in text: String) -> [Token] {
        let scalars = text.unicodeScalars
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 6)
        var sentenceStart = true
        var index = scalars.startIndex
        // UTF-16 offset of `index`, kept in step with it: recomputing it per token would be quadratic.
        var offset = 0
        /// The scalar after `position`, if any.
        func next(_ position: String.Index) -> Unicode.Scalar? {
            let after = scalars.index(after: position)
            return after < scalars.endIndex ? scalars[after] : nil
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isWordCharacter(scalar) {
                var end = scalars.index(after: index)
                var endOffset = offset + scalar.utf16.count
                while end < scalars.endIndex {
                    let character = scalars[end]
                    if isWordCharacter(character) || isMark(character) {
                        end = scalars.index(after: end)
                    } else if "'’-.".unicodeScalars.contains(character), let following = next(end), isWordCharacter(following) {
                        end = scalars.index(after: end)
                    } else if character == ".", next(end) == "-", let third = next(scalars.index(after: end)), isWordCharacter(third) {
                        // "U.N.-backed": the abbreviation's period stays with it.
                        end = scalars.index(after: end)
                    } else {
                        break
                    }
                    endOffset += character.utf16.count
                }
                var chunk = String(scalars[index..<end])
                if end < scalars.endIndex, scalars[end] == ".", isAbbreviation(chunk) {
                    chunk += "."
                    end = scalars.index(after: end)
                    endOffset += 1
                }
                tokens.append(word(chunk, startsSentence: sentenceStart, start: offset))
                sentenceStart = false
                index = end
                offset = endOffset
            } else if scalar == "&" {
                // A word of its own: it may join an organisation's name ("Research & Development Center").
                tokens.append(Token(kind: .word, text: "&", isCapitalised: false, startsSentence: false, isPossessive: false,
                                    isIsolated: false, start: offset, end: offset + 1))
                index = scalars.index(after: index)
                offset += 1
            } else {
                if !isWhitespace(scalar) {
                    if ".!?:".unicodeScalars.contains(scalar) { sentenceStart = true }
                    if tokens.last?.kind != .boundary { tokens.append(.boundary) }
                }
                index = scalars.index(after: index)
                offset += scalar.utf16.count
            }
        }
        return tokens
    }

    /// Letters and digits. ASCII is decided without the Unicode property tables, which dominate otherwise.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isUppercaseStart(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first.isASCII { return (0x41...0x5A).contains(first.value) }
        return first.properties.isUppercase
    }

    /// "U.N", "D.C", a lone initial "W", or a listed title or month.
    private static func isAbbreviation(_ chunk: String) -> Bool {
        guard isUppercaseStart(chunk[...]) || chunk.contains(Character(".")) else { return false }
        if chunk.unicodeScalars.count == 1 { return true }
        if chunk.contains(Character(".")) { return chunk.split(separator: ".").allSatisfy { $0.count == 1 } }
        return Tokenizer.abbreviations.contains(chunk.lowercased())
    }

    /// Classifies one scanned chunk: possessive, hyphenated name or modifier, plain word.
    /// `start` is the chunk's UTF-16 offset; the token's offsets cover only the part kept as its text.
    private static func word(_ chunk: String, startsSentence: Bool, start: Int) -> Token {
        var text = Substring(chunk)
        var possessive = false
        // Scalar checks, not `hasSuffix`: this runs on every word of the document.
        let scalars = text.unicodeScalars
        if let last = scalars.last, last == "s", scalars.count > 2 {
            let apostrophe = scalars[scalars.index(scalars.endIndex, offsetBy: -2)]
            if apostrophe == "'" || apostrophe == "’" {
                text = text.dropLast(2)
                possessive = true
            }
        }
        var isolated = false
        var capitalised = isUppercaseStart(text)
        if text.contains(Character("-")) {
            let parts = text.split(separator: "-")
            let capitalisedParts = parts.map(isUppercaseStart)
            if capitalisedParts.allSatisfy({ $0 }) {
                capitalised = true
            } else if parts.count > 1, Tokenizer.namePrefixes.contains(parts[0].lowercased()), capitalisedParts.dropFirst().allSatisfy({ $0 }) {
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
        let chunkStart = chunk.startIndex
        let textStart = start + chunk.utf16.distance(from: chunkStart, to: text.startIndex)
        return Token(kind: .word, text: String(text), isCapitalised: capitalised, startsSentence: startsSentence,
                     isPossessive: possessive, isIsolated: isolated, start: textStart, end: textStart + text.utf16.count)
    }
}
