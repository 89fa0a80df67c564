import Testing
@testable import NewsIngest

/// Layout and entity defects found by a tester, each on a small inline document.
@Suite struct ParsingQualityTests {
    let parser = ArticleParser()

    func parse(_ text: String) throws -> ParsedArticle {
        try parser.parse(NewsDocument(text: text))
    }

    func entities(_ article: ParsedArticle) -> [String: NamedEntity] {
        Dictionary(article.entities.map { ("\($0.type.rawValue)/\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func captionAfterTheFirstParagraphIsACaption() throws {
        let caption = "A Yemeni man inspects the damage at a market in Saada, Yemen, Sunday, Jan. 5, 2020."
        let article = try parse("""
            Airstrike Hits Market in Northern Yemen

            SANAA, Yemen — An airstrike hit a crowded market on Sunday.

            \(caption)

            Officials said the toll was rising.

            The deal expires in Geneva on Jan. 31, 2021, officials said.
            """)
        #expect(article.captions.map(\.text) == [caption])
        #expect(article.captions.first?.place == "Saada, Yemen")
        #expect(article.captions.first?.date == CalendarDate(year: 2020, month: 1, day: 5))
        #expect(article.paragraphs == [
            "An airstrike hit a crowded market on Sunday.", "Officials said the toll was rising.",
            "The deal expires in Geneva on Jan. 31, 2021, officials said.",
        ])
    }

    @Test func agencyLineBetweenBylineAndDatelineIsNotBody() throws {
        let article = try parse("""
            Rebels Claim Attack on Red Sea Tanker

            By AHMED AL-HAJ
            Associated Press

            SANAA, Yemen — Yemen's rebels claimed an attack on a tanker.
            """)
        #expect(article.byline == "Ahmed al-Haj")
        #expect(article.dateline == "SANAA, Yemen")
        #expect(article.paragraphs == ["Yemen's rebels claimed an attack on a tanker."])
        let found = entities(article)
        #expect(found["GPE/Sanaa"] != nil)
        #expect(found["ORG/SANAA"] == nil)
        #expect(!article.entities.contains { $0.name == "Associated Press" })
    }

    @Test func bylineAtTheEndIsTheByline() throws {
        let article = try parse("""
            Chile Votes on New Constitution

            SANTIAGO, Chile — Chileans voted on Sunday on a new constitution.

            Turnout was high.

            By EVA VERGARA and PETER PRENGAMAN
            """)
        #expect(article.byline == "Eva Vergara and Peter Prengaman")
        #expect(article.paragraphs == ["Chileans voted on Sunday on a new constitution.", "Turnout was high."])
        let names = Set(article.entities.map(\.name))
        for junk in ["EVA", "PETER", "EVA VERGARA", "PETER PRENGAMAN"] { #expect(!names.contains(junk)) }
    }

    @Test func titlesAreNotPartOfNames() throws {
        let article = try parse("""
            Lawmakers Reach Deal on Spending

            Senate Majority Leader Chuck Schumer and House Speaker Kevin McCarthy met on Monday.

            New York Gov. Kathy Hochul said the deal helped N.Y. residents. Schumer agreed.
            """)
        let found = entities(article)
        #expect(found["PERSON/Chuck Schumer"]?.mentions == 2)
        #expect(found["PERSON/Kevin McCarthy"]?.mentions == 1)
        #expect(found["PERSON/Kathy Hochul"]?.mentions == 1)
        #expect(found["GPE/New York"]?.mentions == 2)
        for name in article.entities.map(\.name) {
            #expect(!name.contains("Leader") && !name.contains("Speaker") && !name.contains("Gov."), "role text in \(name)")
        }
    }

    @Test func multiWordPlaceNamesWinOverTheirParts() throws {
        let article = try parse("""
            Fishermen Return to Lake Chad

            Envoys from the United Arab Emirates visited the shore.
            """)
        let found = entities(article)
        #expect(found["GPE/United Arab Emirates"]?.mentions == 1)
        #expect(found["NORP/Arab"] == nil)
        #expect(found["LOC/Lake Chad"]?.mentions == 1)
        #expect(found["GPE/Chad"] == nil)
    }

    @Test func datelineWithStateAbbreviation() throws {
        let article = try parse("""
            Storms Knock Out Power Across Illinois

            SPRINGFIELD, Ill. — Storms knocked out power to thousands of homes.
            """)
        #expect(article.dateline == "SPRINGFIELD, Ill.")
        #expect(article.paragraphs == ["Storms knocked out power to thousands of homes."])
        let found = entities(article)
        #expect(found["GPE/Springfield"]?.mentions == 1)
        #expect(found["GPE/Illinois"] != nil)
    }

    @Test func urlAndCopyrightLinesAreChrome() throws {
        let article = try parse("""
            Truce Holds in Northern Yemen

            The truce held for a third day.

            Follow AP's coverage at https://apnews.com/hub/yemen
            More at www.example.com/world/yemen-truce
            Copyright 2024 The Associated Press. All rights reserved.
            """)
        #expect(article.paragraphs == ["The truce held for a third day."])
    }

    @Test func arabicArticlesStayLowerCaseInBylines() {
        #expect(BylineParser.names(in: "By AHMED AL-HAJ") == "Ahmed al-Haj")
        #expect(BylineParser.names(in: "By SAMY MAGDY and MAGGIE HYDE") == "Samy Magdy and Maggie Hyde")
        #expect(BylineParser.names(in: "By AL-AMIN AHMED") == "Al-Amin Ahmed")
    }

    @Test func placesAndFacilitiesAreNotPeople() throws {
        let article = try parse("""
            Protesters Gather Outside Presidential Palace

            Crowds gathered outside La Moneda on Monday, and pilgrims filled St. Mark's Square in Venice.

            Data from the Armed Conflict Location & Event Data Project showed a rise in protests.
            """)
        let found = entities(article)
        let people = article.entities.filter { $0.type == .person }.map(\.name)
        #expect(people.isEmpty, "unexpected people \(people)")
        #expect(found["ORG/Armed Conflict Location & Event Data Project"]?.mentions == 1)
        #expect(found["GPE/Venice"] != nil)
    }

    @Test func knownPlaceEndsATitledPersonName() throws {
        let article = try parse("""
            Leaders Meet for Trade Talks

            The deal was welcomed, said President John Smith London officials.

            Later Prime Minister Ana Ruiz Paris Berlin envoys and Gov. Mary Jones Albany staff joined.
            """)
        let found = entities(article)
        let people = Set(article.entities.filter { $0.type == .person }.map(\.name))
        #expect(people == ["John Smith", "Ana Ruiz", "Mary Jones"], "people \(people)")
        #expect(found["GPE/London"]?.mentions == 1)
        #expect(found["GPE/Paris"]?.mentions == 1)
        #expect(found["GPE/Berlin"]?.mentions == 1)
        #expect(found["GPE/Albany"]?.mentions == 1)
    }

    @Test func namesContainingPlaceWordsStayWhole() throws {
        let article = try parse("""
            Markets Steady After Rate Decision

            The Bank of England held rates. New York Gov. Kathy Hochul welcomed it.

            French Foreign Minister Jean-Yves Le Drian and President George Washington were cited.
            """)
        let found = entities(article)
        #expect(found["ORG/Bank of England"]?.mentions == 1)
        #expect(found["GPE/England"] == nil)
        #expect(found["GPE/New York"]?.mentions == 1)
        #expect(found["PERSON/Kathy Hochul"]?.mentions == 1)
        #expect(found["PERSON/Jean-Yves Le Drian"]?.mentions == 1)
        #expect(found["PERSON/George Washington"]?.mentions == 1)
    }

    @Test func peopleNamedLikeCitiesStayPeople() throws {
        let article = try parse("""
            Fans Gather to Remember a Pop Star

            Fans gathered on Monday to remember Michael Jackson, and Austin Rivers spoke with Charlotte Brown about the singer.

            Michael Jackson was born in 1958.
            """)
        let found = entities(article)
        #expect(found["PERSON/Michael Jackson"]?.mentions == 2)
        #expect(found["PERSON/Austin Rivers"]?.mentions == 1)
        #expect(found["PERSON/Charlotte Brown"]?.mentions == 1)
        #expect(!article.entities.contains { $0.type == .gpe })
    }
}
