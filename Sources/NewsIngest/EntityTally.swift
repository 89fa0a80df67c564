/// Counts mentions across a document and resolves people consistently: once "Khalifa Hifter" is a
/// person, "Hifter" and the transliteration "Hiftar" are mentions of him.
///
/// Runs in time linear in the number of mentions (plus sorting): people are found through
/// ``PersonIndex``, never by scanning all people per mention.
struct EntityTally {
    let entities: [NamedEntity]

    init(_ mentions: [Mention]) {
        var counts: [Gazetteer.Entry: Int] = [:]
        var formCounts: [[String]: Int] = [:]
        var formOrder: [[String]] = []
        var unresolved: [String: Int] = [:]
        var unresolvedOrder: [String] = []
        func addForm(_ form: [String]) {
            if formCounts[form] == nil { formOrder.append(form) }
            formCounts[form, default: 0] += 1
        }
        for mention in mentions {
            switch mention {
            case .entity(let entry): counts[entry, default: 0] += 1
            case .person(let form): addForm(form)
            case .unresolved(let word, let followsTitle):
                // "dictator Gadhafi": a lower-case title makes a lone word a person.
                if followsTitle {
                    addForm([word])
                } else {
                    if unresolved[word] == nil { unresolvedOrder.append(word) }
                    unresolved[word, default: 0] += 1
                }
            }
        }

        // Fullest forms first, so short forms and variants find the name they belong to.
        let forms = formOrder.enumerated().sorted { lhs, rhs in
            lhs.element.count != rhs.element.count ? lhs.element.count > rhs.element.count : lhs.offset < rhs.offset
        }.map(\.element)
        var index = PersonIndex()
        for form in forms {
            let count = formCounts[form] ?? 0
            if let person = index.uniqueLongerName(endingWith: form) ?? index.uniqueVariant(of: form) {
                index.addMentions(count, to: person)
            } else {
                index.add(form, mentions: count)
            }
        }
        // Lone words never create people, so resolving each distinct word once is the same as resolving each mention.
        for word in unresolvedOrder {
            if let person = index.uniqueSurname(word) ?? index.uniqueVariant(of: [word]) {
                index.addMentions(unresolved[word] ?? 0, to: person)
            }
        }

        var entities = counts.map { NamedEntity(name: $0.key.name, type: $0.key.type, mentions: $0.value) }
        entities += index.people.map { NamedEntity(name: $0.tokens.joined(separator: " "), type: .person, mentions: $0.mentions) }
        self.entities = entities.sorted { lhs, rhs in
            if lhs.mentions != rhs.mentions { return lhs.mentions > rhs.mentions }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            return lhs.type.rawValue < rhs.type.rawValue
        }
    }
}
