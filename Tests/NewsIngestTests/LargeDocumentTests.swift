import Testing
@testable import NewsIngest

/// A large, name-heavy document: parsing must stay linear in size (checked by timing outside the tests)
/// and still give sane results. Many distinct names is the case that used to be quadratic.
@Suite struct LargeDocumentTests {
    /// A deterministic ~1 MiB document: filler words, places, titled people and thousands of distinct names.
    static func nameHeavyDocument(byteCount: Int) -> String {
        let filler = ["the", "talks", "were", "held", "in", "and", "officials", "said", "on", "market", "with", "a", "week"]
        let syllables = ["ba", "ko", "mi", "ru", "te", "sa", "lo", "vi", "dan", "gor", "pel", "zu"]
        var generator = SplitMix64(seed: 7)
        var text = "Leaders Meet in Paris and London\n\n"
        var paragraph: [String] = []
        while text.utf8.count < byteCount {
            let roll = generator.next() % 100
            switch roll {
            case 0..<5: paragraph.append("Paris")
            case 5..<10: paragraph.append("London")
            case 10..<15: paragraph.append("President John Smith")
            case 15..<18: paragraph.append("Smith")
            case 18..<22:
                // A fresh person most of the time: "Dr. Kobami Rutesa".
                func name(_ parts: Int) -> String {
                    let word = (0..<parts).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined()
                    return word.prefix(1).uppercased() + word.dropFirst()
                }
                paragraph.append("Dr. \(name(2)) \(name(3))")
            default: paragraph.append(filler[Int(generator.next() % UInt64(filler.count))])
            }
            if roll == 99 { paragraph[paragraph.count - 1] += "." }
            if paragraph.count >= 120 {
                text += paragraph.joined(separator: " ") + ".\n\n"
                paragraph = []
            }
        }
        return text + paragraph.joined(separator: " ") + "."
    }

    @Test func oneMebibyteNameHeavyDocumentParsesSanely() throws {
        let text = Self.nameHeavyDocument(byteCount: 1 << 20)
        #expect(text.utf8.count >= 1 << 20)
        let article = try ArticleParser().parse(NewsDocument(text: text))
        #expect(article.headline == "Leaders Meet in Paris and London")
        #expect(article.paragraphs.count > 1000)
        let found = Dictionary(article.entities.map { ("\($0.type.rawValue)/\($0.name)", $0.mentions) }, uniquingKeysWith: +)
        // Each of these stands in about one word in twenty: thousands of mentions in 1 MiB.
        #expect(found["GPE/Paris", default: 0] > 5_000)
        #expect(found["GPE/London", default: 0] > 5_000)
        #expect(found["PERSON/John Smith", default: 0] > 5_000)
        // Titles never become part of a name, and every entity appears once.
        #expect(!article.entities.contains { $0.name.contains("Dr.") || $0.name.contains("President") })
        #expect(Set(article.entities.map { "\($0.type)/\($0.name)" }).count == article.entities.count)
        #expect(article.entities.filter { $0.type == .person }.count > 1_000)
    }
}

/// A small deterministic generator, so the large document is the same on every run and platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
