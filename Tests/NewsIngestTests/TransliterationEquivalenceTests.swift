@testable import NewsIngest
import Testing

/// The byte-level spelling keys of ASCII surnames against the character rules they shortcut (kept
/// below, as they were): the same keys for every word, ASCII or not.
@Suite struct TransliterationEquivalenceTests {
    private static let digraphs: [(String, String)] = [("dh", "d"), ("th", "t"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k")]

    private static func referenceKey(_ word: String) -> String {
        var text = word
        for (digraph, letter) in digraphs where text.contains(digraph) {
            text = text.replacingAll(digraph, with: letter)
        }
        var key = ""
        var previous: Character?
        for character in text {
            let folded: Character
            switch character {
            case "q", "k", "g": folded = "g"
            case "a", "e", "i", "o", "u", "y", "'", "’", "-": folded = "a"
            default: folded = character
            }
            if folded != previous { key.append(folded) }
            previous = folded
        }
        return key
    }

    private static func referenceVariantKeys(of word: String) -> [String] {
        let lower = word.lowercased()
        var keys = [lower, "#" + referenceKey(lower)]
        var skipped = lower.startIndex
        while skipped < lower.endIndex {
            let next = lower.index(after: skipped)
            keys.append(String(lower[..<skipped] + lower[next...]))
            skipped = next
        }
        return keys
    }

    private static func referenceLoweredParticle(_ word: String) -> String? {
        let head = word.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard Tokenizer.namePrefixes.contains(head) || ["van", "von", "der", "la", "le"].contains(head),
              let first = word.first, first.isUppercase else { return nil }
        return first.lowercased() + word.dropFirst()
    }

    @Test func loweredParticlesAreAsBefore() {
        let pieces = ["Al", "al", "El", "De", "de", "La", "Van", "VAN", "Ibn", "Abu", "D", "d", "-", "--", "x", "Y", "'", "é", "É", "ß", "\u{301}", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for word in ["Al-Mesmari", "De", "El-Tayeb", "Van", "-Al", "", "al-Sissi", "La"] {
            #expect(PersonIndex.loweredParticle(word) == Self.referenceLoweredParticle(word), "\(word)")
        }
        for _ in 0..<20_000 {
            let word = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(PersonIndex.loweredParticle(word) == Self.referenceLoweredParticle(word), "\(word.unicodeScalars.map(\.value))")
        }
    }

    @Test func keysAreAsBefore() {
        let pieces = ["a", "e", "i", "o", "u", "y", "q", "k", "g", "d", "h", "t", "p", "c", "f", "s", "b", "A", "K", "Q", "D", "H",
                      "dh", "th", "kh", "gh", "ph", "ck", "dhh", "'", "’", "-", "é", "Ö", "ß", "İ", "\u{301}", "д", "\r\n", "\r", "x"]
        var generator = SystemRandomNumberGenerator()
        for word in ["Gadhafi", "Gaddafi", "Qaddafi", "Hifter", "Hiftar", "Mukherjee", "al-Mesmari", "O'Brien", "Conte", ""] {
            #expect(PersonIndex.variantKeys(of: word) == Self.referenceVariantKeys(of: word))
            #expect(Transliteration.key(word.lowercased()) == Self.referenceKey(word.lowercased()))
        }
        for _ in 0..<20_000 {
            let word = (0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(PersonIndex.variantKeys(of: word) == Self.referenceVariantKeys(of: word), "\(word.unicodeScalars.map(\.value))")
            #expect(Transliteration.key(word) == Self.referenceKey(word), "\(word.unicodeScalars.map(\.value))")
        }
    }
}
