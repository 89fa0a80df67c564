/// AP-style date phrases: "Nov. 13, 2018", "Sept. 3, 2019", "March 5, 2020".
///
/// Hand-written scanning over `Substring` indices: these run on every caption and near-top line, so
/// no regular expressions.
enum APDate {
    /// Month number for an AP abbreviation or full month name, with or without a trailing period.
    static func month(named word: Substring) -> Int? {
        let bare = word.hasSuffix(".") ? word.dropLast() : word
        switch bare.lowercased() {
        case "jan", "january": return 1
        case "feb", "february": return 2
        case "mar", "march": return 3
        case "apr", "april": return 4
        case "may": return 5
        case "jun", "june": return 6
        case "jul", "july": return 7
        case "aug", "august": return 8
        case "sep", "sept", "september": return 9
        case "oct", "october": return 10
        case "nov", "november": return 11
        case "dec", "december": return 12
        default: return nil
        }
    }

    /// A "Month D, YYYY" phrase closing `text` (trailing periods and spaces ignored), and where it starts.
    static func trailing(in text: Substring) -> (date: CalendarDate, start: Substring.Index)? {
        let start = text.startIndex
        var end = text.endIndex
        while end > start, [".", " "].contains(text[text.index(before: end)]) { end = text.index(before: end) }
        let yearStart = digitsBackward(in: text, from: end, limit: start)
        guard text.distance(from: yearStart, to: end) == 4, let year = Int(text[yearStart..<end]) else { return nil }
        var cursor = skipSpacesBackward(in: text, from: yearStart, limit: start)
        guard cursor > start, text[text.index(before: cursor)] == "," else { return nil }
        cursor = skipSpacesBackward(in: text, from: text.index(before: cursor), limit: start)
        let dayStart = digitsBackward(in: text, from: cursor, limit: start)
        guard (1...2).contains(text.distance(from: dayStart, to: cursor)), let day = Int(text[dayStart..<cursor]) else { return nil }
        let monthEnd = skipSpacesBackward(in: text, from: dayStart, limit: start)
        guard monthEnd < dayStart else { return nil }
        var monthStart = monthEnd
        if monthStart > start, text[text.index(before: monthStart)] == "." { monthStart = text.index(before: monthStart) }
        while monthStart > start, text[text.index(before: monthStart)].isLetter { monthStart = text.index(before: monthStart) }
        guard let month = month(named: text[monthStart..<monthEnd]),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return (date, monthStart)
    }

    /// A "Month D, YYYY" phrase opening `text`, and the index just past its year.
    static func leading(in text: Substring) -> (date: CalendarDate, end: Substring.Index)? {
        var cursor = text.startIndex
        while cursor < text.endIndex, text[cursor].isLetter { cursor = text.index(after: cursor) }
        if cursor < text.endIndex, text[cursor] == "." { cursor = text.index(after: cursor) }
        guard let month = month(named: text[text.startIndex..<cursor]) else { return nil }
        let afterMonth = skipSpacesForward(in: text, from: cursor)
        guard afterMonth > cursor else { return nil }
        let dayEnd = digitsForward(in: text, from: afterMonth)
        guard (1...2).contains(text.distance(from: afterMonth, to: dayEnd)), let day = Int(text[afterMonth..<dayEnd]),
              dayEnd < text.endIndex, text[dayEnd] == "," else { return nil }
        let yearStart = skipSpacesForward(in: text, from: text.index(after: dayEnd))
        let yearEnd = digitsForward(in: text, from: yearStart)
        guard text.distance(from: yearStart, to: yearEnd) == 4, let year = Int(text[yearStart..<yearEnd]),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return (date, yearEnd)
    }

    /// A British-order "D Month YYYY" phrase opening `text` ("14 November 2018"), and the index past its year.
    static func leadingDayFirst(in text: Substring) -> (date: CalendarDate, end: Substring.Index)? {
        let dayEnd = digitsForward(in: text, from: text.startIndex)
        guard (1...2).contains(text.distance(from: text.startIndex, to: dayEnd)),
              let day = Int(text[text.startIndex..<dayEnd]) else { return nil }
        let monthStart = skipSpacesForward(in: text, from: dayEnd)
        guard monthStart > dayEnd else { return nil }
        var monthEnd = monthStart
        while monthEnd < text.endIndex, text[monthEnd].isLetter { monthEnd = text.index(after: monthEnd) }
        if monthEnd < text.endIndex, text[monthEnd] == "." { monthEnd = text.index(after: monthEnd) }
        guard let month = month(named: text[monthStart..<monthEnd]) else { return nil }
        var yearStart = monthEnd
        if yearStart < text.endIndex, text[yearStart] == "," { yearStart = text.index(after: yearStart) }
        let spaced = skipSpacesForward(in: text, from: yearStart)
        guard spaced > yearStart else { return nil }
        let yearEnd = digitsForward(in: text, from: spaced)
        guard text.distance(from: spaced, to: yearEnd) == 4, let year = Int(text[spaced..<yearEnd]),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return (date, yearEnd)
    }

    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii)
    }

    private static func digitsBackward(in text: Substring, from end: Substring.Index, limit: Substring.Index) -> Substring.Index {
        var cursor = end
        // Five digits at most: enough to reject a longer number without scanning it all.
        var count = 0
        while cursor > limit, count < 5, isDigit(text[text.index(before: cursor)]) {
            cursor = text.index(before: cursor)
            count += 1
        }
        return cursor
    }

    private static func digitsForward(in text: Substring, from start: Substring.Index) -> Substring.Index {
        var cursor = start
        var count = 0
        while cursor < text.endIndex, count < 5, isDigit(text[cursor]) {
            cursor = text.index(after: cursor)
            count += 1
        }
        return cursor
    }

    private static func skipSpacesBackward(in text: Substring, from end: Substring.Index, limit: Substring.Index) -> Substring.Index {
        var cursor = end
        while cursor > limit, text[text.index(before: cursor)] == " " { cursor = text.index(before: cursor) }
        return cursor
    }

    private static func skipSpacesForward(in text: Substring, from start: Substring.Index) -> Substring.Index {
        var cursor = start
        while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
        return cursor
    }
}
