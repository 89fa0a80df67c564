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

    @Test func invalidUTF8IsRejected() {
        #expect(throws: IngestError.notUTF8) { try NewsDocument(bytes: [0x48, 0xC3, 0x28, 0x69]) }
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
