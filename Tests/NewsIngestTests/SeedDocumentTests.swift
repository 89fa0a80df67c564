import Foundation
import Testing
@testable import NewsIngest

/// The real seed document from `seeds/`, parsed end to end.
@Suite struct SeedDocumentTests {
    static let parser = ArticleParser()

    static func seedArticle() throws -> ParsedArticle {
        // Tests/NewsIngestTests/<file> → repository root is three levels up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("seeds/000_30ef00eb747dd457.txt"))
        return try parser.parse(NewsDocument(bytes: data))
    }

    @Test func headlineAndPublicationDay() throws {
        let article = try Self.seedArticle()
        #expect(article.headline == "Italy Brings Together Libya Rivals on Conference Sidelines")
        #expect(article.publishedAt == CalendarDate(year: 2018, month: 11, day: 13))
        #expect(article.dateline == nil)
        #expect(article.byline == nil)
    }

    @Test func captions() throws {
        let article = try Self.seedArticle()
        try #require(article.captions.count == 2)
        let lead = article.captions[0]
        #expect(lead.text.hasPrefix("Italian Premier Giuseppe Conte, center, is flanked by Fayez Serraj"))
        #expect(!lead.isFilePhoto)
        #expect(lead.date == CalendarDate(year: 2018, month: 11, day: 13))
        #expect(lead.place == "Palermo")
        let file = article.captions[1]
        #expect(file.text.hasPrefix("FILE - Gen. Khalifa Hifter"))
        #expect(file.isFilePhoto)
        #expect(file.date == CalendarDate(year: 2015, month: 8, day: 24))
        #expect(file.place == "Amman, Jordan")
    }

    @Test func bodyParagraphs() throws {
        let article = try Self.seedArticle()
        #expect(article.paragraphs.count == 10)
        #expect(article.paragraphs.first?.hasPrefix("Italy's premier hosted") == true)
        #expect(article.paragraphs.last?.hasPrefix("Italy's anti-migrant government") == true)
        let captionTexts = Set(article.captions.map(\.text))
        for paragraph in article.paragraphs {
            #expect(!captionTexts.contains(paragraph))
            #expect(!paragraph.contains("Accessibility links"))
            #expect(!paragraph.contains("Breaking News"))
            #expect(paragraph != article.headline)
        }
    }

    @Test func entities() throws {
        let article = try Self.seedArticle()
        func names(_ type: EntityType) -> Set<String> {
            Set(article.entities.filter { $0.type == type }.map(\.name))
        }
        #expect(names(.person).isSuperset(of: [
            "Giuseppe Conte", "Fayez Serraj", "Khalifa Hifter", "Jean-Yves Le Drian", "Dmitry Medvedev",
            "Abdel-Fattah el-Sissi", "Ahmed al-Mesmari", "Moammar Gadhafi", "Ghassam Salame",
        ]))
        #expect(names(.gpe).isSuperset(of: ["Libya", "Italy", "Tripoli", "Palermo", "Amman", "Jordan", "Qatar"]))
        #expect(names(.org).isSuperset(of: ["United Nations", "Libyan National Army"]))
        #expect(names(.norp).isSuperset(of: ["Italian", "Libyan", "Russian", "French", "Egyptian"]))
        #expect(names(.loc).contains("Europe"))

        let allNames = Set(article.entities.map(\.name))
        for junk in ["Photos", "However", "Neither", "FILE", "Other", "Tuesday", "Gen", "Gen.", "The", "But", "It", "A", "Premier", "Hiftar", "Conte", "U.N.", "UN"] {
            #expect(!allNames.contains(junk), "junk entity \(junk)")
        }
        // Each entity once; sorted by mentions, then name.
        #expect(Set(article.entities.map { "\($0.type)/\($0.name)" }).count == article.entities.count)
        #expect(article.entities == article.entities.sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) })
    }

    @Test func personShortFormsAndVariantsCountAsMentions() throws {
        let article = try Self.seedArticle()
        func mentions(_ name: String) -> Int? { article.entities.first { $0.name == name }?.mentions }
        // Caption, "Premier Giuseppe Conte", "with Conte".
        #expect(mentions("Giuseppe Conte") == 3)
        // "Gen. Khalifa Hifter" twice (paragraph, file caption once), "Hifter", four "Hiftar".
        #expect(mentions("Khalifa Hifter") == 7)
        #expect(mentions("Abdel-Fattah el-Sissi") == 2)
        #expect(mentions("United Nations") == 4)
    }
}
