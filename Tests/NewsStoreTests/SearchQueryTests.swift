@testable import NewsStore
import Testing

/// What people type, and the FTS5 expression it becomes: every word or phrase quoted, the operators
/// ours alone, hostile text harmless.
@Suite struct SearchQueryTests {
    @Test(arguments: [
        // Words, phrases, OR, exclusions, prefixes.
        ("libya", #""libya""#),
        ("Libya Conte", #""Libya" AND "Conte""#),
        ("  libya\t\nconte  ", #""libya" AND "conte""#),
        (#""prime minister""#, #""prime minister""#),
        ("hifter OR haftar", #"("hifter" OR "haftar")"#),
        ("libya hifter OR haftar", #""libya" AND ("hifter" OR "haftar")"#),
        ("a OR b OR c d", #"("a" OR "b" OR "c") AND "d""#),
        ("libya -italy", #""libya" NOT "italy""#),
        ("libya conte -italy -egypt", #"("libya" AND "conte") NOT ("italy" OR "egypt")"#),
        ("libya NOT italy", #""libya" NOT "italy""#),
        ("libya AND italy", #""libya" AND "italy""#),
        (#"-"file photo" libya"#, #""libya" NOT "file photo""#),
        ("eradicat*", #""eradicat"*"#),
        ("eradicat***", #""eradicat"*"#),
        (#""prime min"*"#, #""prime min"*"#),
        ("-tripol* libya", #""libya" NOT "tripol"*"#),
        // Curly and unbalanced quotes.
        ("\u{201C}prime minister\u{201D}", #""prime minister""#),
        (#"say "he said"#, #""say" AND "he said""#),
        (#""a""b""#, #""a" AND "b""#),
        (#"a"b"#, #""a" AND "b""#),
        // Operators with nothing to apply to are dropped; lower-case `or` is a word.
        ("libya OR", #""libya""#),
        ("OR libya", #""libya""#),
        ("libya OR OR italy", #"("libya" OR "italy")"#),
        ("libya OR -italy", #""libya" NOT "italy""#),
        ("-italy OR libya", #""libya" NOT "italy""#),
        ("tea or coffee", #""tea" AND "or" AND "coffee""#),
        ("libya NOT", #""libya""#),
        // FTS5 syntax typed by a person is text: it stays inside the quotes.
        ("headline:libya", #""headline:libya""#),
        ("{headline}: libya", #""{headline}:" AND "libya""#),
        ("NEAR(libya italy)", #""NEAR(libya" AND "italy)""#),
        ("NEAR/3 libya", #""NEAR/3" AND "libya""#),
        ("(libya OR italy)", #"("(libya" OR "italy)")"#),
        ("^libya +italy", #""^libya" AND "+italy""#),
        ("libya * — … ::", #""libya""#),
        ("- libya", #""libya""#),
        ("libya --italy", #""libya" NOT "-italy""#),
        // Letters of any script, apostrophes and diacritics are left to the tokenizer.
        ("libya's", #""libya's""#),
        ("Bogotá", #""Bogotá""#),
        ("北京 上海", #""北京" AND "上海""#),
        // Control characters (NUL first) separate words: SQLite would cut a bound string at NUL.
        ("libya\u{0}italy", #""libya" AND "italy""#),
        // U+E000, the seam between paragraphs in the article index, separates words and is never a term.
        ("libya\u{E000}italy", #""libya" AND "italy""#),
        ("\"end \u{E000} start\"", #""end   start""#),
    ])
    func translates(input: String, expression: String) throws {
        #expect(try SearchQuery(input).expression == expression, "\(input)")
    }

    @Test(arguments: [
        ("", SearchQuery.Invalid.empty),
        ("   ", .empty),
        (#"""#, .empty),
        (#""""#, .empty),
        ("*", .empty),
        ("— … ¿‽ ::", .empty),
        ("OR AND NOT", .empty),
        ("\u{E000}", .empty),
        ("-libya", .onlyExclusions),
        ("NOT libya", .onlyExclusions),
        ("--libya", .onlyExclusions),
        (#"-"prime minister" -italy"#, .onlyExclusions),
        (String(repeating: "a", count: SearchQuery.maximumLength + 1), .tooLong),
        ((1...SearchQuery.maximumTerms + 1).map { "w\($0)" }.joined(separator: " "), .tooManyTerms),
    ])
    func refuses(input: String, reason: SearchQuery.Invalid) {
        #expect(throws: reason) { try SearchQuery(input) }
    }

    @Test func quotesInsideATermAreDoubled() {
        // The lexer never leaves a straight quote in a term; a term made by hand still cannot break out.
        let term = SearchQuery.Term(text: #"a" OR "b"#, isPrefix: false)
        #expect(term.expression == #""a"" OR ""b""#)
    }

    @Test func termsAreListedOnceInTypedOrder() throws {
        let query = try SearchQuery("libya conte OR libya -italy")
        #expect(query.terms.map(\.text) == ["libya", "conte"])
        #expect(query.exclusions.map(\.text) == ["italy"])
        #expect(query.clauses.count == 2)
    }

    @Test func columnFiltersWrapTheWholeExpression() throws {
        let query = try SearchQuery("libya -italy")
        #expect(SearchIndex.expression(query.expression, in: [.caption]) == #"{caption} : ("libya" NOT "italy")"#)
        #expect(SearchIndex.expression(query.expression, in: [.headline, .paragraph]) == #"{headline paragraph} : ("libya" NOT "italy")"#)
        #expect(SearchIndex.expression(query.expression, in: Set(SearchIndex.Field.allCases)) == query.expression)
    }
}
