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
        for part in (dateline ?? "").split(separator: ",") {
            let words = part.split(separator: " ").map { BylineParser.titleCased($0) }
            if let entry = gazetteer.entity(for: words.joined(separator: " ")) { mentions.append(.entity(entry)) }
        }
        return EntityTally(mentions).entities
    }

    /// Reads one run of capitalised words: known name, organisation, title + person, or a guess.
    private func read(_ run: ArraySlice<Token>, followsTitle: Bool, into mentions: inout [Mention]) {
        let tokens = trimmedParticles(run)
        guard let first = tokens.first else { return }
        let surface = tokens.map(\.text).joined(separator: " ")
        if let entry = gazetteer.entity(for: surface) {
            mentions.append(.entity(entry))
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
        if let (start, length) = firstTitle(in: tokens) {
            if start > tokens.startIndex { read(tokens[..<start], followsTitle: false, into: &mentions) }
            var nameStart = start + length
            while let more = title(at: nameStart, in: tokens) { nameStart += more }
            let name = trimmedParticles(tokens[nameStart...])
            guard !name.isEmpty else { return }
            if let entry = gazetteer.entity(for: name.map(\.text).joined(separator: " ")) {
                mentions.append(.entity(entry))
            } else if name.allSatisfy(isNameLike) {
                mentions.append(.person(name.map(\.text)))
            }
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
            mentions.append(.person(tokens.map(\.text)))
            return
        }
        // Neither one name nor a person: read each word on its own ("U.N. Italy").
        for index in tokens.indices where tokens[index].isCapitalised {
            read(tokens[index...index], followsTitle: false, into: &mentions)
        }
    }

    /// Headline words only count when a gazetteer knows them or they name a person seen in the body.
    private func readHeadline(_ tokens: [Token], into mentions: inout [Mention]) {
        var index = 0
        next: while index < tokens.count {
            for length in stride(from: min(Self.longestHeadlinePhrase, tokens.count - index), through: 1, by: -1) {
                let phrase = tokens[index..<index + length].map(\.text).joined(separator: " ")
                if let entry = gazetteer.entity(for: phrase) {
                    mentions.append(.entity(entry))
                    index += length
                    continue next
                }
            }
            let token = tokens[index]
            if token.isCapitalised, title(at: index, in: tokens[...]) == nil, isNameLike(token) {
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
        guard start < tokens.endIndex else { return nil }
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
        let letters = word.filter(\.isLetter)
        return (2...6).contains(letters.count) && letters.allSatisfy(\.isUppercase)
    }
}
