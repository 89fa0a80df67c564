/// Gathers a document's candidates into entities and resolves people consistently: once "Khalifa Hifter"
/// is a person, "Hifter" and the transliteration "Hiftar" are mentions of him.
///
/// Runs in time linear in the number of candidates (plus sorting): people are found through
/// ``PersonIndex``, never by scanning all people per mention.
struct EntityTally {
    let entities: [NamedEntity]

    /// - Parameter acronyms: acronyms the document defines in parentheses, each merged into its organisation.
    init(_ candidates: [Candidate], acronyms: [String: Gazetteer.Entry] = [:]) {
        var known: [Gazetteer.Entry: [MentionSpan]] = [:]
        var formSpans: [[String]: [MentionSpan]] = [:]
        var formOrder: [[String]] = []
        var unresolved: [String: [MentionSpan]] = [:]
        var unresolvedOrder: [String] = []
        var shortForms: [(form: [String], span: MentionSpan)] = []
        var places: [String: [MentionSpan]] = [:]
        var placeOrder: [String] = []
        func addForm(_ form: [String], _ candidate: Candidate) {
            if formSpans[form] == nil { formOrder.append(form) }
            formSpans[form, default: []].append(candidate.span)
        }
        for candidate in candidates {
            switch candidate.reading {
            case .entity(let entry): known[entry, default: []].append(candidate.span)
            case .person(let form): addForm(form, candidate)
            case .shortForm(let form):
                shortForms.append((form, candidate.span))
            case .place(let word):
                if places[word] == nil { placeOrder.append(word) }
                places[word, default: []].append(candidate.span)
            case .unresolved(let word, let followsTitle):
                // "dictator Gadhafi": a lower-case title makes a lone word a person.
                if followsTitle {
                    addForm([word], candidate)
                } else {
                    if unresolved[word] == nil { unresolvedOrder.append(word) }
                    unresolved[word, default: []].append(candidate.span)
                }
            }
        }

        // Fullest forms first, so short forms and variants find the name they belong to.
        let forms = formOrder.enumerated().sorted { lhs, rhs in
            lhs.element.count != rhs.element.count ? lhs.element.count > rhs.element.count : lhs.offset < rhs.offset
        }.map(\.element)
        var index = PersonIndex()
        var spans: [[MentionSpan]] = []
        for form in forms {
            let formSpans = formSpans[form] ?? []
            if let person = index.uniqueLongerName(endingWith: form) ?? index.uniqueVariant(of: form) {
                spans[person] += formSpans
            } else {
                index.add(form)
                spans.append(formSpans)
            }
        }
        // Lone words never create people, so resolving each distinct word once is the same as resolving each mention.
        for word in unresolvedOrder {
            if let person = index.uniqueSurname(word) ?? index.uniqueVariant(of: [word]) {
                spans[person] += unresolved[word] ?? []
            }
        }
        for (form, span) in shortForms {
            if let person = index.uniqueLongerName(endingWith: form) { spans[person].append(span) }
        }
        for word in placeOrder {
            let wordSpans = places[word] ?? []
            if let person = index.uniqueSurname(word) {
                spans[person] += wordSpans
            } else {
                // The same word elsewhere without "in" before it is the same place.
                known[Gazetteer.Entry(name: word, type: .gpe), default: []] += wordSpans + (unresolved[word] ?? [])
            }
        }

        for (acronym, organisation) in acronyms {
            if let spans = known.removeValue(forKey: Gazetteer.Entry(name: acronym, type: .org)) {
                known[organisation, default: []] += spans
            }
        }
        Self.attachAcronyms(&known)
        var entities = known.map { NamedEntity(name: $0.key.name, type: $0.key.type, spans: $0.value) }
        entities += zip(index.people, spans).map { NamedEntity(name: $0.joined(separator: " "), type: .person, spans: $1) }
        self.entities = entities.sorted { lhs, rhs in
            if lhs.mentions != rhs.mentions { return lhs.mentions > rhs.mentions }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            return lhs.type.rawValue < rhs.type.rawValue
        }
    }

    /// "LNA" after "Libyan National Army (LNA)": an acronym organisation whose letters are the initials of
    /// exactly one longer organisation of the document is that organisation.
    private static func attachAcronyms(_ known: inout [Gazetteer.Entry: [MentionSpan]]) {
        var byInitials: [String: [Gazetteer.Entry]] = [:]
        for entry in known.keys where entry.type == .org {
            let words = entry.name.split(separator: " ")
            guard words.count >= 2 else { continue }
            let initials = String(words.compactMap { word in word.first.flatMap { $0.isUppercase ? $0 : nil } })
            byInitials[initials, default: []].append(entry)
        }
        for entry in Array(known.keys) where entry.type == .org && !entry.name.containsASCII(" ") {
            guard let targets = byInitials[entry.name], targets.count == 1, let spans = known.removeValue(forKey: entry) else { continue }
            known[targets[0], default: []] += spans
        }
    }
}
