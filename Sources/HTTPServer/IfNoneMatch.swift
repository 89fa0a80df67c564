/// The `If-None-Match` precondition (RFC 9110 §13.1.2): the client already holds the
/// representations with these tags, or (`*`) any current representation at all.
public enum IfNoneMatch: Sendable, Equatable {
    /// `*`: any current representation.
    case any
    /// The tags listed, in order; duplicates and weak tags kept as sent.
    case tags([EntityTag])

    /// The precondition in `fields`, its field lines read as one list; nil when there is none,
    /// or when a line is not a tag list, since a condition the server cannot read must not
    /// turn a full answer into a 304.
    public init?(_ fields: HTTPFields) {
        guard let list = EntityTag.list(fields.values(for: "If-None-Match"), lenient: true) else { return nil }
        switch list {
        case .any: self = .any
        case .tags(let tags): self = .tags(tags)
        }
    }

    /// Whether the condition fails for a representation tagged `current`, by weak comparison:
    /// the client has it already, so a GET or HEAD is answered 304.
    public func matches(_ current: EntityTag) -> Bool {
        switch self {
        case .any: true
        case .tags(let tags): tags.contains { $0.weaklyMatches(current) }
        }
    }
}
