internal import GRDB
import NewsIngest

/// Renames and merges entities inside a write transaction the caller owns.
struct EntityEditor {
    let db: Database

    private struct Identity: Equatable {
        let name: String
        let type: String
    }

    private func identity(of id: Int64) throws -> Identity? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT name, type FROM entities WHERE id = ?"), arguments: [id])
            .map { Identity(name: $0["name"], type: $0["type"]) }
    }

    func edit(_ id: Int64, _ edit: EntityEdit) throws -> EntityEditOutcome {
        guard let old = try identity(of: id) else { return .notFound }
        let new = Identity(name: edit.name ?? old.name, type: edit.type?.rawValue ?? old.type)
        guard new != old else { return .edited }
        if let other = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entities WHERE name = ? AND type = ? AND id <> ?"),
                                          arguments: [new.name, new.type, id]) {
            return .conflict(existingID: other)
        }
        try db.cachedStatement(sql: "UPDATE entities SET name = ?, type = ? WHERE id = ?").execute(arguments: [new.name, new.type, id])
        // The new name is this entity's own now, whatever it stood for before.
        try db.cachedStatement(sql: "DELETE FROM entity_redirects WHERE name = ? AND type = ?").execute(arguments: [new.name, new.type])
        try redirect(old, to: id)
        return .edited
    }

    /// Moves every mention and mention span (the aliases) of `source` to `target`, adding up the counts
    /// of articles that mention both, then deletes `source`; its name and type then lead to `target`.
    func merge(_ source: Int64, into target: Int64) throws -> EntityMergeOutcome {
        guard let sourceIdentity = try identity(of: source) else { return .sourceNotFound }
        guard try identity(of: target) != nil else { return .targetNotFound }
        guard source != target else { return .sameEntity }
        // The WHERE clause also keeps SQLite from reading ON CONFLICT as a join constraint.
        try db.execute(sql: """
            INSERT INTO mentions (article_id, entity_id, count)
            SELECT article_id, ?1, count FROM mentions WHERE entity_id = ?2
            ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count
            """, arguments: [target, source])
        // Spans move before the mentions they belong to are deleted, which would delete them too; found
        // through the source's mentions, as spans are indexed by article. A trigger moves the aliases.
        try db.execute(sql: """
            UPDATE mention_spans SET entity_id = ?1
            WHERE article_id IN (SELECT article_id FROM mentions WHERE entity_id = ?2) AND entity_id = ?2
            """, arguments: [target, source])
        try db.execute(sql: "DELETE FROM mentions WHERE entity_id = ?", arguments: [source])
        try db.execute(sql: "UPDATE entity_redirects SET entity_id = ? WHERE entity_id = ?", arguments: [target, source])
        try db.execute(sql: "DELETE FROM entities WHERE id = ?", arguments: [source])
        try redirect(sourceIdentity, to: target)
        return .merged
    }

    private func redirect(_ identity: Identity, to id: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO entity_redirects (name, type, entity_id) VALUES (?, ?, ?)
            ON CONFLICT (name, type) DO UPDATE SET entity_id = excluded.entity_id
            """).execute(arguments: [identity.name, identity.type, id])
    }
}
