/// The order of the entity listing. Each ends with the entity id, so no two entities tie.
public enum EntityOrder: String, Hashable, Sendable, CaseIterable {
    /// Most mentions first (summed over articles), ties by name (binary), then id.
    case mostMentioned = "-mentions"
    /// By name, ignoring the case of ASCII letters, ties by id.
    case name
}
