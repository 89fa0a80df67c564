import NewsStore

extension NewsAPI {
    /// Runs a listing read of the store, turning its ``ListingError``s into the client's 400s.
    func readListing<Result>(_ read: () throws -> Result) throws -> Result {
        do {
            return try read()
        } catch ListingError.invalidPageKey {
            throw Parameters.cursorMismatch
        } catch ListingError.relevanceWithoutQuery {
            throw APIError.invalidParameter("sort", "-publishedAt or publishedAt when there is no `q`")
        } catch ListingError.unsearchable(let message) {
            // A defect in the query translation, not the client's fault; still not worth a 500.
            logger.warning("the full-text index refused a translated query: \(message)")
            throw APIError.invalidQuery("q", "the search index could not read it")
        }
    }
}
