internal import GRDB

/// Reads pages of search hits across articles and captions, best first, inside a read transaction
/// the caller owns.
///
/// An article is a hit when its headline and paragraphs together match the query (each clause in
/// some row, no exclusion in any); a caption is a hit when its own text matches it. So an article
/// found only through a photo caption appears once, as that caption. Articles and captions are
/// scored alike (``RelevanceScorer``), a caption as a one-row document, and ranked together; ties
/// put articles first, then lower ids.
struct SearchReader {
    let db: Database

    private static let articleFields: Set<SearchIndex.Field> = [.headline, .paragraph]

    /// The order of a hit: best score first, then articles before captions, then lower ids
    /// (article id, or for a caption its row in the index, which is unique and never reused).
    private struct Rank: Comparable {
        let score: Double
        let kind: Int64
        let id: Int64

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
            return lhs.id < rhs.id
        }
    }

    /// One page after `key` (from the start when nil).
    ///
    /// - Throws: ``ListingError/invalidPageKey`` for a key of another shape; `DatabaseError`.
    func page(_ query: SearchQuery, limit: Int, after key: PageKey?) throws -> Page<SearchHit> {
        try SearchIndex.translatingErrors {
            var watermark = try Watermark.current(in: db)
            var after: Rank?
            if let key {
                guard key.parts.count == 4, case .real(let score) = key.parts[1], case .integer(let kind) = key.parts[2],
                      case .integer(let id) = key.parts[3] else { throw ListingError.invalidPageKey }
                watermark = try Watermark.read(key)
                after = Rank(score: score, kind: kind, id: id)
            }
            // The article index answers per article; `search` would yield a row per matching paragraph.
            let matching = try ArticleSearchIndex.isCurrent(db) ? ArticleSearchIndex.matchingArticles(query, in: Self.articleFields)
                : SearchIndex.matchingArticles(query, in: Self.articleFields)
            let articles = Set(try Int64.fetchAll(db, SQLRequest<Int64>(literal: matching)))
            let captions = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM search WHERE search MATCH ?"),
                                                  arguments: [SearchIndex.expression(query.expression, in: [.caption])]))
            let matches = try TermMatches(query.terms, in: db, watermark: watermark, articles: articles,
                                          fields: Self.articleFields, captions: captions)
            var ranked = articles.map { Rank(score: matches.score(article: $0), kind: 0, id: $0) }
                + captions.map { Rank(score: matches.score(caption: $0), kind: 1, id: $0) }
            if let after { ranked.removeAll { $0 <= after } }
            ranked.sort()
            let pageRanks = Array(ranked.prefix(limit))
            let next = ranked.count > limit ? pageRanks.last.map {
                PageKey([.integer(watermark), .real($0.score), .integer($0.kind), .integer($0.id)])
            } : nil
            return Page(data: try hits(pageRanks, query: query), total: articles.count + captions.count, limit: limit, next: next)
        }
    }

    /// The hits for ranked ids, with their article's headline and date and an excerpt.
    private func hits(_ ranks: [Rank], query: SearchQuery) throws -> [SearchHit] {
        let anyTerm = query.terms.map(\.expression).joined(separator: " OR ")
        let articleIDs = ranks.map { $0.kind == 0 ? $0.id : SearchIndex.article(ofRow: $0.id) }
        let summaries = Dictionary(try ArticleListing(db: db).summaries(ids: articleIDs).map { ($0.id, $0) }) { first, _ in first }
        return try ranks.compactMap { rank -> SearchHit? in
            if rank.kind == 0 {
                guard let summary = summaries[rank.id] else { return nil }
                let best = try Highlights.bestRow(of: rank.id, in: Self.articleFields, matching: anyTerm, in: db)
                // Every hit article has a matching headline or paragraph; the fallback only guards the impossible.
                let rowid = best?.rowid ?? SearchIndex.rowid(article: rank.id, field: .headline, position: 0)
                let field = SearchIndex.field(ofRow: rowid)
                return SearchHit(
                    type: .article, articleId: rank.id, captionId: nil, headline: summary.headline, publishedAt: summary.publishedAt,
                    field: field == .headline ? .headline : .paragraph,
                    position: field == .headline ? nil : SearchIndex.position(ofRow: rowid),
                    highlights: best?.html ?? Highlights.html(fromSnippet: summary.headline))
            }
            let article = SearchIndex.article(ofRow: rank.id)
            let position = SearchIndex.position(ofRow: rank.id)
            guard let summary = summaries[article],
                  let captionID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM captions WHERE article_id = ? AND position = ?"),
                                                     arguments: [article, position]) else { return nil }
            let excerpt = try Highlights.excerpt(ofRow: rank.id, matching: SearchIndex.expression(anyTerm, in: [.caption]), in: db)
            return SearchHit(
                type: .caption, articleId: article, captionId: captionID, headline: summary.headline, publishedAt: summary.publishedAt,
                field: .caption, position: position, highlights: excerpt ?? "")
        }
    }
}
