import Foundation
import Testing
@testable import NewsIngest

/// Text normalisation before parsing: character references, Unicode form, line endings, and determinism.
@Suite struct NormalisationTests {
    @Test func characterReferencesAreDecodedUntilStable() throws {
        let document = try NewsDocument(text: "M&amp;S sales &amp;rsquo; fall &#8217; &#x2019; &quot;sharply&quot; &eacute;")
        #expect(document.text == "M&S sales ’ fall ’ ’ \"sharply\" é")
    }

    @Test func windows1252NumbersReadAsBrowsersReadThem() throws {
        #expect(try NewsDocument(text: "It&#146;s &#151; over").text == "It’s — over")
    }

    @Test func referencesThatNameNothingStayAsWritten() throws {
        // No U+FFFD, no control characters, no guessing at unknown names or unterminated references.
        let text = "A &#0; B &#xD800; C &#1114112; D &bogus; E &amp F &#27; G & H"
        #expect(try NewsDocument(text: text).text == text)
    }

    @Test func decodingStopsAfterABoundedNumberOfPasses() throws {
        let nested = "&" + String(repeating: "amp;", count: 10) + "rsquo;"
        let expected = "&" + String(repeating: "amp;", count: 10 - HTMLCharacterReferences.maximumPasses) + "rsquo;"
        #expect(try NewsDocument(text: nested).text == expected)
    }

    @Test func textIsInNormalizationFormC() throws {
        // "e" + COMBINING ACUTE ACCENT becomes the one scalar U+00E9.
        let document = try NewsDocument(text: "Cafe\u{301} in Bogota\u{301}")
        #expect(Array(document.text.unicodeScalars) == Array("Café in Bogotá".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(document.text.unicodeScalars.count == 14)
    }

    @Test func theNFCFastPathAgreesWithFoundation() {
        for text in ["plain ASCII", "Café — “quoted” ’s € 5", "Cafe\u{301}", "\u{2000}em quad", "한국", "Ångström", "ﬁ ligature"] {
            if NewsDocument.isPlainlyNFC(text) {
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "\(text)")
            }
        }
        #expect(NewsDocument.isPlainlyNFC("Café — “quoted” ’s € 5"))
        #expect(!NewsDocument.isPlainlyNFC("Cafe\u{301}"))
        #expect(!NewsDocument.isPlainlyNFC("\u{2000}em quad"))
    }

    @Test func crOnlyLineEndingsSplitLines() throws {
        let article = try ArticleParser().parse(NewsDocument(bytes: Array("Storm Hits Coast Overnight\r\rResidents fled.\r".utf8)))
        #expect(article.headline == "Storm Hits Coast Overnight")
        #expect(article.paragraphs == ["Residents fled."])
    }

    @Test func theSameBytesGiveTheSameArticleWhateverWasParsedBefore() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Tests/Eval/Documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let documents = try names.map { try NewsDocument(bytes: Data(contentsOf: folder.appendingPathComponent($0))) }
        let parser = ArticleParser()
        let forward = try documents.map { try parser.parse($0) }
        let backward = try documents.reversed().map { try ArticleParser().parse($0) }.reversed()
        #expect(forward == Array(backward))
    }

    @Test func creditsAreSplitOffCaptions() {
        let caption = CaptionParser.caption("Herders walk near Lodwar, Kenya, Feb. 5, 2019. (AP Photo/Brian Otieno)", isFilePhoto: false)
        #expect(caption.text == "Herders walk near Lodwar, Kenya, Feb. 5, 2019.")
        #expect(caption.credit == "AP Photo/Brian Otieno")
        #expect(caption.place == "Lodwar, Kenya")
        #expect(CaptionParser.caption("Smoke rises over the port, Oct. 3, 2019. (Reuters)", isFilePhoto: false).credit == "Reuters")
        #expect(CaptionParser.caption("A man (left) waves in Rome, Oct. 3, 2019.", isFilePhoto: false).credit == nil)
        #expect(CaptionParser.caption("Leaders meet (in private) at the palace", isFilePhoto: false).credit == nil)
    }
}
