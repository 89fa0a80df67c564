import Testing
@testable import NewsIngest

/// Small inline documents, one layout rule each.
@Suite struct ArticleParserTests {
    let parser = ArticleParser()

    func parse(_ text: String) throws -> ParsedArticle {
        try parser.parse(NewsDocument(text: text))
    }

    @Test func bylineInCapitalsIsTitleCasedAndNotBody() throws {
        let article = try parse("""
            Storm Floods Coastal Towns in Kenya

            By ABBY SMITH and JEAN-YVES O'BRIEN

            NAIROBI — Heavy rain flooded towns on the coast on Monday.
            """)
        #expect(article.byline == "Abby Smith and Jean-Yves O'Brien")
        #expect(article.paragraphs == ["Heavy rain flooded towns on the coast on Monday."])
    }

    @Test func bylineWithThreeNamesAndAgency() {
        #expect(BylineParser.names(in: "By ABBY SMITH, LEE PARK and Maria de la Cruz, Associated Press") == "Abby Smith, Lee Park and Maria de la Cruz")
        #expect(BylineParser.names(in: "By Tuesday the talks had collapsed.") == nil)
        #expect(BylineParser.names(in: "Byron Smith wins the race") == nil)
    }

    @Test(arguments: [
        ("NAIROBI — Kenya's president said on Monday that talks would resume.", "NAIROBI", "Kenya's president said on Monday that talks would resume."),
        ("SANTIAGO, Chile — Thousands marched through the capital.", "SANTIAGO, Chile", "Thousands marched through the capital."),
        ("WASHINGTON (AP) — The Senate voted late Tuesday.", "WASHINGTON", "The Senate voted late Tuesday."),
        ("GENEVA - The World Health Organization warned of a new outbreak.", "GENEVA", "The World Health Organization warned of a new outbreak."),
        ("RIO DE JANEIRO, Brazil -- Police cleared the square.", "RIO DE JANEIRO, Brazil", "Police cleared the square."),
    ])
    func datelineIsMovedOutOfTheFirstParagraph(paragraph: String, place: String, rest: String) throws {
        let article = try parse("Talks Resume After Weeks of Deadlock\n\n\(paragraph)\n\nA second paragraph follows.")
        #expect(article.dateline == place)
        #expect(article.paragraphs == [rest, "A second paragraph follows."])
    }

    @Test func noDatelineInOrdinaryProse() throws {
        let article = try parse("Talks Resume After Weeks of Deadlock\n\nThe talks - long stalled - resumed on Monday.")
        #expect(article.dateline == nil)
        #expect(article.paragraphs == ["The talks - long stalled - resumed on Monday."])
        #expect(DatelineParser.split("UN — the body met again.") == nil)
    }

    @Test func captionRepeatedNonConsecutivelyIsKeptOnce() throws {
        let caption = "FILE - Protesters gather outside parliament in Nairobi, Kenya, Sept. 5, 2019."
        let lead = "A man rides past a flooded field in Mombasa, Jan. 2, 2020."
        let article = try parse("""
            Floods Hit Kenya's Coast Again

            \(lead)

            Rain fell for a third day.

            \(caption)

            Officials urged calm.

            \(caption)

            \(lead)

            Schools were closed.
            """)
        #expect(article.captions.map(\.text) == [lead, caption])
        #expect(article.paragraphs == ["Rain fell for a third day.", "Officials urged calm.", "Schools were closed."])
        #expect(article.captions[1].date == CalendarDate(year: 2019, month: 9, day: 5))
        #expect(article.captions[1].place == "Nairobi, Kenya")
        #expect(article.captions[0].place == "Mombasa")
        #expect(article.publishedAt == CalendarDate(year: 2020, month: 1, day: 2))
    }

    @Test func bodyDateIsNotThePublicationDay() throws {
        let article = try parse("""
            Oil Producers Extend Output Deal

            Ministers agreed on Monday to keep output steady, and the deal expires Jan. 31, 2021.
            """)
        #expect(article.publishedAt == nil)
        #expect(article.captions.isEmpty)
        #expect(article.paragraphs.count == 1)
    }

    @Test func explicitDateLineWinsOverCaptionDate() throws {
        let article = try parse("""
            Accessibility links
            Published Nov. 14, 2018
            Italy Brings Together Libya Rivals

            Leaders pose for a photo in Palermo, Nov. 13, 2018.

            Italy's premier hosted a meeting.
            """)
        #expect(article.publishedAt == CalendarDate(year: 2018, month: 11, day: 14))
        #expect(article.captions.first?.date == CalendarDate(year: 2018, month: 11, day: 13))
        #expect(article.paragraphs == ["Italy's premier hosted a meeting."])
    }

