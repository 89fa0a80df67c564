/// Entity types, named by their OntoNotes 5.0 labels.
public enum EntityType: String, Hashable, Sendable, Codable, CaseIterable {
    /// People, including fictional.
    case person = "PERSON"
    /// Geopolitical entities: countries, cities, states.
    case gpe = "GPE"
    /// Non-GPE locations: regions, bodies of water, continents, mountain ranges.
    case loc = "LOC"
    /// Organisations: companies, agencies, institutions, armed groups.
    case org = "ORG"
    /// Nationalities, religious or political groups ("Italian", "Islamist").
    case norp = "NORP"
}
