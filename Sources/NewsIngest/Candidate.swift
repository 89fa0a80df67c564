/// What one name run was read as, before the document-wide pass decides who is who.
enum Reading: Sendable {
    /// A gazetteer or alias hit, or an organisation by its head word.
    case entity(Gazetteer.Entry)
    /// A person's name as written, without title ("Giuseppe Conte", or "Hifter" after "Gen.").
    case person([String])
    /// A lone capitalised word that is a name only if it is a person's short form ("Conte", "Hiftar"),
    /// or a person outright when a lower-case title stands before it ("dictator Gadhafi").
    case unresolved(String, followsTitle: Bool)
    /// A lone capitalised word after "in", "near" and the like ("in Lodwar"): a place, unless it is a
    /// person's short form ("in Conte's view" after "Giuseppe Conte").
    case place(String)
    /// Words that name a person only as the end of a fuller name in the document ("Le Goff").
    case shortForm([String])
}

/// A reading and where it stands.
struct Candidate: Sendable {
    let reading: Reading
    let span: MentionSpan
}

/// Collects the candidates of one text (the headline, the dateline, a caption or a paragraph),
/// turning token ranges into ``MentionSpan``s of that text.
struct CandidateSink {
    let text: String
    let section: MentionSpan.Section
    let index: Int?
    private(set) var candidates: [Candidate] = []

    init(text: String, section: MentionSpan.Section, index: Int?) {
        self.text = text
        self.section = section
        self.index = index
    }

    /// Records `reading` as covering `tokens` (all from this sink's text), optionally introduced by `role`.
    mutating func add(_ reading: Reading, _ tokens: ArraySlice<Token>, role: String? = nil) {
        guard let first = tokens.first, let last = tokens.last else { return }
        add(reading, start: first.start, end: last.end, role: role)
    }

    /// Records `reading` as covering UTF-16 offsets `start..<end` of this sink's text.
    mutating func add(_ reading: Reading, start: Int, end: Int, role: String? = nil) {
        let units = text.utf16
        guard start >= 0, start < end, end <= units.count else { return }
        let lower = units.index(units.startIndex, offsetBy: start)
        let upper = units.index(lower, offsetBy: end - start)
        let span = MentionSpan(section: section, index: index, start: start, end: end, text: String(text[lower..<upper]), role: role)
        candidates.append(Candidate(reading: reading, span: span))
    }

    /// Acronyms this text defines: "National Electoral Institute (INE)" makes "INE" stand for that
    /// organisation wherever the document uses it, whether or not its letters are the name's initials.
    func acronymDefinitions() -> [String: Gazetteer.Entry] {
        var definitions: [String: Gazetteer.Entry] = [:]
        // The UTF-16 copy only for a text with an acronym right after an organisation, which few have.
        var utf16: [UInt16]?
        for (previous, candidate) in zip(candidates, candidates.dropFirst()) {
            guard case .entity(let acronym) = candidate.reading, acronym.type == .org,
                  case .entity(let organisation) = previous.reading, organisation.type == .org,
                  previous.span.end + 2 == candidate.span.start, !acronym.name.containsASCII(" "), organisation.name.containsASCII(" ")
            else { continue }
            let units = utf16 ?? Array(text.utf16)
            utf16 = units
            guard candidate.span.end < units.count,
                  units[previous.span.end..<candidate.span.start].elementsEqual(" (".utf16),
                  units[candidate.span.end] == UInt16(UInt8(ascii: ")")) else { continue }
            definitions[acronym.name] = organisation
        }
        return definitions
    }
}
