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
    /// Where ``text`` stands in the tokenised string, in UTF-16 code units (start inclusive, end exclusive),
    /// the unit a JavaScript frontend highlights with.
    var start = 0
    var end = 0

    static let boundary = Token(kind: .boundary, text: "", isCapitalised: false, startsSentence: false, isPossessive: false, isIsolated: false)
}

/// Splits prose into words and boundaries, keeping abbreviations ("U.N.", "Gen.") and hyphenated names
/// ("Jean-Yves", "al-Mesmari") whole. A single pass over the UTF-8 bytes.
enum Tokenizer {
    /// Abbreviations whose period is not a full stop, lower-cased and without the period.
    static let abbreviations: Set<String> = [
        "gen", "sen", "rep", "gov", "lt", "col", "maj", "brig", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "dr", "mr",
        "mrs", "ms", "prof", "rev", "st", "mt", "ft", "jr", "sr", "jan", "feb", "apr", "aug", "sep", "sept", "oct",
        "nov", "dec", "corp", "inc", "co", "ltd", "calif", "fla", "ariz", "mass", "conn", "mich", "minn", "penn", "va",
        // AP state abbreviations, so "Springfield, Ill." keeps its period and maps to the state.
        "ala", "ark", "colo", "del", "ga", "ill", "ind", "kan", "ky", "la", "md", "miss", "mo", "mont", "neb", "nev",
        "okla", "ore", "pa", "tenn", "tex", "vt", "wash", "wis", "wyo",
    ]
    /// Lower-case prefixes that belong to Arabic and Romance surnames: "al-Mesmari", "el-Sissi".
    static let namePrefixes: Set<String> = ["al", "el", "ad", "ed", "as", "ash", "at", "an", "ar", "az", "bin", "ibn", "abu", "abd", "ben", "bint", "de", "di", "da", "du", "d"]

