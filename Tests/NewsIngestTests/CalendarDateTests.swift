import Foundation
import Testing
@testable import NewsIngest

@Suite struct CalendarDateTests {
    @Test func leapDays() {
        #expect(CalendarDate(year: 2016, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2018, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test func invalidTriples() {
        #expect(CalendarDate(year: 2018, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2018, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2018, month: 1, day: 0) == nil)
    }

    @Test func iso8601RoundTrip() throws {
        let date = try #require(CalendarDate(iso8601: "2018-11-13"))
        #expect(date == CalendarDate(year: 2018, month: 11, day: 13))
        #expect(date.description == "2018-11-13")
        #expect(CalendarDate(iso8601: "2018-1-13") == nil)
        #expect(CalendarDate(iso8601: "2019-02-29") == nil)
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2018-11-13\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
    }

    @Test func ordering() throws {
        let earlier = try #require(CalendarDate(year: 2015, month: 8, day: 24))
        let later = try #require(CalendarDate(year: 2018, month: 11, day: 13))
        #expect(earlier < later)
    }
}
