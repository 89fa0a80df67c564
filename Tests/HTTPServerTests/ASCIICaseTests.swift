import Testing
@testable import HTTPServer

/// Field names, tokens and media types compare ASCII letters without regard to case (RFC 9110 §5.1, §8.3.1).
@Suite("ASCII case-insensitive comparison")
struct ASCIICaseTests {
    @Test func prefixesAndSuffixesIgnoreTheCaseOfLettersOnly() {
        #expect("Text/HTML".hasPrefixIgnoringASCIICase("text/"))
        #expect("text/html".hasPrefixIgnoringASCIICase("TEXT/"))
        #expect(!"tex".hasPrefixIgnoringASCIICase("text/"))
        #expect(!"uext/html".hasPrefixIgnoringASCIICase("text/"))
        #expect("application/problem+JSON".hasSuffixIgnoringASCIICase("+json"))
        #expect(!"application/json".hasSuffixIgnoringASCIICase("+json"))
        #expect(!"json".hasSuffixIgnoringASCIICase("+json"))
        // 0x40 '@' and 0x60 '`' differ only in the 0x20 bit but are not letters.
        #expect(!"@".equalsIgnoringASCIICase("`"))
        #expect(!"a@".hasSuffixIgnoringASCIICase("`"))
        #expect("Application/JSON".equalsIgnoringASCIICase("application/json"))
    }
}
