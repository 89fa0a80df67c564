/// A search as a person types it, translated into SQLite FTS5 query expressions.
///
/// The syntax people type:
///
/// - words: all must match (`libya conte`); `AND` between words may be written and changes nothing;
/// - `"phrases"`, in straight or curly double quotes; an unclosed quote runs to the end;
/// - `OR` between two words or phrases: either matches (`hifter OR haftar`); it binds tighter than
///   the implicit AND, so `a OR b c` is `(a OR b) AND c`;
/// - `-word`, `-"phrase"` or `NOT word`: exclude;
/// - `word*` or `"phrase"*`: the last word is a prefix.
///
/// Control characters and U+E000 (which the article index keeps between paragraphs) separate
/// words. Everything else is text to find, never syntax: parentheses, `NEAR`, `:` (as in `headline:`),
/// `^`, `+` and punctuation are separators the tokenizer drops, exactly as in the indexed text.
/// Each word or phrase becomes an FTS5 string in double quotes (quotes inside are doubled), so
/// user text never reaches FTS5's own syntax; the operators come from this type alone.
///
/// A word with no letter or digit (`*`, `—`, `::`) is dropped. What is left must hold at least one
/// word to find: a query of nothing but exclusions, or of nothing at all, is ``Invalid``.
public struct SearchQuery: Hashable, Sendable, CustomStringConvertible {
    /// A word or phrase to find.
    public struct Term: Hashable, Sendable {
        /// The text as typed, without quotes, `-` or trailing `*`.
        public let text: String
        /// The last word of `text` matches any word it begins.
        public let isPrefix: Bool

        /// The FTS5 string: `"text"` with inner quotes doubled, and `*` after it for a prefix.
        public var expression: String {
            "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (isPrefix ? "*" : "")
        }
    }

    /// Why a query cannot be run, phrased for the person who typed it.
    public enum Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// Nothing to search for once the words without letters or digits are dropped.
        case empty
        /// Only exclusions: FTS5 can subtract from a match, not match everything but something.
        case onlyExclusions
        /// Over ``SearchQuery/maximumLength`` characters.
        case tooLong
        /// Over ``SearchQuery/maximumTerms`` words and phrases.
        case tooManyTerms

