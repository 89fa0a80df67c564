/// Recognises photo captions and reads the date and place from their closing "Place, Mon. D, YYYY." phrase.
enum CaptionParser {
    /// Photo credits and openings that only captions use.
    private static let creditMarkers = ["(ap photo", "ap photo/", "(photo:", "(photo by", "(reuters", "getty images", "photo courtesy", "(afp"]
    private static let photoOpenings = ["in this photo", "in this image", "in this file photo", "in this handout", "this photo", "this image", "photo:"]
    /// Lower-case words that may join a place name ("Rio de Janeiro").
    private static let placeParticles: Set<Substring> = ["de", "da", "do", "del", "la", "el", "al", "of"]
    /// Longer lines are never captions (AP captions run to a few hundred characters).
    static let maximumCaptionLength = 2_000
    /// How far from the end of a later caption its photo credit may start.
    private static let creditTailLength = 80
    /// A run of capitalised words longer than this before the date is a person or an event, not a place.
    private static let maximumPlaceWords = 3

    /// True for an AP archive-photo caption, which starts "FILE - " (any dash).
    static func isFileCaption(_ line: String) -> Bool {
        guard line.hasPrefix("FILE ") else { return false }
        let rest = line.dropFirst(5)
        guard let dash = rest.first, "-–—".contains(dash) else { return false }
        return rest.dropFirst().first == " "
    }

    /// Whether the paragraph right after the headline is a photo caption rather than the story's first paragraph.
    static func readsAsLeadCaption(_ line: String) -> Bool {
        // A caption is a sentence or two; scanning a huge first paragraph for credits would cost more than parsing it.
        guard line.utf8.count <= maximumCaptionLength else { return false }
        let lower = line.lowercased()
        if creditMarkers.contains(where: { lower.containsASCII($0) }) { return true }
        if photoOpenings.contains(where: { lower.hasPrefix($0) }) { return true }
        // A body paragraph can end with a date, but only a caption ends with "in Place, Mon. D, YYYY."
        guard let (_, place) = dateAndPlace(line) else { return false }
        return place != nil
    }

    /// Whether a line among the body paragraphs is a photo caption: it ends "Place, [Weekday,] Mon. D, YYYY."
    /// (or carries a photo credit). A sentence that merely mentions a date ("... expires Jan. 31, 2021.")
    /// has no place before it, and quoted speech is never a caption.
    static func readsAsLaterCaption(_ line: String) -> Bool {
        guard line.utf8.count <= maximumCaptionLength, let first = line.first, !"\"“‘'".contains(first) else { return false }
        // Runs on every paragraph, so only the end, where a credit stands, is lower-cased.
        if line.hasSuffix(")") {
            let tail = line.suffix(creditTailLength).lowercased()
            if creditMarkers.contains(where: { tail.containsASCII($0) }) { return true }
        }
        guard let (_, place) = dateAndPlace(line), place != nil else { return false }
        return datePrecededByComma(line)
    }

    /// "…, Sunday, Jan. 5, 2020." or "…, Jan. 5, 2020.": a caption sets the date off with a comma.
    private static func datePrecededByComma(_ line: String) -> Bool {
        let body = line.trimmingWhitespace()[...]
        guard let (_, start) = APDate.trailing(in: body) else { return false }
        var before = body[..<start]
        while before.last == " " { before = before.dropLast() }
        guard before.last == "," else { return false }
        before = before.dropLast()
        // A weekday may stand between the place and the date.
        let lastWord = before.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if LineClassifier.weekdays.contains(lastWord) {
            before = before.dropLast(lastWord.count)
            while before.last == " " { before = before.dropLast() }
            return before.last == ","
        }
        return true
    }

    /// Words that mark a closing parenthesis as a photo credit rather than an aside, lower-cased.
    private static let creditWords = ["photo", "ap", "reuters", "afp", "getty", "images", "courtesy", "handout", "via", "pool", "epa", "file"]
    /// Longer parentheses are asides, not credits.
    private static let maximumCreditLength = 100

