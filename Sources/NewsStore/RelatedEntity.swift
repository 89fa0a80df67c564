import NewsIngest

/// An entity mentioned in the same articles as another one.
///
/// JSON: `{"id", "name", "type", "count", "articleIds": [Int]}`.
public struct RelatedEntity: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    /// Number of articles that mention both entities.
    public var count: Int
    /// Evidence: some of those articles, newest first, at most ``RelatedEntity/evidenceLimit``;
    /// `count` says how many there are in all.
    public var articleIds: [Int64]

    /// The most article ids listed as evidence.
    public static let evidenceLimit = 10

    public init(id: Int64, name: String, type: EntityType, count: Int, articleIds: [Int64]) {
        self.id = id
        self.name = name
        self.type = type
        self.count = count
        self.articleIds = articleIds
    }
}
