/// Consecutive capitalised words that may name one thing: "Italian Premier Giuseppe Conte",
/// "Libyan National Army", "Jean-Yves Le Drian".
struct NameRun: Sendable {
    var tokens: [Token]
    /// The lower-case person title right before the run ("dictator" of "dictator Moammar Gadhafi"), if any.
    var personTitle: String?
    /// The lower-case word right before the run ("in" of "in Lodwar"), if nothing but a space separates them.
    var precedingWord: String?

    var words: [String] { tokens.map(\.text) }
}

/// Groups tokens into ``NameRun``s: stop words split runs, and lower-case particles join names only
/// between capitalised words.
struct NameRunBuilder: Sendable {
    let gazetteer: Gazetteer

    /// Particles that sit inside personal and place names.
    private static let nameParticles: Set<String> = [
        "de", "del", "della", "di", "da", "do", "dos", "das", "du", "van", "von", "der", "den", "ter", "la", "le", "bin", "ibn", "al", "el",
    ]
    /// Besides organisation heads, words that an "of" phrase completes ("Gulf of Aden", "Secretary of State").
    private static let ofHeads: Set<String> = [
        "Republic", "Kingdom", "Gulf", "Sea", "Bay", "Strait", "Isle", "Isles", "Cape", "Horn", "Secretary", "Duke", "Duchess",
        "Prince", "Princess", "King", "Queen", "Emirate", "Sultanate", "State", "States",
    ]

    func runs(in tokens: [Token]) -> [NameRun] {
        var runs: [NameRun] = []
        var current: [Token] = []
        var currentTitle: String?
        var currentPrecedingWord: String?
        var previousLowerCase: String?

        func flush() {
            while let last = current.last, !last.isCapitalised { current.removeLast() }
            if !current.isEmpty {
                runs.append(NameRun(tokens: current, personTitle: currentTitle, precedingWord: currentPrecedingWord))
            }
            current = []
        }
        func precedingTitle() -> String? {
            previousLowerCase.flatMap { gazetteer.lowerCasePersonTitles.contains($0.lowercased()) ? $0 : nil }
        }

        for (position, token) in tokens.enumerated() {
            guard token.kind == .word else {
                flush()
                previousLowerCase = nil
                continue
            }
            if token.isCapitalised {
                if gazetteer.isStopWord(token.text), !startsKnownName(at: position, in: tokens) {
                    flush()
                    // "In Lodwar": a capitalised preposition introduces a place as well as a lower-case one.
                    previousLowerCase = token.text
                    continue
                }
                if token.isIsolated {
                    flush()
                    currentTitle = precedingTitle()
                    currentPrecedingWord = previousLowerCase
                    current = [token]
                    flush()
                    previousLowerCase = nil
                    continue
                }
                if current.isEmpty {
                    currentTitle = precedingTitle()
                    currentPrecedingWord = previousLowerCase
                }
                previousLowerCase = nil
                current.append(token)
                if token.isPossessive {
                    if isSaintFacility(current, before: position + 1, in: tokens) {
                        // "St. Mark's Square": a place named after a saint, not the saint; read none of it as a name.
                        current = []
                    }
                    flush()
                }
                continue
            }
            if let last = current.last, joinsName(token, after: last, next: position + 1, in: tokens) {
                current.append(token)
                continue
            }
            flush()
            previousLowerCase = token.text
        }
        flush()
        return runs
    }

    /// A stop word opening a listed multi-word name ("New" of "New York", "New Delhi") is part of that name.
    private func startsKnownName(at position: Int, in tokens: [Token]) -> Bool {
        var phrase = tokens[position].text
        for next in tokens.indices.dropFirst(position + 1).prefix(3) {
            guard tokens[next].kind == .word, tokens[next].isCapitalised else { return false }
            phrase += " " + tokens[next].text
            if gazetteer.entity(for: phrase) != nil { return true }
        }
        return false
    }

    /// Head words of places named "St. X's …".
    private static let facilityWords: Set<String> = [
        "Square", "Basilica", "Church", "Cathedral", "Chapel", "Abbey", "Hospital", "Park", "Street", "Bridge", "Palace", "Station", "Airport",
    ]

    /// A run "St. Mark" ending in a possessive that a facility word follows.
    private func isSaintFacility(_ run: [Token], before next: Int, in tokens: [Token]) -> Bool {
        guard let first = run.first, first.text == "St." || first.text == "Saint", next < tokens.count else { return false }
        return Self.facilityWords.contains(tokens[next].text)
    }

    /// A lower-case word continues a run when it is a name particle or an "of (the)" after a fitting head,
    /// and a capitalised word follows.
    private func joinsName(_ token: Token, after previous: Token, next: Int, in tokens: [Token]) -> Bool {
        let word = token.text
        let allowed: Bool
        switch word {
        case "of": allowed = previous.isCapitalised && (gazetteer.organisationHeads.contains(previous.text) || Self.ofHeads.contains(previous.text))
        // "International Organization for Migration", "Intergovernmental Authority on Development".
        case "for", "on": allowed = previous.isCapitalised && gazetteer.organisationHeads.contains(previous.text)
        case "the": allowed = previous.text == "of"
        // Kept only if the run turns out to be an organisation; EntityExtractor splits it otherwise.
        case "&": allowed = previous.isCapitalised
        default: allowed = Self.nameParticles.contains(word)
        }
        guard allowed, next < tokens.count else { return false }
        let following = tokens[next]
        guard following.kind == .word else { return false }
        if following.isCapitalised { return !gazetteer.isStopWord(following.text) && !following.isIsolated }
        // "of the Interior", "de la Torre", "van der Merwe": one more particle may stand between.
        let secondParticle = word == "of" ? following.text == "the" : Self.nameParticles.contains(following.text)
        return secondParticle && next + 1 < tokens.count && tokens[next + 1].kind == .word
            && tokens[next + 1].isCapitalised && !gazetteer.isStopWord(tokens[next + 1].text)
    }
}