    @Test(arguments: [
        ("November 14, 2018", CalendarDate(year: 2018, month: 11, day: 14)),
        ("2018-11-14", CalendarDate(year: 2018, month: 11, day: 14)),
        ("Updated: 2018-11-14T09:30:00Z", CalendarDate(year: 2018, month: 11, day: 14)),
        ("Wednesday, 14 November 2018", CalendarDate(year: 2018, month: 11, day: 14)),
        ("Published Sept. 3, 2019 10:32 AM EST", CalendarDate(year: 2019, month: 9, day: 3)),
        ("Feb. 30, 2019", nil),
        ("The deal expires Jan. 31, 2021", nil),
    ])
    func standaloneDateLines(line: String, expected: CalendarDate?) {
        #expect(LineClassifier.standaloneDate(line) == expected)
    }

    @Test func headlineWithColonAndHyphenIsKeptWhole() throws {
        let headline = "Exclusive: Libya's U.N.-backed Leader Says Talks - Not War - Are the Only Way"
        let article = try parse("Breaking News\n\n\(headline)\n\nThe leader spoke on Tuesday.")
        #expect(article.headline == headline)
        #expect(article.paragraphs == ["The leader spoke on Tuesday."])
    }

    @Test func chromeIsRemovedWhereverItStands() throws {
        let article = try parse("""
            Skip to main content
            Menu
            Pope Visits Chile Amid Protests
            SHARE
            The pope arrived on Monday.
            Advertisement
            Crowds lined the streets.
            Related:
            Most Popular
            """)
        #expect(article.headline == "Pope Visits Chile Amid Protests")
        #expect(article.paragraphs == ["The pope arrived on Monday.", "Crowds lined the streets."])
    }

    @Test func chromeOnlyDocumentIsRejectedAsSuch() throws {
        #expect(throws: IngestError.onlySiteChrome) {
            try parse("Accessibility links\n\nBreaking News\n\nSkip to main content\n\nShare\n\nFollow us")
        }
        #expect(throws: IngestError.onlySiteChrome) {
            try parse("Home\nWorld\nAdvertisement")
        }
    }

    @Test func proseWithoutATitleHasNoHeadline() throws {
        #expect(throws: IngestError.noHeadline) {
            try parse("Share\n\nit rained all day, and nobody came out to watch the parade that had been planned for weeks.")
        }
    }

    @Test func sentenceInitialWordsAndWeekdaysAreNotEntities() throws {
        let article = try parse("""
            Rivals Meet in Rome

            However, Prime Minister Boris Vance met President Ana Ruiz in Rome on Tuesday. Neither spoke.

            Vance later flew to Berlin. Ruiz said the meeting with Vance went well.
            """)
        let found = Dictionary(uniqueKeysWithValues: article.entities.map { ($0.name, $0) })
        #expect(found["Boris Vance"]?.type == .person)
        #expect(found["Boris Vance"]?.mentions == 3)
        #expect(found["Ana Ruiz"]?.mentions == 2)
        #expect(found["Rome"]?.type == .gpe)
        #expect(found["Rome"]?.mentions == 2)
        #expect(found["Berlin"]?.type == .gpe)
        for junk in ["However", "Neither", "Tuesday", "Prime Minister", "President", "Vance", "Ruiz"] {
            #expect(found[junk] == nil, "junk entity \(junk)")
        }
    }

    @Test func shortSurnamesOneEditApartDoNotMerge() throws {
        let article = try parse("""
            Ministers Clash Over Budget

            Premier Giuseppe Conte rejected the plan drafted by Finance Minister Paolo Conti.

            Conte said the plan was unfair, and Conti disagreed.
            """)
        let people = Dictionary(uniqueKeysWithValues: article.entities.filter { $0.type == .person }.map { ($0.name, $0.mentions) })
        #expect(people == ["Giuseppe Conte": 2, "Paolo Conti": 2])
    }

    @Test func transliteratedSurnameMergesOnlyWithOneCandidate() throws {
        let article = try parse("""
            Commander Rejects Talks

            Gen. Khalifa Hifter said he would not attend. Hiftar's forces moved south.
            """)
        let people = article.entities.filter { $0.type == .person }
        #expect(people.map(\.name) == ["Khalifa Hifter"])
        #expect(people.first?.mentions == 2)
    }

    @Test func abbreviationsMapToOneOrganisation() throws {
        let article = try parse("""
            Envoy Presses for Vote

            The U.N. envoy met European Union officials. The UN-backed plan needs U.N. Security Council support.
            """)
        let found = Dictionary(uniqueKeysWithValues: article.entities.map { ("\($0.type.rawValue)/\($0.name)", $0.mentions) })
        #expect(found["ORG/United Nations"] == 2)
        #expect(found["ORG/European Union"] == 1)
        #expect(found["ORG/United Nations Security Council"] == 1)
        #expect(found["ORG/UN"] == nil)
    }
}

@Suite("Location names")
struct LocationNameTests {
    @Test func lakesAndRiversAreLocations() throws {
        let text = """
        Herders Move South as Lake Turkana Shrinks

        Officials said water points along Lake Turkana had dried up and the Tana River was low, while the Lake Chad Basin Commission met in Niamey.
        """
        let article = try ArticleParser().parse(try NewsDocument(text: text))
        let types = Dictionary(article.entities.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        #expect(types["Lake Turkana"] == .loc)
        #expect(types["Tana River"] == .loc)
        #expect(types["Lake Chad Basin Commission"] == .org)
    }
}
