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
        let lines = fields.values(for: "If-None-Match")
        guard !lines.isEmpty else { return nil }
        var tags: [EntityTag] = []
        for line in lines {
            let value = line.trimmingOWS()
            if value == "*" {
                self = .any
                return
            }
            var rest = value.utf8[...]
            while true {
                while let first = rest.first, first == UInt8(ascii: ",") || first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                    rest = rest.dropFirst()
                }
                if rest.isEmpty { break }
                guard let tag = EntityTag.scan(&rest) else { return nil }
                tags.append(tag)
            }
        }
        guard !tags.isEmpty else { return nil }
        self = .tags(tags)
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
