import HTTPServer

extension NewsAPI {
    /// What every response of the API passes through, in this order: `?pretty` indentation,
    /// then validators, gzip and 304 (``RepresentationFilter``, on the final bytes), then CORS
    /// (last, so that 304s and the server's own refusals carry it too).
    ///
    /// - Parameter cors: the origins browsers may read responses from.
    public static func responseFilters(cors: CORSFilter) -> [any ResponseFilter] {
        [PrettyJSONFilter(), RepresentationFilter(), cors]
    }
}
