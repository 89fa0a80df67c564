import NewsIngest
import NewsStore

/// Turns raw document bytes into stored articles: decode, parse, store.
///
/// Shared by the HTTP routes and the command line so both accept and reject
/// documents by the same rules.
public struct DocumentIntake: Sendable {
    public let store: NewsStore
    public let parser: ArticleParser

    public init(store: NewsStore, parser: ArticleParser = ArticleParser()) {
        self.store = store
        self.parser = parser
    }

    /// A document that decoded and parsed, ready to store.
    public struct Prepared: Sendable {
        public let document: NewsDocument
        public let article: ParsedArticle
    }

    /// Decodes and parses without touching the store.
    ///
    /// - Parameter encoding: what the sender declared; UTF-8 (the default) still falls back to Windows-1252.
    /// - Throws: ``IngestError`` when the bytes are not a news document.
    public func prepare(_ bytes: some Collection<UInt8>, encoding: DeclaredEncoding = .utf8) throws(IngestError) -> Prepared {
        let document = try NewsDocument(bytes: bytes, declaredEncoding: encoding)
        return Prepared(document: document, article: try parser.parse(document))
    }

    /// Decodes, parses and stores one document in one transaction.
    ///
    /// - Throws: ``IngestError`` for a rejected document (nothing stored), or the store's error.
    public func ingest(_ bytes: some Collection<UInt8>) throws -> StoreOutcome {
        let prepared = try prepare(bytes)
        return try store.store(prepared.document, prepared.article)
    }
}
