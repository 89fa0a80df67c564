/// The `If-Match` precondition (RFC 9110 §13.1.1): change the resource only if its current
/// representation is one of these, or (`*`) if it has one at all. It keeps a client from
/// overwriting a change it has not seen.
public enum IfMatch: Sendable, Equatable {
    /// `*`: any current representation.
    case any
    /// The tags listed, compared strongly: a weak tag never passes.
    case tags([EntityTag])
    /// A value that is not `*` or a list of tags. It passes nothing, since a change must not go
    /// ahead on a condition the server cannot read; a route may rather answer it with a 400.
    case unreadable

    /// The precondition in `fields`, its field lines read as one list; nil when there is none.
    public init?(_ fields: HTTPFields) {
        let lines = fields.values(for: "If-Match")
        guard !lines.isEmpty else { return nil }
        switch EntityTag.list(lines) {
        case .any?: self = .any
        case .tags(let tags)?: self = .tags(tags)
        case nil: self = .unreadable
        }
    }

    /// Whether the change may go ahead on a resource whose current representations are tagged
    /// `current` (the same content uncoded and gzip-coded, say).
    public func passes(_ current: [EntityTag]) -> Bool {
        switch self {
        case .any: !current.isEmpty
        case .tags(let tags): tags.contains { tag in current.contains { tag.stronglyMatches($0) } }
        case .unreadable: false
        }
    }
}
