/// The order of an article listing. Each ends with the article id, so no two articles tie.
public enum ArticleOrder: String, Hashable, Sendable, CaseIterable {
    /// Latest publication day first, undated articles last; ties by highest id (stored last).
    case newestFirst = "-publishedAt"
    /// Earliest publication day first, undated articles last; ties by lowest id.
    case oldestFirst = "publishedAt"
    /// Best match for the filter's search first (see ``RelevanceScorer``); ties by lowest id.
    case relevance
}
