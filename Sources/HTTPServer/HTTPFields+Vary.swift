extension HTTPFields {
    /// Adds `name` to the `Vary` list (RFC 9110 §12.5.5) unless it is there already or the list is `*`,
    /// joining the list onto one field line.
    public mutating func addVary(_ name: String) {
        let listed = listElements(for: "Vary")
        guard !listed.contains(where: { $0 == "*" || $0.equalsIgnoringASCIICase(name) }) else { return }
        set("Vary", (listed.map(String.init) + [name]).joined(separator: ", "))
    }
}