    /// The photo credit closing `line` ("AP Photo/Jane Doe" of "... 2018. (AP Photo/Jane Doe)") and the text before it.
    static func splitCredit(_ line: String) -> (text: String, credit: String)? {
        guard line.hasSuffix(")"), let open = line.lastIndex(of: "(") else { return nil }
        let inside = line[line.index(after: open)..<line.index(before: line.endIndex)].trimmingWhitespace()
        guard !inside.isEmpty, inside.utf8.count <= maximumCreditLength, !inside.contains("(") else { return nil }
        let words = inside.lowercased().split { !$0.isLetter }
        guard inside.contains("/") || words.contains(where: { creditWords.contains(String($0)) }) else { return nil }
        let text = line[..<open].trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        return (text, inside)
    }

    /// A caption for `line`, with the date and place when it ends with them and the photo credit split off.
    static func caption(_ line: String, isFilePhoto: Bool) -> Caption {
        var date: CalendarDate?
        var place: String?
        let credit = splitCredit(line)
        if let (found, foundPlace) = dateAndPlace(line) {
            date = found
            place = foundPlace
        } else if isFilePhoto {
            // Older AP style: "FILE - In this Aug. 24, 2015, file photo, ...".
            let body = line.drop { $0 != " " }.dropFirst().drop { $0 != " " }.dropFirst()
            if body.hasPrefix("In this ") { date = APDate.leading(in: body.dropFirst(8))?.date }
        }
        return Caption(text: credit?.text ?? line, isFilePhoto: isFilePhoto, date: date, place: place, credit: credit?.credit)
    }

    /// The closing date and the place written right before it.
    static func dateAndPlace(_ line: String) -> (CalendarDate, String?)? {
        var body = Substring(line)
        // A photo credit can follow the date: "... Nov. 13, 2018. (AP Photo/Jane Doe)".
        if body.hasSuffix(")"), let open = body.lastIndex(of: "(") {
            body = body[..<open]
        }
        body = body.trimmingWhitespace()[...]
        guard let (date, start) = APDate.trailing(in: body) else { return nil }
        return (date, place(before: body[..<start]))
    }

    /// The trailing run of capitalised comma-separated words before the date: "shown in Amman, Jordan," → "Amman, Jordan".
    static func place(before prefix: Substring) -> String? {
        var text = prefix
        while let last = text.last, last == " " || last == "," { text = text.dropLast() }
        var words = text.split(separator: " ").map { $0.hasSuffix(",") ? $0.dropLast() : $0 }
        // "..., on Tuesday, Nov. 13, 2018." names the weekday, not a place.
        if let last = words.last, LineClassifier.weekdays.contains(last.lowercased()) {
            words.removeLast()
            if words.last == "on" { words.removeLast() }
            guard let end = words.last?.endIndex else { return nil }
            text = text[..<end]
        }
        var parts: [String] = []
        let segments = text.split(separator: ",", omittingEmptySubsequences: false)
        for (position, segment) in segments.enumerated().reversed() {
            let segmentWords = segment.split(separator: " ")
            guard !segmentWords.isEmpty else { break }
            var run = 0
            while run < segmentWords.count {
                let word = segmentWords[segmentWords.count - 1 - run]
                if isCapitalised(word) {
                    run += 1
                } else if run > 0, placeParticles.contains(word), segmentWords.count - 2 - run >= 0,
                          isCapitalised(segmentWords[segmentWords.count - 2 - run]) {
                    run += 1
                } else {
                    break
                }
            }
            guard run > 0, run <= maximumPlaceWords else { break }
            let whole = run == segmentWords.count
            if !whole {
                // The place must be introduced by a lower-case word ("in", "at"), not follow a name or a dash.
                let before = segmentWords[segmentWords.count - 1 - run]
                guard before.first?.isLowercase == true else { break }
            } else if position == 0 && !parts.isEmpty && segments.count > 1 {
                // A wholly capitalised opening segment is the caption's subject ("Italian Premier Giuseppe Conte").
                break
            }
            parts.insert(segmentWords.suffix(run).joined(separator: " "), at: 0)
            if !whole || parts.count == 3 { break }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func isCapitalised(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.isUppercase && first.properties.isAlphabetic
    }
}
