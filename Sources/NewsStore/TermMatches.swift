internal import GRDB

/// What each term of a search matches, read from the index in one pass per term, and the
/// collection statistics ``RelevanceScorer`` needs, taken over the articles up to a watermark id.
struct TermMatches {
    /// Per candidate article, per term (in ``SearchQuery/terms`` order): the rows of the counted
    /// fields that the term matches, the headline weighing ``RelevanceScorer/headlineWeight``.
    let articleFrequencies: [Int64: [Int]]
    /// Per candidate caption row, per term: 1 when the term matches the caption, else 0.
    let captionFrequencies: [Int64: [Int]]
    /// The scorer with the statistics of the articles up to the watermark.
    let scorer: RelevanceScorer

    /// - Parameters:
    ///   - watermark: the highest article id the statistics cover.
    ///   - articles: the articles to count term frequencies for, over rows of `fields`.
    ///   - captions: the caption rows (search rowids) to count term frequencies for.
    init(_ terms: [SearchQuery.Term], in db: Database, watermark: Int64, articles: Set<Int64>,
         fields: Set<SearchIndex.Field>, captions: Set<Int64> = []) throws {
        var articleFrequencies: [Int64: [Int]] = [:]
        var captionFrequencies: [Int64: [Int]] = [:]
        var documentFrequencies: [Int] = []
        for (index, term) in terms.enumerated() {
            var matchedArticles = 0
            var lastArticle: Int64 = -1
            try SearchIndex.forEachRow(matching: term, in: db) { rowid in
                let article = SearchIndex.article(ofRow: rowid)
                // Rows arrive in rowid order, so an article's rows are consecutive.
                if article != lastArticle {
                    lastArticle = article
                    if article <= watermark { matchedArticles += 1 }
                }
                let field = SearchIndex.field(ofRow: rowid)
                if fields.contains(field), articles.contains(article) {
                    articleFrequencies[article, default: Array(repeating: 0, count: terms.count)][index] += RelevanceScorer.weight(of: field)
                }
                if field == .caption, captions.contains(rowid) {
                    captionFrequencies[rowid, default: Array(repeating: 0, count: terms.count)][index] = 1
                }
            }
            documentFrequencies.append(matchedArticles)
        }
        // On a walk's first page the watermark is the newest article, and the kept count is the answer;
        // counting the ids up to it walks an index of every article.
        let articleCount = watermark >= (try Watermark.current(in: db))
            ? try ArticleListing.articleCount(in: db)
            : try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM articles WHERE id <= ?"), arguments: [watermark]) ?? 0
        self.articleFrequencies = articleFrequencies
        self.captionFrequencies = captionFrequencies
        scorer = RelevanceScorer(articleCount: articleCount, documentFrequencies: documentFrequencies)
    }

    /// The article's score; 0 for an article no term matched in the counted fields.
    func score(article: Int64) -> Double {
        articleFrequencies[article].map(scorer.score) ?? 0
    }

    /// The caption row's score, as a one-row document.
    func score(caption rowid: Int64) -> Double {
        captionFrequencies[rowid].map(scorer.score) ?? 0
    }
}
