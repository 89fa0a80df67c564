import NewsIngest

/// Changes to an entity: a field left nil stays as it is.
///
/// The entity's old name and type keep pointing at it, so later uploads and `newsapi reparse`
/// that find the old name count it for this entity rather than create it again.
public struct EntityEdit: Hashable, Sendable {
    /// The new name; never empty.
    public var name: String?
    /// The new OntoNotes label.
    public var type: EntityType?

    public init(name: String? = nil, type: EntityType? = nil) {
        self.name = name
        self.type = type
    }
}

/// What ``NewsStore/editEntity(id:_:)`` did.
public enum EntityEditOutcome: Hashable, Sendable {
    case edited
    case notFound
    /// Another entity already has the requested name and type; nothing was changed. Merging into it
    /// (``NewsStore/mergeEntity(_:into:)``) is what unites the two.
    case conflict(existingID: Int64)
}

/// What ``NewsStore/mergeEntity(_:into:)`` did.
public enum EntityMergeOutcome: Hashable, Sendable {
    case merged
    case sourceNotFound
    case targetNotFound
    /// The source and the target are the same entity; nothing was changed.
    case sameEntity
}
