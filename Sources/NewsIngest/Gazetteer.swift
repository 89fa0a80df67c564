import Foundation

/// The word lists the parser consults, read once from the bundled resource files.
///
/// Keeping them as data lets editors extend coverage without touching code.
struct Gazetteer: Sendable {
    /// A fixed surface form and what it stands for ("U.N." → United Nations, ORG).
    struct Entry: Hashable, Sendable {
        let name: String
        let type: EntityType
    }

    /// Site chrome lines, lower-cased.
    let chromeLines: Set<String>
    /// UTF-8 length of the longest of ``chromeLines``.
    let longestChromeLineUTF8: Int
    /// Capitalised words that are never names on their own, lower-cased.
    let stopWords: Set<String>
    /// Abbreviations and fixed names, exact surface form → entity.
    let aliases: [String: Entry]
    /// Places and groups, exact surface form → GPE, LOC or NORP.
    let places: [String: EntityType]
    /// Words that make a capitalised run an organisation ("Army", "Ministry").
    let organisationHeads: Set<String>
    /// Words that, first or last in a capitalised run, make it a non-GPE location ("Lake", "River").
    let locationWords: Set<String>
    /// Person titles, exact tokens joined by single spaces ("Prime Minister", "Gen.").
    let personTitles: Set<String>
    /// One-word person titles, lower-cased, for a lower-case title right before a name ("dictator").
    let lowerCasePersonTitles: Set<String>
    /// Token count of the longest person title, to bound the title search.
    let longestTitle: Int
    /// The first token of every person title ("Prime" of "Prime Minister"), to rule most words out cheaply.
    let personTitleFirstWords: Set<String>

    /// Loads the lists from `bundle`.
    ///
    /// A missing resource is a packaging error, not a property of any input, so it traps.
    init(bundle: Bundle = .module) {
        func list(_ name: String) -> [String] {
            guard let url = bundle.url(forResource: name, withExtension: "txt"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                preconditionFailure("NewsIngest resource \(name).txt is missing from the bundle")
            }
            return Self.entries(in: text)
        }
        self.init(
            chrome: list("chrome"), stopWords: list("stopwords"), abbreviations: list("abbreviations"),
            countries: list("countries"), cities: list("cities"), regions: list("regions"),
            demonyms: list("demonyms"), organisationHeads: list("org_heads"), locationWords: list("loc_words"),
            personTitles: list("person_titles")
        )
    }

    init(
        chrome: [String], stopWords: [String], abbreviations: [String], countries: [String], cities: [String],
        regions: [String], demonyms: [String], organisationHeads: [String], locationWords: [String], personTitles: [String]
    ) {
        chromeLines = Set(chrome.map { $0.lowercased() })
        longestChromeLineUTF8 = chromeLines.map(\.utf8.count).max() ?? 0
        self.stopWords = Set(stopWords.map { $0.lowercased() })
        var aliases: [String: Entry] = [:]
        for line in abbreviations {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard fields.count == 3, let type = EntityType(rawValue: fields[2]), !fields[0].isEmpty else { continue }
            aliases[fields[0]] = Entry(name: fields[1], type: type)
        }
        self.aliases = aliases
        var places: [String: EntityType] = [:]
        // Later lists do not override earlier ones: a country name stays a GPE even if a region list repeats it.
        for (names, type) in [(countries, EntityType.gpe), (cities, .gpe), (regions, .loc), (demonyms, .norp)] {
            for name in names where places[name] == nil { places[name] = type }
        }
        self.places = places
        self.organisationHeads = Set(organisationHeads)
        self.locationWords = Set(locationWords)
        self.personTitles = Set(personTitles)
        lowerCasePersonTitles = Set(personTitles.filter { !$0.contains(" ") }.map { $0.lowercased() })
        longestTitle = personTitles.map { $0.split(separator: " ").count }.max() ?? 1
        personTitleFirstWords = Set(personTitles.compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// The non-empty lines of a list file, without its `#` comment lines.
    static func entries(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { raw in
            let line = raw.trimmingWhitespace()
            return line.isEmpty || line.hasPrefix("#") ? nil : line
        }
    }

    /// The entity a whole name run stands for, by alias or place list; plural group names ("Libyans") fold into the singular.
    func entity(for surface: String) -> Entry? {
        if let alias = aliases[surface] { return alias }
        if let type = places[surface] { return Entry(name: surface, type: type) }
        if surface.hasSuffix("s"), case let singular = String(surface.dropLast()), places[singular] == .norp {
            return Entry(name: singular, type: .norp)
        }
        return nil
    }

    func isStopWord(_ word: String) -> Bool {
        stopWords.contains(word.lowercased())
    }
}
