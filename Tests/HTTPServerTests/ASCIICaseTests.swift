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

    /// Native strings compare as byte buffers; bridged or sliced ones may not be contiguous, and
    /// both ways must agree.
    @Test func contiguousAndStepwiseComparisonsAgree() {
        let long = "Access-Control-Expose-Headers"
        #expect(long.equalsIgnoringASCIICase("ACCESS-CONTROL-EXPOSE-HEADERS"))
        #expect(!long.equalsIgnoringASCIICase("Access-Control-Expose-Headerz"))
        #expect(Substring("xx Content-Type").dropFirst(3).equalsIgnoringASCIICase("content-type"))
        #expect("Café".equalsIgnoringASCIICase("CAFé"))
        #expect(!"Café".equalsIgnoringASCIICase("CAFÉ"))
        #expect(Array("Vary".utf8).equalsIgnoringASCIICase("vARY".utf8))
        #expect(!Array("Vary".utf8).equalsIgnoringASCIICase("Var".utf8))
        #expect("text/plain".hasPrefixIgnoringASCIICase("") && "text/plain".hasSuffixIgnoringASCIICase(""))
    }

    @Test func owsIsTrimmedFromBothEndsOnly() {
        #expect(" \t gzip ; q=1 \t".trimmingOWS() == "gzip ; q=1")
        #expect(" \t ".trimmingOWS().isEmpty)
        #expect("".trimmingOWS().isEmpty)
        #expect(" é ".trimmingOWS() == "é")
    }
}
