import Foundation
import Testing
@testable import NewsIngest

/// Where mentions stand, which title introduces them, and which surface forms are one entity.
@Suite struct MentionTests {
    let parser = ArticleParser()

    func parse(_ text: String) throws -> ParsedArticle {
        try parser.parse(NewsDocument(text: text))
    }

    /// The text a span points into.
    static func text(of span: MentionSpan, in article: ParsedArticle) -> String? {
        switch span.section {
        case .headline: article.headline
        case .dateline: article.dateline
        case .caption: span.index.flatMap { article.captions.indices.contains($0) ? article.captions[$0].text : nil }
        case .paragraph: span.index.flatMap { article.paragraphs.indices.contains($0) ? article.paragraphs[$0] : nil }
        }
    }

    /// JavaScript's `text.slice(start, end)`: UTF-16 code units.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String? {
        let units = Array(text.utf16)
        guard start >= 0, end <= units.count, start < end else { return nil }
        return String(decoding: units[start..<end], as: UTF16.self)
    }

    @Test func everySpanOfTheEvaluationSetSlicesToItsText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Tests/Eval/Documents")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            + ["../../../seeds/000_30ef00eb747dd457.txt"]
        var checked = 0
        for name in files {
            let article = try parser.parse(NewsDocument(bytes: Data(contentsOf: folder.appendingPathComponent(name))))
            for entity in article.entities {
                #expect(entity.mentions == entity.spans.count, "\(name) \(entity.name)")
                #expect(entity.aliases.reduce(0) { $0 + $1.count } == entity.mentions, "\(name) \(entity.name)")
                for span in entity.spans {
                    let text = try #require(Self.text(of: span, in: article), "\(name) \(span)")
                    #expect(Self.slice(text, span.start, span.end) == span.text, "\(name) \(span)")
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    @Test func offsetsCountUTF16CodeUnits() throws {
        // 🇰🇪 is four UTF-16 code units, é one; a byte or character count would put Kenya elsewhere.
        let article = try parse("Drought Deepens Across the Region\n\n🇰🇪 Café owners in Kenya said rains failed.")
        let kenya = try #require(article.entities.first { $0.name == "Kenya" })
        let span = try #require(kenya.spans.first)
        #expect(span.section == .paragraph && span.index == 0)
        #expect(span.start == 20 && span.end == 25)
        #expect(Self.slice(article.paragraphs[0], span.start, span.end) == "Kenya")
    }

    @Test func titlesBecomeRolesAndStayOutOfNames() throws {
        let article = try parse("""
            Leaders Meet in Palermo on Libya

            Italian Premier Giuseppe Conte met Gen. Khalifa Hifter and French Foreign Minister Jean-Yves Le Drian.

            A statement by spokesman Ahmed al-Mesmari followed. Conte said the talks went well.
            """)
        func roles(_ name: String) -> [String?] {
            article.entities.first { $0.name == name }?.spans.map(\.role) ?? []
        }
        #expect(roles("Giuseppe Conte") == ["Premier", nil])
        #expect(roles("Khalifa Hifter") == ["Gen."])
        #expect(roles("Jean-Yves Le Drian") == ["Foreign Minister"])
        #expect(roles("Ahmed al-Mesmari") == ["spokesman"])
        let conte = try #require(article.entities.first { $0.name == "Giuseppe Conte" })
        #expect(conte.aliases == [EntityAlias(text: "Conte", count: 1), EntityAlias(text: "Giuseppe Conte", count: 1)])
    }

    @Test func transliterationsMergeUnderStrictGates() throws {
        let article = try parse("""
            Libya Talks Stall Over Army Chief

            Gen. Khalifa Hifter rejected the plan. Hiftar's forces held the east.

            Former leader Moammar Gadhafi ruled for decades. Gaddafi's sons and Qaddafi loyalists fought on.

            Premier Giuseppe Conte spoke to reporters, and economist Marta Conti disagreed. Conti said no.

            Ana Maron of the ministry met Luc Macron. Maron left early.
            """)
        let people = Dictionary(article.entities.filter { $0.type == .person }.map { ($0.name, Set($0.aliases.map(\.text))) },
                                uniquingKeysWith: { $0.union($1) })
        #expect(people["Khalifa Hifter"] == ["Khalifa Hifter", "Hiftar"])
        #expect(people["Moammar Gadhafi"] == ["Moammar Gadhafi", "Gaddafi", "Qaddafi"])
        #expect(people["Giuseppe Conte"] == ["Giuseppe Conte"])
        #expect(people["Marta Conti"] == ["Marta Conti", "Conti"])
        #expect(people["Ana Maron"] == ["Ana Maron", "Maron"])
        #expect(people["Luc Macron"] == ["Luc Macron"])
    }

    @Test func transliterationKeyFoldsOnlyRomanisationDifferences() {
        #expect(Transliteration.key("gadhafi") == Transliteration.key("qaddafi"))
        #expect(Transliteration.key("gaddafi") == Transliteration.key("qaddafi"))
        #expect(Transliteration.key("hifter") == Transliteration.key("hiftar"))
        #expect(Transliteration.key("maron") != Transliteration.key("macron"))
        #expect(!PersonIndex.isVariant(["Conti"], of: ["Giuseppe", "Conte"]))
        #expect(PersonIndex.isVariant(["Qaddafi"], of: ["Moammar", "Gadhafi"]))
    }

    @Test func acronymInParenthesesIsTheOrganisation() throws {
        let article = try parse("""
            Eastern Forces Advance on Capital

            The Libyan National Army (LNA) advanced on Tuesday. The LNA said it held the airport.
            """)
        let army = try #require(article.entities.first { $0.name == "Libyan National Army" })
        #expect(army.type == .org)
        #expect(Set(army.aliases.map(\.text)) == ["Libyan National Army", "LNA"])
        #expect(!article.entities.contains { $0.name == "LNA" })
    }

    @Test func aTownBeforeItsCountryIsAPlace() throws {
        let article = try parse("""
            Herders Lose Cattle as Drought Spreads

            Herders in Lodwar, Kenya, lost half their cattle. Aid arrived in Kakuma on Monday, officials in Turkana County said.
            """)
        let places = Set(article.entities.filter { $0.type == .gpe }.map(\.name))
        #expect(places.isSuperset(of: ["Lodwar", "Kenya", "Turkana County"]))
        #expect(!article.entities.contains { $0.type == .person })
    }

    @Test func anAcronymDefinedInParenthesesIsItsOrganisation() throws {
        let article = try parse("""
            Mexico Votes in Midterm Elections

            The National Electoral Institute (INE) counted the ballots. The INE said turnout was high.
            """)
        let institute = try #require(article.entities.first { $0.name == "National Electoral Institute" })
        #expect(Set(institute.aliases.map(\.text)) == ["National Electoral Institute", "INE"])
        #expect(institute.mentions == 3)
        #expect(!article.entities.contains { $0.name == "INE" })
    }

    @Test func bylineNamesKeepTheirArabicArticle() throws {
        let article = try parse("""
            Iraq Pumps Record Oil From the South

            By Samir Khalil and Noor al-Rawi

            BAGHDAD (AP) — Iraq exported more oil than ever in May.
            """)
        #expect(article.byline == "Samir Khalil and Noor al-Rawi")
        #expect(article.dateline == "BAGHDAD")
        #expect(article.paragraphs == ["Iraq exported more oil than ever in May."])
    }
}