        public var description: String {
            switch self {
            case .empty:
                "the query has no word to search for (words need a letter or a digit)"
            case .onlyExclusions:
                "the query only excludes words (-word); add at least one word to search for"
            case .tooLong:
                "the query is longer than \(SearchQuery.maximumLength) characters"
            case .tooManyTerms:
                "the query has more than \(SearchQuery.maximumTerms) words and phrases"
            }
        }
    }

    /// The most characters a query may have; longer text is not a search a person types.
    public static let maximumLength = 500
    /// The most words and phrases, kept and excluded together: each one is a look-up in the index.
    public static let maximumTerms = 32

    /// The query as typed.
    public let text: String
    /// Every clause must match; a clause matches when any of its terms does (the terms joined by OR).
    public let clauses: [[Term]]
    /// None of these may match.
    public let exclusions: [Term]

    /// Reads `text`.
    ///
    /// - Throws: ``Invalid`` when nothing is left to search for, or the query is too long.
    public init(_ text: String) throws(Invalid) {
        guard text.count <= Self.maximumLength else { throw .tooLong }
        self.text = text
        (clauses, exclusions) = Self.parse(Self.lex(text))
        guard !clauses.isEmpty else { throw exclusions.isEmpty ? .empty : .onlyExclusions }
        guard clauses.joined().count + exclusions.count <= Self.maximumTerms else { throw .tooManyTerms }
    }

    public var description: String { expression }

    /// The words and phrases to find, each once, in the order typed.
    public var terms: [Term] {
        var seen = Set<Term>()
        return clauses.joined().filter { seen.insert($0).inserted }
    }

    /// The FTS5 expression a single row must match: every clause and no exclusion, e.g.
    /// `("libya" AND ("hifter" OR "haftar")) NOT "italy"`.
    public var expression: String {
        let required = clauses.map(Self.disjunction).joined(separator: " AND ")
        guard !exclusions.isEmpty else { return required }
        return (clauses.count > 1 ? "(\(required))" : required) + " NOT " + Self.disjunction(exclusions)
    }

    /// `"a" OR "b"`, parenthesised when there are several.
    static func disjunction(_ terms: [Term]) -> String {
        terms.count == 1 ? terms[0].expression : "(" + terms.map(\.expression).joined(separator: " OR ") + ")"
    }

    // MARK: Reading

    private enum Lexeme {
        case term(Term, excluded: Bool)
        case or
        case and
        case not
    }

    /// Splits the text into words, phrases and operators.
    private static func lex(_ text: String) -> [Lexeme] {
        // Control characters (NUL among them) are no text to find, and SQLite reads a bound string
        // only up to its first NUL: make them separators before anything else. So is U+E000, which
        // `article_search` puts between paragraphs to keep phrases from running across them: a
        // query that could name it would find that seam.
        let scalars = text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == Self.paragraphSeam ? " " : $0 }
        var lexemes: [Lexeme] = []
        var index = 0
        func isSpace(_ at: Int) -> Bool { scalars[at].properties.isWhitespace }
        func isQuote(_ at: Int) -> Bool { quotes.contains(scalars[at]) }
        func string(_ range: Range<Int>) -> String {
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars[range])
            return result
        }
        while index < scalars.count {
            if isSpace(index) {
                index += 1
                continue
            }
            // `-` directly before a word or a phrase excludes it; a lone `-` is just punctuation.
            var excluded = false
            if scalars[index] == "-", index + 1 < scalars.count, !isSpace(index + 1) {
                excluded = true
                index += 1
            }
            if isQuote(index) {
                let start = index + 1
                index = start
                while index < scalars.count && !isQuote(index) { index += 1 }
                let phrase = string(start..<index)
                if index < scalars.count { index += 1 }
                var isPrefix = false
                while index < scalars.count && scalars[index] == "*" {
                    isPrefix = true
                    index += 1
                }
                lexemes.append(.term(Term(text: phrase, isPrefix: isPrefix), excluded: excluded))
                continue
            }
            let start = index
            while index < scalars.count && !isSpace(index) && !isQuote(index) { index += 1 }
            var end = index
            while end > start && scalars[end - 1] == "*" { end -= 1 }
            let word = string(start..<end)
            switch (word, excluded, end == index) {
            case ("OR", false, true): lexemes.append(.or)
            case ("AND", false, true): lexemes.append(.and)
            case ("NOT", false, true): lexemes.append(.not)
            default: lexemes.append(.term(Term(text: word, isPrefix: end < index), excluded: excluded))
            }
        }
        return lexemes
    }

    /// Groups terms into clauses: OR joins the terms on either side into one clause, exclusions
    /// are set apart. An operator with nothing to apply to is ignored.
    private static func parse(_ lexemes: [Lexeme]) -> (clauses: [[Term]], exclusions: [Term]) {
        var clauses: [[Term]] = []
        var exclusions: [Term] = []
        var orPending = false
        var notPending = false
        // OR applies only right after a kept term, never after an exclusion.
        var lastWasKept = false
        for lexeme in lexemes {
            switch lexeme {
            case .or:
                orPending = lastWasKept
            case .and:
                orPending = false
            case .not:
                notPending = true
            case .term(let term, let excluded):
                // A word of punctuation alone has nothing to find; drop it and keep what was pending.
                guard term.text.unicodeScalars.contains(where: isTokenCharacter) else { continue }
                if excluded || notPending {
                    exclusions.append(term)
                    lastWasKept = false
                } else if orPending {
                    clauses[clauses.count - 1].append(term)
                    lastWasKept = true
                } else {
                    clauses.append([term])
                    lastWasKept = true
                }
                orPending = false
                notPending = false
            }
        }
        return (clauses, exclusions)
    }

    /// The token `article_search` puts between the paragraphs (and the captions) of an article.
    static let paragraphSeam: Unicode.Scalar = "\u{E000}"

    private static let quotes: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{FF02}"]

    /// What the `unicode61` tokenizer keeps as part of a word by default: letters, numbers and
    /// private-use characters (categories L*, N*, Co); everything else separates words.
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            true
        default:
            false
        }
    }
}
