import Foundation
@testable import NewsIngest
import Testing

/// Byte-level shortcuts against the scalar and Foundation operations they stand for.
@Suite struct FastPathEquivalenceTests {
    private static let pieces = ["a", "K", ";", "`", " ", "(", "ap photo", "(ap photo", "é", "e\u{301}", "\u{301}", "\u{2002}", "\u{2019}",
                                 "\u{206F}", "\u{2070}", "\u{20A0}", "\u{20AC}", "\u{20C0}", "\u{20C1}", "\u{2FF}", "\u{300}", "\u{212A}",
                                 "\u{37E}", "\u{1FEF}", "中", "😀", "\u{A0}", "www.", "://", "\n", "\r"]

    private static func randomText(_ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func plainNFCIsDecidedAsBefore() {
        func reference(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { scalar in
                scalar.value < 0x300 || (0x2002...0x206F).contains(scalar.value) || (0x20A0...0x20C0).contains(scalar.value)
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Self.randomText(&generator)
            #expect(NewsDocument.isPlainlyNFC(text) == reference(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func asciiNeedlesAreFoundAsFoundationFindsThem() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Self.randomText(&generator)
            for needle in [" ", "(ap photo", "ap photo/", "(photo:", "www.", "://"] {
                #expect(text.containsASCII(needle) == text.contains(needle), "\(text.unicodeScalars.map(\.value)) \(needle)")
                let tail = text.suffix(5)
                #expect(tail.containsASCII(needle) == tail.contains(needle), "\(text.unicodeScalars.map(\.value)) \(needle)")
            }
        }
    }
}

extension FastPathEquivalenceTests {
    @Test func linesAreSplitAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "\n", "\n\n", " ", "é", "\r", "中", "😀", "\u{301}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let utf8 = text.utf8
            let expected = utf8.split(separator: UInt8(ascii: "\n")).map {
                utf8.distance(from: utf8.startIndex, to: $0.startIndex)..<utf8.distance(from: utf8.startIndex, to: $0.endIndex)
            }
            #expect(ArticleParser.lineBounds(of: text) == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
