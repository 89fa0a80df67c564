import Foundation
internal import GRDB

/// Edits and deletes stored articles inside a write transaction the caller owns.
struct ArticleEditor {
    let db: Database

    /// Sets the edited fields and adds them to `edited_fields`, so a reparse keeps them.
    ///
    /// - Returns: false when no article has this id.
    /// - Throws: `DatabaseError` (a CHECK violation, say); the caller's transaction then rolls back.
    func edit(_ id: Int64, _ edit: ArticleEdit) throws -> Bool {
        guard let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT edited_fields FROM articles WHERE id = ?"),
                                               arguments: [id]) else { return false }
        let assignments = edit.assignments
        guard !assignments.isEmpty else { return true }
        var edited = Set(try ArticleEditor.decodeFields(stored))
        edited.formUnion(assignments.map(\.column))
        // Column names come from ArticleEdit's fixed list, never from the request.
        let sets = assignments.map { "\($0.column) = ?" }.joined(separator: ", ")
        var arguments = StatementArguments(assignments.map(\.value))
        arguments += [try ArticleEditor.encodeFields(edited.sorted()), id]
        try db.execute(sql: "UPDATE articles SET \(sets), edited_fields = ? WHERE id = ?", arguments: arguments)
        return true
    }

    /// Deletes the article; its paragraphs, captions, mentions and spans go with it (ON DELETE
    /// CASCADE), and so do entities that no other article mentions, so that counts stay exact.
    ///
    /// - Returns: false when no article has this id.
    func delete(_ id: Int64) throws -> Bool {
        let entities = try Int64.fetchAll(db.cachedStatement(sql: "SELECT entity_id FROM mentions WHERE article_id = ?"),
                                          arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [id])
        guard db.changesCount > 0 else { return false }
        try ArticleWriter(db: db).deleteOrphanedEntities(entities)
        return true
    }

    /// The columns named in `edited_fields`.
    static func decodeFields(_ json: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    static func encodeFields(_ fields: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
    }
}
