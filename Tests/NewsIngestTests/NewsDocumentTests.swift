import Foundation
import Testing
@testable import NewsIngest

@Suite struct NewsDocumentTests {
    @Test func crlfAndCRBecomeLF() throws {
        let document = try NewsDocument(bytes: Array("Headline here\r\n\r\nBody one.\rBody two.\r\n".utf8))
        #expect(document.text == "Headline here\n\nBody one.\nBody two.")
        #expect(!document.text.unicodeScalars.contains("\r"))
    }

    @Test func byteOrderMarkIsStripped() throws {
        let document = try NewsDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("Headline".utf8))
        #expect(document.text == "Headline")
        #expect(document.text.unicodeScalars.first == "H")
    }

    @Test func nulBytesAreBinary() {
        #expect(throws: IngestError.binary) { try NewsDocument(bytes: Array("Head\0line".utf8)) }
    }

    @Test func latin1BytesFallBackToWindows1252WithAWarning() throws {
        // "café" in Latin-1: 0xE9 alone is not UTF-8.
        let document = try NewsDocument(bytes: Array("caf".utf8) + [0xE9])
        #expect(document.text == "café")
        #expect(document.warnings == ["the text is not valid UTF-8; decoded as Windows-1252"])
        #expect(!document.text.unicodeScalars.contains("\u{FFFD}"))
    }

    @Test func windows1252PunctuationAndUndefinedBytes() throws {
        // 0x93/0x94 curly quotes, 0x80 euro, 0x97 em dash; 0x81 is undefined and maps to the C1 control U+0081.
        let bytes: [UInt8] = [0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0x97, 0x20, 0x81] + Array(" is a price, not binary data".utf8)
        let document = try NewsDocument(bytes: bytes)
        #expect(document.text == "“Hi” €5 — \u{81} is a price, not binary data")
        #expect(!document.text.unicodeScalars.contains("\u{FFFD}"))
    }

    @Test func undefinedWindows1252BytesCountAsControlCharacters() {
        let bytes = [UInt8](repeating: 0x81, count: 10) + Array(" some text".utf8)
        #expect(throws: IngestError.binary) { try NewsDocument(bytes: bytes) }
    }

    @Test func validUTF8HasNoWarnings() throws {
        let document = try NewsDocument(bytes: Array("café".utf8))
        #expect(document.text == "café")
        #expect(document.warnings.isEmpty)
    }

    @Test func declaredWindows1252IsHonoured() throws {
        // Valid UTF-8 for "é", but the sender says Windows-1252: the declaration wins, with no warning.
        let declared = try NewsDocument(bytes: [0x63, 0xC3, 0xA9], declaredEncoding: .windows1252)
        #expect(declared.text == "cÃ©")
        #expect(declared.warnings.isEmpty)
        // A UTF-8 byte order mark overrides the declaration.
        let marked = try NewsDocument(bytes: [0xEF, 0xBB, 0xBF, 0x63, 0xC3, 0xA9], declaredEncoding: .windows1252)
        #expect(marked.text == "cé")
    }

    @Test(arguments: [
        ("utf-8", DeclaredEncoding.utf8), ("UTF8", .utf8), ("\"utf-8\"", .utf8), ("ISO-8859-1", .windows1252),
        ("latin1", .windows1252), ("windows-1252", .windows1252), ("us-ascii", .windows1252),
    ])
    func charsetLabels(label: String, encoding: DeclaredEncoding) {
        #expect(DeclaredEncoding(charset: label) == encoding)
    }

    @Test func unknownCharsetLabel() {
        #expect(DeclaredEncoding(charset: "shift_jis") == nil)
    }

    @Test func warningsDoNotChangeDocumentIdentity() throws {
        let fallback = try NewsDocument(bytes: Array("caf".utf8) + [0xE9])
        let clean = try NewsDocument(text: "café")
        #expect(fallback == clean)
        #expect(Set([fallback, clean]).count == 1)
    }

    @Test func parsedArticleCarriesAndEncodesWarnings() throws {
        let bytes = Array("Caf".utf8) + [0xE9] + Array(" Owners Protest New Rules\n\nOwners marched on Monday.".utf8)
        let article = try ArticleParser().parse(NewsDocument(bytes: bytes))
        #expect(article.headline == "Café Owners Protest New Rules")
        #expect(article.warnings == ["the text is not valid UTF-8; decoded as Windows-1252"])
        let json = try JSONEncoder().encode(article)
        #expect(String(decoding: json, as: UTF8.self).contains("\"warnings\":[\"the text is not valid UTF-8"))
        #expect(try JSONDecoder().decode(ParsedArticle.self, from: json) == article)
        // JSON from before the field existed still decodes.
        let old = Data(#"{"headline":"H","paragraphs":[],"captions":[],"entities":[]}"#.utf8)
        #expect(try JSONDecoder().decode(ParsedArticle.self, from: old).warnings.isEmpty)
    }

    @Test func emptyAndBlankAreEmpty() {
        #expect(throws: IngestError.empty) { try NewsDocument(bytes: []) }
        #expect(throws: IngestError.empty) { try NewsDocument(text: " \n\r\n\t ") }
    }

    @Test func oversizeIsRejected() {
        let size = NewsDocument.maximumByteCount + 1
        #expect(throws: IngestError.tooLarge(byteCount: size)) {
            try NewsDocument(bytes: [UInt8](repeating: 0x41, count: size))
        }
    }

    @Test func crlfDocumentParsesLikeLF() throws {
        let parser = ArticleParser()
        let lf = try parser.parse(NewsDocument(text: "Breaking News\n\nRivals Meet in Rome\n\nThey met."))
        let crlf = try parser.parse(NewsDocument(bytes: Array("\u{FEFF}Breaking News\r\n\r\nRivals Meet in Rome\r\n\r\nThey met.".utf8)))
        #expect(lf == crlf)
        #expect(crlf.paragraphs == ["They met."])
    }
}