    /// The tokens of `text`, in order; runs of punctuation collapse into one boundary.
    ///
    /// Walks the UTF-8 bytes, decoding a scalar only where one is not ASCII, and classifies words made
    /// of ASCII and right single quotes (U+2019) on their bytes: in such a word every scalar is a
    /// character of its own, so byte rules give what the character rules of ``word(_:startsSentence:start:)``
    /// give. Other words go through those rules. (Slicing the scalar view and classifying every word
    /// with `Character` operations was most of the cost of a parse.)
    static func tokens(in text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(inUTF8: $0) }
    }

    private static func tokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 6)
        var sentenceStart = true
        var index = 0
        // UTF-16 offset of `index`, kept in step with it: recomputing it per token would be quadratic.
        var offset = 0
        let count = bytes.count
        /// The scalar after the one at `position` (which is `length` bytes long), if any.
        func scalarAfter(_ position: Int, length: Int) -> Unicode.Scalar? {
            let next = position + length
            return next < count ? decode(bytes, at: next).scalar : nil
        }
        while index < count {
            let (scalar, length) = decode(bytes, at: index)
            if isWordCharacter(scalar) {
                var end = index + length
                var endOffset = offset + utf16Count(length)
                // Only ASCII and U+2019 so far: the word can be classified on its bytes.
                var simple = scalar.isASCII
                while end < count {
                    let (character, characterLength) = decode(bytes, at: end)
                    if isWordCharacter(character) || (!character.isASCII && isMark(character)) {
                        // Marks and letters outside ASCII: classified by the character rules.
                        if !character.isASCII { simple = false }
                    } else if isJoiner(character), let following = scalarAfter(end, length: characterLength), isWordCharacter(following) {
                        if !character.isASCII && character != "’" { simple = false }
                    } else if character == ".", scalarAfter(end, length: characterLength) == "-",
                              let third = scalarAfter(end + 1, length: 1), isWordCharacter(third) {
                        // "U.N.-backed": the abbreviation's period stays with it.
                    } else {
                        break
                    }
                    end += characterLength
                    endOffset += utf16Count(characterLength)
                }
                let token: Token
                if simple {
                    var chunkEnd = end
                    if end < count, bytes[end] == UInt8(ascii: "."), isSimpleAbbreviation(bytes, index..<end) {
                        chunkEnd += 1
                        endOffset += 1
                    }
                    token = simpleWord(bytes, index..<chunkEnd, startsSentence: sentenceStart, start: offset)
                    end = chunkEnd
                } else {
                    var chunk = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    if end < count, bytes[end] == UInt8(ascii: "."), isAbbreviation(chunk) {
                        chunk += "."
                        end += 1
                        endOffset += 1
                    }
                    token = word(chunk, startsSentence: sentenceStart, start: offset)
                }
                tokens.append(token)
                sentenceStart = false
                index = end
                offset = endOffset
            } else if scalar == "&" {
                // A word of its own: it may join an organisation's name ("Research & Development Center").
                tokens.append(Token(kind: .word, text: "&", isCapitalised: false, startsSentence: false, isPossessive: false,
                                    isIsolated: false, start: offset, end: offset + 1))
                index += 1
                offset += 1
            } else {
                if !isWhitespace(scalar) {
                    if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" { sentenceStart = true }
                    if tokens.last?.kind != .boundary { tokens.append(.boundary) }
                }
                index += length
                offset += utf16Count(length)
            }
        }
        return tokens
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = UInt32(lead & 0x1F)
            length = 2
        } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F)
            length = 3
        } else {
            value = UInt32(lead & 0x07)
            length = 4
        }
        for position in index + 1..<index + length {
            value = value << 6 | UInt32(bytes[position] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// UTF-16 code units of a scalar that takes `utf8Length` bytes: only four-byte scalars need two.
    @inline(__always)
    private static func utf16Count(_ utf8Length: Int) -> Int {
        utf8Length == 4 ? 2 : 1
    }

    /// Apostrophes, hyphens and periods stay inside a word when a letter or digit follows.
    @inline(__always)
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-" || scalar == "."
    }

    private static func isASCIIUppercase(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// ``isAbbreviation(_:)`` for a chunk of ASCII and U+2019 only, where characters are scalars.
    private static func isSimpleAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: Range<Int>) -> Bool {
        let dot = UInt8(ascii: ".")
        let hasDot = bytes[chunk].contains(dot)
        // The first scalar is a letter or digit, so ASCII: uppercase is A-Z.
        guard isASCIIUppercase(bytes[chunk.lowerBound]) || hasDot else { return false }
        // U+2019 is three bytes and one scalar.
        let scalarCount = bytes[chunk].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        if scalarCount == 1 { return true }
        if hasDot {
            // Every non-empty part between periods is one character.
            var partLength = 0
            for byte in bytes[chunk] {
                if byte == dot {
                    if partLength > 1 { return false }
                    partLength = 0
                } else if byte & 0xC0 != 0x80 {
                    partLength += 1
                }
            }
            return partLength <= 1
        }
        let lowered = String(decoding: bytes[chunk].map { isASCIIUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return abbreviations.contains(lowered)
    }

    /// ``word(_:startsSentence:start:)`` for a chunk of ASCII and U+2019 only, where characters are
    /// scalars, the first of them an ASCII letter or digit.
    private static func simpleWord(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: Range<Int>, startsSentence: Bool, start: Int) -> Token {
        var text = chunk
        var possessive = false
        let s = UInt8(ascii: "s")
        if bytes[chunk.upperBound - 1] == s {
            // "'s" or "’s" after at least one more character.
            if chunk.count >= 3, bytes[chunk.upperBound - 2] == UInt8(ascii: "'") {
                text = chunk.lowerBound..<chunk.upperBound - 2
                possessive = true
            } else if chunk.count >= 5, bytes[chunk.upperBound - 4] == 0xE2, bytes[chunk.upperBound - 3] == 0x80,
                      bytes[chunk.upperBound - 2] == 0x99 {
                text = chunk.lowerBound..<chunk.upperBound - 4
                possessive = true
            }
        }
        var isolated = false
        var capitalised = isASCIIUppercase(bytes[text.lowerBound])
        let hyphen = UInt8(ascii: "-")
        if bytes[text].contains(hyphen) {
            // The parts between hyphens, empty ones left out, as `split(separator:)` gives them.
            var parts: [Range<Int>] = []
            var partStart = text.lowerBound
            for position in text.lowerBound...text.upperBound where position == text.upperBound || bytes[position] == hyphen {
                if position > partStart { parts.append(partStart..<position) }
                partStart = position + 1
            }
            // A part may start with U+2019, which is not uppercase.
            let capitalisedParts = parts.map { isASCIIUppercase(bytes[$0.lowerBound]) }
            if capitalisedParts.allSatisfy({ $0 }) {
                capitalised = true
            } else if parts.count > 1, namePrefixes.contains(lowercasedSimple(bytes, parts[0])),
                      capitalisedParts.dropFirst().allSatisfy({ $0 }) {
                capitalised = true
            } else if let firstLower = capitalisedParts.firstIndex(of: false), firstLower > 0,
                      capitalisedParts[firstLower...].allSatisfy({ !$0 }) {
                // "Tripoli-based", "U.N.-backed": the name is the capitalised head.
                text = text.lowerBound..<parts[firstLower - 1].upperBound
                capitalised = true
                isolated = true
            } else if let firstUpper = capitalisedParts.firstIndex(of: true), firstUpper > 0,
                      capitalisedParts[firstUpper...].allSatisfy({ $0 }) {
                // "anti-Russian", "pro-Hifter": the name is the capitalised tail.
                text = parts[firstUpper].lowerBound..<text.upperBound
                capitalised = true
                isolated = true
            } else {
                capitalised = false
            }
        }
        let textStart = start + utf16Length(bytes, chunk.lowerBound..<text.lowerBound)
        return Token(kind: .word, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self),
                     isCapitalised: capitalised, startsSentence: startsSentence, isPossessive: possessive, isIsolated: isolated,
                     start: textStart, end: textStart + utf16Length(bytes, text))
    }

    /// UTF-16 length of ASCII and U+2019 bytes: one unit per scalar.
    private static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static func lowercasedSimple(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { isASCIIUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
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
        return abbreviations.contains(chunk.lowercased())
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
        let chunkStart = chunk.startIndex
        let textStart = start + chunk.utf16.distance(from: chunkStart, to: text.startIndex)
        return Token(kind: .word, text: String(text), isCapitalised: capitalised, startsSentence: startsSentence,
                     isPossessive: possessive, isIsolated: isolated, start: textStart, end: textStart + text.utf16.count)
    }
}
