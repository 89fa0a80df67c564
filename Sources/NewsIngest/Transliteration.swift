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
        if let key = asciiKey(word) { return key }
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

    /// ``key(_:)`` of an ASCII word, on its bytes (where characters are bytes, so the same rules give
    /// the same key); nil for any other word.
    private static func asciiKey(_ word: String) -> String? {
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        for (digraph, letter) in asciiDigraphs {
            guard bytes.indices.dropLast().contains(where: { bytes[$0] == digraph.0 && bytes[$0 + 1] == digraph.1 }) else { continue }
            // Left to right, without overlaps, as `replacingAll` does.
            var output: [UInt8] = []
            var index = 0
            var replaced = false
            while index < bytes.count {
                if index + 1 < bytes.count, bytes[index] == digraph.0, bytes[index + 1] == digraph.1 {
                    output.append(letter)
                    index += 2
                    replaced = true
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            if replaced { bytes = output }
        }
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var previous: UInt8?
        for byte in bytes {
            let folded: UInt8
            switch byte {
            case UInt8(ascii: "q"), UInt8(ascii: "k"), UInt8(ascii: "g"): folded = UInt8(ascii: "g")
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"),
                 UInt8(ascii: "'"), UInt8(ascii: "-"): folded = UInt8(ascii: "a")
            default: folded = byte
            }
            if folded != previous { key.append(folded) }
            previous = folded
        }
        return String(decoding: key, as: UTF8.self)
    }

    private static let asciiDigraphs: [((UInt8, UInt8), UInt8)] = digraphs.map { digraph, letter in
        let pair = Array(digraph.utf8)
        return ((pair[0], pair[1]), Array(letter.utf8)[0])
    }
}
