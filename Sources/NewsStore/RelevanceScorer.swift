import Foundation

/// Okapi BM25 over articles, with the collection statistics of a fixed set of articles, so that a
/// score never changes while a client pages through results.
///
/// FTS5's own `bm25()` ranks rows with the statistics of the whole index at the moment of the
/// query: every insert shifts every score, and a keyset walk over `(score, id)` would then meet an
/// article twice or skip one. Here the statistics come from the articles up to a watermark id fixed
/// on the first page and carried in the page key, and an article's score depends only on its own
/// rows and those statistics: the same bits on every page. (An article edited during a walk can
/// still move.)
///
/// - Document: an article; its "term frequency" for a term is the number of its rows (headline,
///   paragraphs, captions) the term matches, the headline counting ``headlineWeight`` times. A
///   phrase or prefix is one term.
/// - `idf = ln(1 + (N - n + 0.5) / (n + 0.5))`, N articles, n of them with a match (always > 0).
/// - `score = Σ idf × f (k1 + 1) / (f + k1)`, k1 = 1.2, b = 0: length is not normalised, since a
///   longer article matching in more paragraphs is, for news, usually more about the subject.
///
/// A caption scored on its own is a one-row document: f = 1 for each term it matches.
struct RelevanceScorer {
    static let k1 = 1.2
    /// A match in the headline counts as this many paragraph matches.
    static let headlineWeight = 3

    /// Per term, in the order of ``SearchQuery/terms``.
    let inverseDocumentFrequencies: [Double]

    /// - Parameters:
    ///   - articleCount: N, the articles the statistics cover.
    ///   - documentFrequencies: per term, how many of them it matches.
    init(articleCount: Int, documentFrequencies: [Int]) {
        let total = Double(articleCount)
        inverseDocumentFrequencies = documentFrequencies.map { matched in
            let n = Double(min(matched, articleCount))
            return log(1 + (total - n + 0.5) / (n + 0.5))
        }
    }

    /// The weight one matching row adds to its article's term frequency.
    static func weight(of field: SearchIndex.Field) -> Int {
        field == .headline ? headlineWeight : 1
    }

    /// The score of a document whose term frequencies are `frequencies` (per term, same order).
    /// Summed in term order, so equal inputs give the same bits.
    func score(_ frequencies: [Int]) -> Double {
        var score = 0.0
        for (idf, frequency) in zip(inverseDocumentFrequencies, frequencies) where frequency > 0 {
            let f = Double(frequency)
            score += idf * f * (Self.k1 + 1) / (f + Self.k1)
        }
        return score
    }
}
