/// Counts mentions across a document and resolves people consistently: once "Khalifa Hifter" is a
/// person, "Hifter" and the transliteration "Hiftar" are mentions of him.
struct EntityTally {
    /// Shorter surnames have too many real near neighbours ("Conte", "Conti") to merge on one edit.
    static let minimumVariantLength = 6

    private struct Person {
        var tokens: [String]
        var mentions: Int
    }

    let entities: [NamedEntity]

    init(_ mentions: [Mention]) {
        var counts: [Gazetteer.Entry: Int] = [:]
        var formCounts: [[String]: Int] = [:]
        var formOrder: [[String]] = []
        var unresolved: [String] = []
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
                if followsTitle { addForm([word]) } else { unresolved.append(word) }
            }
        }

        // Fullest forms first, so short forms and variants find the name they belong to.
        let forms = formOrder.enumerated().sorted { lhs, rhs in
            lhs.element.count != rhs.element.count ? lhs.element.count > rhs.element.count : lhs.offset < rhs.offset
        }.map(\.element)
        var people: [Person] = []
        for form in forms {
            let count = formCounts[form] ?? 0
            if let index = Self.unique(in: people, where: { $0.tokens.count > form.count && Array($0.tokens.suffix(form.count)) == form })
                ?? Self.unique(in: people, where: { Self.isVariant(form, of: $0.tokens) && !people.contains { $0.tokens.last == form.last } }) {
                people[index].mentions += count
            } else {
                people.append(Person(tokens: form, mentions: count))
            }
        }
        for word in unresolved {
            if let index = Self.unique(in: people, where: { $0.tokens.last == word })
                ?? Self.unique(in: people, where: { Self.isVariant([word], of: $0.tokens) && !people.contains { $0.tokens.last == word } }) {
                people[index].mentions += 1
            }
        }

        var entities = counts.map { NamedEntity(name: $0.key.name, type: $0.key.type, mentions: $0.value) }
        entities += people.map { NamedEntity(name: $0.tokens.joined(separator: " "), type: .person, mentions: $0.mentions) }
        self.entities = entities.sorted { lhs, rhs in
            if lhs.mentions != rhs.mentions { return lhs.mentions > rhs.mentions }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            return lhs.type.rawValue < rhs.type.rawValue
        }
    }

    /// The index of the only person matching, or nil when none or several do (an ambiguous short form is dropped).
    private static func unique(in people: [Person], where matches: (Person) -> Bool) -> Int? {
        var found: Int?
        for (index, person) in people.enumerated() where matches(person) {
            if found != nil { return nil }
            found = index
        }
        return found
    }

    /// `form` spells the end of `name` with the surname transliterated differently: same first letter,
    /// length within one, one edit apart, and `name` has a given name so its last word is a surname.
    private static func isVariant(_ form: [String], of name: [String]) -> Bool {
        guard name.count >= 2, form.count <= name.count, let surname = name.last, let candidate = form.last,
              candidate != surname, Array(name.suffix(form.count).dropLast()) == Array(form.dropLast()),
              min(candidate.count, surname.count) >= minimumVariantLength,
              abs(candidate.count - surname.count) <= 1,
              candidate.first?.lowercased() == surname.first?.lowercased() else { return false }
        return editDistance(candidate, surname, limit: 1) <= 1
    }
}
