/// Turns a ``NewsDocument`` into a ``ParsedArticle``. Deterministic and free of shared state.
///
/// Create one parser and reuse it: the word lists are read from the bundle in `init`.
public struct ArticleParser: Sendable {
    /// Changes whenever the same text can parse differently; the store keeps it with each article so
    /// `newsapi reparse` knows which articles an older parser read.
    public static let version = 2

    /// Lines that are neither chrome nor a title, tolerated before giving up on finding a headline.
    private static let headlineSearchLimit = 10

    private let classifier: LineClassifier
    private let extractor: EntityExtractor

    /// Loads the bundled word lists.
    public init() {
        let gazetteer = Gazetteer()
        classifier = LineClassifier(gazetteer: gazetteer)
        extractor = EntityExtractor(gazetteer: gazetteer)
    }

    /// Reads headline, dates, byline, captions, body paragraphs and named entities from `document`.
    ///
    /// - Throws: ``IngestError/onlySiteChrome`` when every line is site chrome, ``IngestError/noHeadline``
    ///   when no other line reads as a title.
    public func parse(_ document: NewsDocument) throws(IngestError) -> ParsedArticle {
        var layout = Layout()
        var skippedBeforeHeadline = 0
        var sawContent = false
        // Lines found on the UTF-8 bytes, which avoids grapheme breaking over the whole text (LF is never
        // part of a longer character here) and the generic split of the UTF-8 view.
        let text = document.text
        let utf8 = text.utf8
        // The end of the previous line, as an index and as an offset, to step from.
        var cursor = utf8.startIndex
        var cursorOffset = 0
        for bounds in Self.lineBounds(of: text) {
            let lower = utf8.index(cursor, offsetBy: bounds.lowerBound - cursorOffset)
            let upper = utf8.index(lower, offsetBy: bounds.count)
            cursor = upper
            cursorOffset = bounds.upperBound
            let line = text[lower..<upper].trimmingWhitespace()
            guard !line.isEmpty, !classifier.isChrome(line) else { continue }
            guard let headline = layout.headline else {
                if layout.takeNearTopLine(line) {
                    sawContent = true
                    continue
                }
                if classifier.isShortChrome(line) { continue }
                sawContent = true
                if classifier.readsAsTitle(line) {
                    layout.headline = line
                    continue
                }
                skippedBeforeHeadline += 1
                if skippedBeforeHeadline > Self.headlineSearchLimit { break }
                continue
            }
            if line == headline || layout.captionTexts.contains(line) { continue }
            // "Caption. (AP Photo/Jane Doe)" repeated without its credit, or the other way round.
            if let credited = CaptionParser.splitCredit(line), layout.captionTexts.contains(credited.text) { continue }
            if CaptionParser.isFileCaption(line) {
                layout.addCaption(CaptionParser.caption(line, isFilePhoto: true), line: line)
                continue
            }
            if !layout.paragraphs.isEmpty, CaptionParser.readsAsLaterCaption(line) {
                layout.addCaption(CaptionParser.caption(line, isFilePhoto: false), line: line)
                continue
            }
            if layout.paragraphs.isEmpty {
                if layout.takeNearTopLine(line) { continue }
                if !layout.leadCaptionChecked {
                    layout.leadCaptionChecked = true
                    if CaptionParser.readsAsLeadCaption(line) {
                        let caption = CaptionParser.caption(line, isFilePhoto: false)
                        layout.leadCaptionDate = caption.date
                        layout.addCaption(caption, line: line)
                        continue
                    }
                }
            }
            layout.paragraphs.append(line)
        }
        guard let headline = layout.headline else { throw sawContent ? .noHeadline : .onlySiteChrome }
        // Some sites put the byline after the story; it is never body text.
        if let last = layout.paragraphs.last, let names = BylineParser.names(in: last) {
            layout.paragraphs.removeLast()
            if layout.byline == nil { layout.byline = names }
        }

        var dateline: String?
        if let first = layout.paragraphs.first, let (place, rest) = DatelineParser.split(first) {
            dateline = place
            layout.paragraphs[0] = rest
        }
        let entities = extractor.entities(
            headline: headline, dateline: dateline, captions: layout.captions.map(\.text), paragraphs: layout.paragraphs
        )
        return ParsedArticle(
            headline: headline,
            // Body dates are about events, not publication, so only a date line or the lead photo's date counts.
            publishedAt: layout.dateLineDate ?? layout.leadCaptionDate,
            dateline: dateline,
            byline: layout.byline,
            paragraphs: layout.paragraphs,
            captions: layout.captions,
            entities: entities,
            warnings: document.warnings
        )
    }
}

extension ArticleParser {
    /// The UTF-8 offset ranges of the non-empty lines of `text` (between LFs): what
    /// `text.utf8.split(separator: LF)` gives, as offsets.
    static func lineBounds(of text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            var bounds: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                if index > start { bounds.append(start..<index) }
                start = index + 1
            }
            return bounds
        }
    }
}

/// What the line scan has found so far.
private struct Layout {
    var headline: String?
    var dateLineDate: CalendarDate?
    var leadCaptionDate: CalendarDate?
    var byline: String?
    var captions: [Caption] = []
    var captionTexts: Set<String> = []
    var paragraphs: [String] = []
    var leadCaptionChecked = false

    /// Takes a stand-alone date, a byline or an agency credit ("Associated Press"), which only stand above the story.
    mutating func takeNearTopLine(_ line: String) -> Bool {
        if BylineParser.isAgencyCredit(line) { return true }
        if let date = LineClassifier.standaloneDate(line) {
            if dateLineDate == nil { dateLineDate = date }
            return true
        }
        if byline == nil, let names = BylineParser.names(in: line) {
            byline = names
            return true
        }
        return false
    }

    /// Keeps each caption once, however often the page repeats it, with or without its credit.
    mutating func addCaption(_ caption: Caption, line: String) {
        let isNew = !captionTexts.contains(caption.text)
        captionTexts.insert(line)
        captionTexts.insert(caption.text)
        if isNew { captions.append(caption) }
    }
}
