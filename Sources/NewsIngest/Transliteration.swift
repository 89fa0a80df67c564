/// A spelling key under which the common romanisations of one Arabic, Persian or Russian surname agree:
/// Gadhafi, Gaddafi and Qaddafi all give `gadafa`; Hifter and Hiftar give `haftar`.
///
/// It folds what English-language newsrooms write differently for the same sound: the letter qaf as
/// q, k or g; `dh`/`th`/`kh`/`gh`/`ph` digraphs; doubled consonants; and vowels, which short Arabic
/// vowels leave unwritten. The key alone merges too much (Conte and Conti agree), so
/// ``PersonIndex/isVariant(_:of:)`` also bounds the edit distance and the length.
enum Transliteration {
    private static let digraphs: [(String, String)] = [("dh", "d"), ("th", "t"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k")]

    /// The key of a lower-case word.
    static func key(_ word: String) -> String {
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
}
