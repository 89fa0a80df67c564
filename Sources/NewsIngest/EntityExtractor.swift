/// What one name run was read as, before the document-wide pass decides who is who.
enum Mention: Sendable {
    /// A gazetteer or alias hit, or an organisation by its head word.
    case entity(Gazetteer.Entry)
    /// A person's name as written, without title ("Giuseppe Conte", or "Hifter" after "Gen.").
    case person([String])
    /// A lone capitalised word that is a name only if it is a person's short form ("Conte", "Hiftar").
    case unresolved(String, followsTitle: Bool)
}

/// Finds named entities with gazetteers and capitalisation, no statistical model.
///
/// Reads each capitalised run into ``Mention``s, then lets ``EntityTally`` resolve short forms and
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

    /// Entities of the headline, the dateline place and the body texts (captions and paragraphs), most mentioned first.
    func entities(headline: String, dateline: String?, texts: [String]) -> [NamedEntity] {
        var mentions: [Mention] = []
        for text in texts {
            for run in runBuilder.runs(in: Tokenizer.tokens(in: text)) {
                read(run.tokens[...], followsTitle: run.followsPersonTitle, into: &mentions)
            }
        }
        // Headlines capitalise every word, so only known names count there.
        for run in runBuilder.runs(in: Tokenizer.tokens(in: headline)) {
            readHeadline(run.tokens, into: &mentions)
        }
        for (position, part) in (dateline ?? "").split(separator: ",").enumerated() {
            let words = part.split(separator: " ")
            let name = words.enumerated().map { index, word in
                // "RIO DE JANEIRO" → "Rio de Janeiro": particles inside a place name stay lower case.
                index > 0 && Self.placeParticles.contains(word.lowercased()) ? word.lowercased() : BylineParser.titleCased(word)
            }.joined(separator: " ")
            if let entry = gazetteer.entity(for: name) {
                mentions.append(.entity(entry))
            } else if position == 0, !name.isEmpty {
                // The dateline names the city the story was filed from, whether or not the city list knows it.
                mentions.append(.entity(Gazetteer.Entry(name: name, type: .gpe)))
            }
        }
        return EntityTally(mentions).entities
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
    private func read(_ run: ArraySlice<Token>, followsTitle: Bool, into mentions: inout [Mention]) {
        let tokens = trimmedParticles(run)
        guard let first = tokens.first else { return }
        if tokens.count > Self.longestNameRun {
            for index in tokens.indices where tokens[index].isCapitalised {
                read(tokens[index...index], followsTitle: false, into: &mentions)
            }
            return
        }
        let surface = tokens.map(\.text).joined(separator: " ")
        if let entry = gazetteer.entity(for: surface) {
            mentions.append(.entity(entry))
            return
        }
        // "&" belongs only inside an organisation's name ("Armed Conflict Location & Event Data Project").
        if let ampersand = tokens.firstIndex(where: { $0.text == "&" }) {
            if let last = tokens.last, gazetteer.organisationHeads.contains(last.text), title(at: tokens.startIndex, in: tokens) == nil {
                mentions.append(.entity(Gazetteer.Entry(name: surface, type: .org)))
            } else {
                read(tokens[..<ampersand], followsTitle: followsTitle, into: &mentions)
                read(tokens[(ampersand + 1)...], followsTitle: false, into: &mentions)
            }
            return
        }
        // Role text before a title is not an organisation: "Senate Majority Leader Chuck Schumer".
        if let (start, length) = firstTitle(in: tokens), start > tokens.startIndex, namesPerson(after: start + length, in: tokens) {
            readTitled(tokens, title: start, length: length, into: &mentions)
            return
        }
        if tokens.count > 1, title(at: tokens.startIndex, in: tokens) == nil,
           tokens.contains(where: { gazetteer.organisationHeads.contains($0.text) }) {
            mentions.append(.entity(Gazetteer.Entry(name: surface, type: .org)))
            return
        }
        if tokens.count > 1, let last = tokens.last,
           gazetteer.locationWords.contains(first.text) || gazetteer.locationWords.contains(last.text) {
            mentions.append(.entity(Gazetteer.Entry(name: surface, type: .loc)))
            return
        }
        // "St. Mark Basilica" is a building; "St. Mark's Square" never gets this far (see NameRunBuilder).
        if tokens.count > 1, first.text == "St." || first.text == "Saint", let last = tokens.last, Self.facilityWords.contains(last.text) {
            mentions.append(.entity(Gazetteer.Entry(name: surface, type: .loc)))
            return
        }
        if let (start, length) = firstTitle(in: tokens) {
            readTitled(tokens, title: start, length: length, into: &mentions)
            return
        }
        if tokens.count == 1 {
            if isAcronym(first.text) {
                mentions.append(.entity(Gazetteer.Entry(name: first.text, type: .org)))
            } else if isNameLike(first) {
                mentions.append(.unresolved(first.text, followsTitle: followsTitle))
            }
            return
        }
        // "Russian Dmitry Medvedev": a leading nationality is its own mention.
        if let entry = gazetteer.entity(for: first.text), entry.type == .norp {
            mentions.append(.entity(entry))
            read(tokens.dropFirst(), followsTitle: false, into: &mentions)
            return
        }
        let knownParts = tokens.contains { gazetteer.entity(for: $0.text) != nil }
        if !knownParts, tokens.count <= 4, tokens.allSatisfy(isNameLike) {
            // "La Moneda" is a palace: a run opening with a Romance article is a place or building, and a
            // wrong PERSON is worse than none. With a title it went through `readTitled` above.
            if !Self.romanceArticles.contains(first.text) { mentions.append(.person(tokens.map(\.text))) }
            return
        }
        // Neither one name nor a person: read known multi-word names whole ("United Arab Emirates"), other words alone.
        var index = tokens.startIndex
        while index < tokens.endIndex {
            if let (entry, length) = knownPhrase(at: index, in: tokens, minimumLength: 2) {
                mentions.append(.entity(entry))
                index += length
                continue
            }
            if tokens[index].isCapitalised { read(tokens[index...index], followsTitle: false, into: &mentions) }
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
    private func readTitled(_ tokens: ArraySlice<Token>, title start: Int, length: Int, into mentions: inout [Mention]) {
        if start > tokens.startIndex {
            let prefix = tokens[..<start]
            if prefix.contains(where: { Self.roleQualifiers.contains($0.text) }) {
                // "New York Senate Majority": only known places in role text count.
                readKnownPhrases(prefix, into: &mentions)
            } else {
                read(prefix, followsTitle: false, into: &mentions)
            }
        }
        var nameStart = start + length
        while let more = title(at: nameStart, in: tokens) { nameStart += more }
        // "President John Smith Dr. Ana Ruiz": the next title starts the next person.
        let nameEnd = firstTitle(in: tokens[nameStart...])?.start ?? tokens.endIndex
        defer {
            if nameEnd < tokens.endIndex { read(tokens[nameEnd...], followsTitle: false, into: &mentions) }
        }
        let name = trimmedParticles(tokens[nameStart..<nameEnd])
        guard !name.isEmpty else { return }
        if let entry = gazetteer.entity(for: name.map(\.text).joined(separator: " ")) {
            mentions.append(.entity(entry))
        } else if let place = placeEndingName(in: name) {
            // "President John Smith London officials": the place is its own mention, not the surname's tail.
            let person = trimmedParticles(name[..<place])
            if person.allSatisfy(isNameLike) { mentions.append(.person(person.map(\.text))) }
            read(name[place...], followsTitle: false, into: &mentions)
        } else if name.allSatisfy(isNameLike) {
            mentions.append(.person(name.map(\.text)))
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
    private func readKnownPhrases(_ tokens: ArraySlice<Token>, into mentions: inout [Mention]) {
        var index = tokens.startIndex
        while index < tokens.endIndex {
            if let (entry, length) = knownPhrase(at: index, in: tokens, minimumLength: 1) {
                mentions.append(.entity(entry))
                index += length
            } else {
                index += 1
            }
        }
    }

    /// Headline words only count when a gazetteer knows them or they name a person seen in the body.
    private func readHeadline(_ tokens: [Token], into mentions: inout [Mention]) {
        let tokens = tokens[...]
        var index = 0
        while index < tokens.count {
            if let (entry, length) = knownPhrase(at: index, in: tokens, minimumLength: 1) {
                mentions.append(.entity(entry))
                index += length
                continue
            }
            // "Lake Chad", "Tana River": a location word makes a two-word place, even around a country's name.
            if index + 1 < tokens.count, tokens[index].isCapitalised, tokens[index + 1].isCapitalised,
               gazetteer.locationWords.contains(tokens[index].text) || gazetteer.locationWords.contains(tokens[index + 1].text) {
                let name = tokens[index...index + 1].map(\.text).joined(separator: " ")
                mentions.append(.entity(Gazetteer.Entry(name: name, type: .loc)))
                index += 2
                continue
            }
            let token = tokens[index]
            if token.isCapitalised, title(at: index, in: tokens) == nil, isNameLike(token) {
                mentions.append(.unresolved(token.text, followsTitle: false))
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
