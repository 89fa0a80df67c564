import Testing
@testable import NewsIngest

@Suite struct CaptionParserTests {
    @Test(arguments: [
        ("Jan.", 1), ("Feb", 2), ("March", 3), ("April", 4), ("May", 5), ("June", 6), ("July", 7),
        ("Aug.", 8), ("Sept.", 9), ("Sep.", 9), ("Sept", 9), ("Oct.", 10), ("Nov.", 11), ("Dec", 12), ("December", 12),
    ])
    func monthNames(word: String, month: Int) {
        #expect(APDate.month(named: word[...]) == month)
    }

    @Test func unknownMonthWords() {
        #expect(APDate.month(named: "Mon.") == nil)
        #expect(APDate.month(named: "Septem") == nil)
    }

    @Test func septemberCaptionDateAndPlace() throws {
        let caption = CaptionParser.caption("Workers clear debris in San Juan, Puerto Rico, Sept. 22, 2017.", isFilePhoto: false)
        #expect(caption.date == CalendarDate(year: 2017, month: 9, day: 22))
        #expect(caption.place == "San Juan, Puerto Rico")
    }

    @Test func weekdayAndCreditAreNotPartOfThePlace() {
        let caption = CaptionParser.caption(
            "Fans cheer in Palermo, Italy, on Tuesday, Nov. 13, 2018. (AP Photo/Jane Doe)", isFilePhoto: false)
        #expect(caption.date == CalendarDate(year: 2018, month: 11, day: 13))
        #expect(caption.place == "Palermo, Italy")
    }

    @Test func captionSubjectIsNotThePlace() {
        let caption = CaptionParser.caption("Italian Premier Giuseppe Conte, Palermo, Nov. 13, 2018.", isFilePhoto: false)
        #expect(caption.place == "Palermo")
        let file = CaptionParser.caption("FILE - Gen. Khalifa Hifter, Amman, Jordan, Aug. 24, 2015.", isFilePhoto: true)
        #expect(file.place == "Amman, Jordan")
    }

    @Test func olderFilePhotoStyleGivesTheDateOnly() {
        let caption = CaptionParser.caption("FILE - In this Aug. 24, 2015, file photo, Gen. Khalifa Hifter speaks.", isFilePhoto: true)
        #expect(caption.date == CalendarDate(year: 2015, month: 8, day: 24))
        #expect(caption.place == nil)
    }

    @Test func impossibleCaptionDateIsIgnored() {
        let caption = CaptionParser.caption("Fans cheer in Rome, Feb. 30, 2019.", isFilePhoto: false)
        #expect(caption.date == nil)
        #expect(caption.place == nil)
    }

    @Test func fileCaptionPrefix() {
        #expect(CaptionParser.isFileCaption("FILE - A man walks."))
        #expect(CaptionParser.isFileCaption("FILE — A man walks."))
        #expect(!CaptionParser.isFileCaption("FILED - A man walks."))
        #expect(!CaptionParser.isFileCaption("File - a man walks."))
    }

    @Test func leadCaptionRules() {
        #expect(CaptionParser.readsAsLeadCaption("Leaders pose for a family photo in Palermo, Nov. 13, 2018."))
        #expect(CaptionParser.readsAsLeadCaption("In this photo provided by the army, troops march."))
        #expect(CaptionParser.readsAsLeadCaption("Troops march. (AP Photo/Jane Doe)"))
        // A date closing a sentence is not a caption unless a place stands before it.
        #expect(!CaptionParser.readsAsLeadCaption("The deal expires Jan. 31, 2021."))
        #expect(!CaptionParser.readsAsLeadCaption("Italy's premier hosted a meeting Tuesday of Libya's rival leaders."))
    }
}
