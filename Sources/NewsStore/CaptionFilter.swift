/// Which captions a listing holds; every condition set must hold, an empty filter holds them all.
public struct CaptionFilter: Hashable, Sendable {
    /// Captions whose own text matches the query.
    public var search: SearchQuery?
    /// Archive photos (`FILE - ` captions) only (true), or none of them (false).
    public var isFilePhoto: Bool?
    /// Captions that mention every one of these entities.
    public var entityIDs: [Int64]

    public init(search: SearchQuery? = nil, isFilePhoto: Bool? = nil, entityIDs: [Int64] = []) {
        self.search = search
        self.isFilePhoto = isFilePhoto
        self.entityIDs = entityIDs
    }
}
