/// Finds named entities with gazetteers and capitalisation, no statistical model.
///
/// Reads each capitalised run into ``Candidate``s, then lets ``EntityTally`` resolve short forms and
/// spelling variants of people across the whole document.
struct EntityExtractor: Sendable {
    let gazetteer: Gazetteer
    let runBuilder: NameRunBuilder
    /// The longest headline phrase looked up as one name.
    private static let longestHeadlinePhrase = 4
    /// Longer capitalised runs are headline-style or shouted text, not one name: their words are read one
    /// by one. The bound also keeps the work per run, and the recursion depth, constant.
    static let longestNameRun = 12

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        runBuilder = NameRunBuilder(gazetteer: gazetteer)
    }

    /// Entities of the headline, the dateline place, the captions and the paragraphs, most mentioned first,
    /// each with the spans of its mentions.
    func entities(headline: String, dateline: String?, captions: [String], paragraphs: [String]) -> [NamedEntity] {
        var candidates: [Candidate] = []
        var acronyms: [String: Gazetteer.Entry] = [:]
        let bodies = captions.enumerated().map { ($1, MentionSpan.Section.caption, $0) }
            + paragraphs.enumerated().map { ($1, MentionSpan.Section.paragraph, $0) }
        for (text, section, index) in bodies {
            var out = CandidateSink(text: text, section: section, index: index)
            let runs = runBuilder.runs(in: Tokenizer.tokens(in: text))
            for (position, run) in runs.enumerated() {
                let next = position + 1 < runs.count ? runs[position + 1] : nil
                if let place = placeBeforeRegion(run, next: next, in: text) {
                    out.add(.entity(place), run.tokens[...])
                    continue
                }
                let afterPreposition = run.precedingWord.map { Self.placePrepositions.contains($0.lowercased()) } ?? false
                read(run.tokens[...], title: run.personTitle, afterPreposition: afterPreposition, into: &out)
            }
            candidates += out.candidates
            acronyms.merge(out.acronymDefinitions()) { first, _ in first }
        }
        // Headlines capitalise every word, so only known names count there.
        var headlineSink = CandidateSink(text: headline, section: .headline, index: nil)
        for run in runBuilder.runs(in: Tokenizer.tokens(in: headline)) {
            readHeadline(run.tokens, into: &headlineSink)
        }
        candidates += headlineSink.candidates
        if let dateline {
            var out = CandidateSink(text: dateline, section: .dateline, index: nil)
            readDateline(dateline, into: &out)
            candidates += out.candidates
        }
        return EntityTally(candidates, acronyms: acronyms).entities
    }

    /// "SANTIAGO, Chile": the city the story was filed from, whether or not the city list knows it, then its region.
    private func readDateline(_ dateline: String, into out: inout CandidateSink) {
        var offset = 0
        for (position, part) in dateline.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            defer { offset += part.utf16.count + 1 }
            let leading = part.prefix { $0 == " " }.utf16.count
            let trimmed = part.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            let words = trimmed.split(separator: " ")
            let name = words.enumerated().map { index, word in
                // "RIO DE JANEIRO" → "Rio de Janeiro": particles inside a place name stay lower case.
                index > 0 && Self.placeParticles.contains(word.lowercased()) ? word.lowercased() : BylineParser.titleCased(word)
            }.joined(separator: " ")
            let start = offset + leading
            let end = start + trimmed.utf16.count
            if let entry = gazetteer.entity(for: name) {
                out.add(.entity(entry), start: start, end: end)
            } else if position == 0 {
                out.add(.entity(Gazetteer.Entry(name: name, type: .gpe)), start: start, end: end)
            }
        }
    }

    /// Last words of the names of administrative divisions: "Turkana County", "Mopti Region".
    private static let administrativeWords: Set<String> = [
        "County", "Province", "District", "Region", "Governorate", "Prefecture", "Oblast", "Department", "Municipality", "Country", "State",
    ]

    /// Words after which a lone unknown name is a place: "in Lodwar", "near Kakuma".
    private static let placePrepositions: Set<String> = ["in", "near", "outside", "across", "around"]

    /// "in Lodwar, Kenya", "near Santiago de Compostela, Spain": an unknown name after a place preposition,
    /// then a comma and a known country or state, is a town of that country.
    private func placeBeforeRegion(_ run: NameRun, next: NameRun?, in text: String) -> Gazetteer.Entry? {
        guard let next, let preposition = run.precedingWord, Self.placePrepositions.contains(preposition.lowercased()),
              (1...4).contains(run.tokens.count), let last = run.tokens.last, !last.isPossessive,
              let first = next.tokens.first, next.precedingWord == nil else { return nil }
        let units = Array(text.utf16[text.utf16.index(text.utf16.startIndex, offsetBy: last.end)...].prefix(first.start - last.end))
        guard units == Array(", ".utf16) else { return nil }
        let surface = run.words.joined(separator: " ")
        guard gazetteer.entity(for: surface) == nil, firstTitle(in: run.tokens[...]) == nil,
              run.tokens.allSatisfy(isNameLike), !run.tokens.contains(where: { gazetteer.organisationHeads.contains($0.text) }),
              gazetteer.entity(for: next.words.joined(separator: " "))?.type == .gpe else { return nil }
        return Gazetteer.Entry(name: surface, type: .gpe)
    }

    /// Lower-case words inside place names.
    private static let placeParticles: Set<String> = ["de", "da", "do", "del", "la", "el", "al", "of", "the", "es", "y"]
    /// Words before a title that describe the office, not a separate entity ("Senate Majority Leader").
    private static let roleQualifiers: Set<String> = [
        "Majority", "Minority", "Senate", "House", "Acting", "Former", "Interim", "Assistant", "Deputy", "Republican", "Democratic",
    ]
    /// Romance articles that open place and building names ("La Moneda", "El Mirador"), not given names.
    private static let romanceArticles: Set<String> = ["La", "Le", "El", "Les", "Los", "Las"]
    /// Head words of buildings and public places named after saints ("St. Mark's Square").
    private static let facilityWords: Set<String> = [
        "Square", "Basilica", "Church", "Cathedral", "Chapel", "Abbey", "Hospital", "Park", "Street", "Bridge", "Palace", "Station", "Airport",
    ]

    /// Reads one run of capitalised words: known name, organisation, title + person, or a guess.
    private func read(
        _ run: ArraySlice<Token>, title lowerTitle: String?, afterPreposition: Bool = false, into out: inout CandidateSink
    ) {
        let tokens = trimmedParticles(run)
        guard let first = tokens.first else { return }
        if tokens.count > Self.longestNameRun {
            for index in tokens.indices where tokens[index].isCapitalised {
                read(tokens[index...index], title: nil, into: &out)
            }
            return
        }
        let surface = tokens.map(\.text).joined(separator: " ")
        if let entry = gazetteer.entity(for: surface) {
            out.add(.entity(entry), tokens)
            return
        }
        // "&" belongs only inside an organisation's name ("Armed Conflict Location & Event Data Project").
        if let ampersand = tokens.firstIndex(where: { $0.text == "&" }) {
            if let last = tokens.last, gazetteer.organisationHeads.contains(last.text), title(at: tokens.startIndex, in: tokens) == nil {
                out.add(.entity(Gazetteer.Entry(name: surface, type: .org)), tokens)
            } else {
                read(tokens[..<ampersand], title: lowerTitle, into: &out)
                read(tokens[(ampersand + 1)...], title: nil, into: &out)
            }
            return
        }
        // Role text before a title is not an organisation: "Senate Majority Leader Chuck Schumer".
        if let (start, length) = firstTitle(in: tokens), start > tokens.startIndex, namesPerson(after: start + length, in: tokens) {
            readTitled(tokens, title: start, length: length, into: &out)
            return
        }
        if tokens.count > 1, title(at: tokens.startIndex, in: tokens) == nil,
           tokens.contains(where: { gazetteer.organisationHeads.contains($0.text) }) {
            out.add(.entity(Gazetteer.Entry(name: surface, type: .org)), tokens)
            return
        }
        if tokens.count > 1, let last = tokens.last,
           gazetteer.locationWords.contains(first.text) || gazetteer.locationWords.contains(last.text) {
            out.add(.entity(Gazetteer.Entry(name: surface, type: .loc)), tokens)
            return
        }
        // "Turkana County", "Basque Country": an administrative word ends the name of a GPE.
        if tokens.count > 1, let last = tokens.last, Self.administrativeWords.contains(last.text), firstTitle(in: tokens) == nil {
            out.add(.entity(Gazetteer.Entry(name: surface, type: .gpe)), tokens)
            return
        }
        // "Kenya Red Cross", "Philippine Red Cross": a place or nationality before a known organisation is
        // part of that organisation's name.
        if tokens.count > 1, gazetteer.entity(for: first.text).map({ $0.type != .org && $0.type != .person }) ?? false,
           let (entry, length) = knownPhrase(at: tokens.startIndex + 1, in: tokens, minimumLength: 1),
           entry.type == .org, tokens.startIndex + 1 + length == tokens.endIndex {
            out.add(.entity(Gazetteer.Entry(name: surface, type: .org)), tokens)
            return
        }
        // "St. Mark Basilica" is a building; "St. Mark's Square" never gets this far (see NameRunBuilder).
        if tokens.count > 1, first.text == "St." || first.text == "Saint", let last = tokens.last, Self.facilityWords.contains(last.text) {
            out.add(.entity(Gazetteer.Entry(name: surface, type: .loc)), tokens)
            return
        }
        if let (start, length) = firstTitle(in: tokens) {
            readTitled(tokens, title: start, length: length, into: &out)
            return
        }
        if tokens.count == 1 {
            if isAcronym(first.text) {
                out.add(.entity(Gazetteer.Entry(name: first.text, type: .org)), tokens)
            } else if isNameLike(first) {
                // "in May" is a date, not a place.
                if afterPreposition && lowerTitle == nil && !first.startsSentence && APDate.month(named: first.text[...]) == nil {
                    out.add(.place(first.text), tokens)
                } else {
                    out.add(.unresolved(first.text, followsTitle: lowerTitle != nil), tokens, role: lowerTitle)
                }
            }
            return
        }
        // "Russian Dmitry Medvedev": a leading nationality is its own mention.
        if let entry = gazetteer.entity(for: first.text), entry.type == .norp {
            out.add(.entity(entry), tokens.prefix(1))
            read(tokens.dropFirst(), title: nil, into: &out)
            return
        }
        let knownParts = tokens.contains { gazetteer.entity(for: $0.text) != nil }
        // Particles do not count towards the length: "Juan Pablo de la Torre" is four names.
        if !knownParts, tokens.count(where: \.isCapitalised) <= 4, tokens.allSatisfy(isNameLike) {
            // "La Moneda" is a palace: a run opening with a Romance article is a place or building, and a
            // wrong PERSON is worse than none. With a title it went through `readTitled` above.
            if !Self.romanceArticles.contains(first.text) {
                out.add(.person(tokens.map(\.text)), tokens, role: lowerTitle)
            } else {
                // ... unless a fuller name in the document ends with it ("Marie-Claire Le Goff", then "Le Goff").
                out.add(.shortForm(tokens.map(\.text)), tokens)
            }
            return
        }
        // Neither one name nor a person: read known multi-word names whole ("United Arab Emirates"), other words alone.
        var index = tokens.startIndex
        while index < tokens.endIndex {
            if let (entry, length) = knownPhrase(at: index, in: tokens, minimumLength: 2) {
                out.add(.entity(entry), tokens[index..<index + length])
                index += length
                continue
            }
            if tokens[index].isCapitalised { read(tokens[index...index], title: nil, into: &out) }
            index += 1
        }
    }

    /// Whether the words after a title, up to the next title, can be a person's name.
    private func namesPerson(after nameStart: Int, in tokens: ArraySlice<Token>) -> Bool {
        var start = nameStart
        while let more = title(at: start, in: tokens) { start += more }
        let end = firstTitle(in: tokens[start...])?.start ?? tokens.endIndex
        let name = trimmedParticles(tokens[start..<end])
        return !name.isEmpty && name.allSatisfy(isNameLike) && !name.contains { gazetteer.organisationHeads.contains($0.text) }
    }

    /// A run with a person title at `start`: what precedes the title, then the person the title introduces,
    /// then whatever follows the next title.
    private func readTitled(
        _ tokens: ArraySlice<Token>, title start: Int, length: Int, into out: inout CandidateSink
    ) {
        if start > tokens.startIndex {
            let prefix = tokens[..<start]
            if prefix.contains(where: { Self.roleQualifiers.contains($0.text) }) {
                // "New York Senate Majority": only known places in role text count.
                readKnownPhrases(prefix, into: &out)
            } else {
                read(prefix, title: nil, into: &out)
            }
        }
        var nameStart = start + length
        while let more = title(at: nameStart, in: tokens) { nameStart += more }
        let role = tokens[start..<nameStart].map(\.text).joined(separator: " ")
        // "President John Smith Dr. Ana Ruiz": the next title starts the next person.
        let nameEnd = firstTitle(in: tokens[nameStart...])?.start ?? tokens.endIndex
        defer {
            if nameEnd < tokens.endIndex { read(tokens[nameEnd...], title: nil, into: &out) }
        }
        let name = trimmedParticles(tokens[nameStart..<nameEnd])
        guard !name.isEmpty else { return }
        if let entry = gazetteer.entity(for: name.map(\.text).joined(separator: " ")) {
            out.add(.entity(entry), name)
        } else if let place = placeEndingName(in: name) {
            // "President John Smith London officials": the place is its own mention, not the surname's tail.
            let person = trimmedParticles(name[..<place])
            if person.allSatisfy(isNameLike) { out.add(.person(person.map(\.text)), person, role: role) }
            read(name[place...], title: nil, into: &out)
        } else if name.allSatisfy(isNameLike) {
            out.add(.person(name.map(\.text)), name, role: role)
        }
    }

    /// Where a known place or group (GPE, LOC, NORP) starts inside a titled name, ending the person before it.
    ///
    /// At least two capitalised words must precede the place, so "President George Washington" or
    /// "Gen. Hifter" + one word stays one name: a lone given name before a place is more likely a surname.
    private func placeEndingName(in name: ArraySlice<Token>) -> Int? {
        var capitalised = 0
        for index in name.indices {
            if capitalised >= 2, name[index].isCapitalised, let (entry, _) = knownPhrase(at: index, in: name, minimumLength: 1),
               entry.type == .gpe || entry.type == .loc || entry.type == .norp {
                return index
            }
            if name[index].isCapitalised { capitalised += 1 }
        }
        return nil
    }

    /// The longest gazetteer name of at least `minimumLength` words starting at `index`.
    private func knownPhrase(at index: Int, in tokens: ArraySlice<Token>, minimumLength: Int) -> (Gazetteer.Entry, Int)? {
        let longest = min(Self.longestHeadlinePhrase, tokens.endIndex - index)
        guard longest >= minimumLength else { return nil }
        for length in stride(from: longest, through: minimumLength, by: -1) {
            let phrase = tokens[index..<index + length].map(\.text).joined(separator: " ")
            if let entry = gazetteer.entity(for: phrase) { return (entry, length) }
        }
        return nil
    }

    /// Only the gazetteer names in `tokens`, longest first; everything else is skipped.
    private func readKnownPhrases(_ tokens: ArraySlice<Token>, into out: inout CandidateSink) {
        var index = tokens.startIndex
        while index < tokens.endIndex {
            if let (entry, length) = knownPhrase(at: index, in: tokens, minimumLength: 1) {
                out.add(.entity(entry), tokens[index..<index + length])
                index += length
            } else {
                index += 1
            }
        }
    }

    /// Headline words only count when a gazetteer knows them or they name a person seen in the body.
    private func readHeadline(_ tokens: [Token], into out: inout CandidateSink) {
        let tokens = tokens[...]
        var index = 0
        while index < tokens.count {
            if let (entry, length) = knownPhrase(at: index, in: tokens, minimumLength: 1) {
                out.add(.entity(entry), tokens[index..<index + length])
                index += length
                continue
            }
            // "Lake Chad", "Tana River": a location word makes a two-word place, even around a country's name.
            if index + 1 < tokens.count, tokens[index].isCapitalised, tokens[index + 1].isCapitalised,
               gazetteer.locationWords.contains(tokens[index].text) || gazetteer.locationWords.contains(tokens[index + 1].text) {
                let name = tokens[index...index + 1].map(\.text).joined(separator: " ")
                out.add(.entity(Gazetteer.Entry(name: name, type: .loc)), tokens[index...index + 1])
                index += 2
                continue
            }
            let token = tokens[index]
            if token.isCapitalised, title(at: index, in: tokens) == nil, isNameLike(token) {
                out.add(.unresolved(token.text, followsTitle: false), tokens[index...index])
            }
            index += 1
        }
    }

    private func trimmedParticles(_ tokens: ArraySlice<Token>) -> ArraySlice<Token> {
        var slice = tokens
        while let first = slice.first, !first.isCapitalised { slice = slice.dropFirst() }
        while let last = slice.last, !last.isCapitalised { slice = slice.dropLast() }
        return slice
    }

    /// The first person title in the run, longest match at each position ("Foreign Minister" before "Minister").
    private func firstTitle(in tokens: ArraySlice<Token>) -> (start: Int, length: Int)? {
        for start in tokens.indices {
            if let length = title(at: start, in: tokens) { return (start, length) }
        }
        return nil
    }

    private func title(at start: Int, in tokens: ArraySlice<Token>) -> Int? {
        // Most words start no title; checking the first word spares joining candidate phrases for them.
        guard start < tokens.endIndex, gazetteer.personTitleFirstWords.contains(tokens[start].text) else { return nil }
        let longest = min(gazetteer.longestTitle, tokens.endIndex - start)
        guard longest > 0 else { return nil }
        for length in stride(from: longest, through: 1, by: -1) {
            let phrase = tokens[start..<start + length].map(\.text).joined(separator: " ")
            if gazetteer.personTitles.contains(phrase) { return length }
        }
        return nil
    }

    /// A word that can be part of a personal name: capitalised (or particle-led), no digits, not an acronym.
    private func isNameLike(_ token: Token) -> Bool {
        if !token.isCapitalised { return Self.isParticle(token.text) }
        if token.text.contains(where: { APDate.isDigit($0) }) { return false }
        return !isAcronym(token.text) || token.text.count == 2 && token.text.hasSuffix(".")
    }

    private static func isParticle(_ word: String) -> Bool {
        ["de", "del", "della", "di", "da", "do", "dos", "das", "du", "van", "von", "der", "den", "ter", "la", "le", "bin", "ibn", "al", "el", "of", "the"].contains(word)
    }

    /// "NATO", "LNA", "S.A.": two to six capital letters and nothing lower-case.
    private func isAcronym(_ word: String) -> Bool {
        // Counts scalars without building a filtered string: this runs on most capitalised words.
        var letters = 0
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                if (0x61...0x7A).contains(scalar.value) { return false }
                if (0x41...0x5A).contains(scalar.value) { letters += 1 }
            } else if scalar.properties.isAlphabetic {
                guard scalar.properties.isUppercase else { return false }
                letters += 1
            }
            if letters > 6 { return false }
        }
        return letters >= 2
    }
}
