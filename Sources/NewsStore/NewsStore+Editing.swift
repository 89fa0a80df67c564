internal import GRDB

/// Edits through the API: each call is ONE write transaction, so a failure changes nothing.
extension NewsStore {
    /// Sets the article's headline, date, dateline or byline as `edit` says.
    ///
    /// - Returns: false when no article has this id.
    /// - Throws: `DatabaseError`; nothing is then changed. (The schema takes any headline text: callers
    ///   refuse empty ones.)
    public func editArticle(id: Int64, _ edit: ArticleEdit) throws -> Bool {
        try write { db in try ArticleEditor(db: db).edit(id, edit) }
    }

    /// ``editArticle(id:_:)`` when `precondition`, given the article as stored in the same write
    /// transaction, returns true; nothing is changed otherwise. For `If-Match`: no other write can
    /// come between the check and the edit.
    ///
    /// - Throws: what `precondition` throws, or `DatabaseError`; nothing is then changed.
    public func editArticle(id: Int64, _ edit: ArticleEdit, if precondition: (ArticleDetail) throws -> Bool) throws -> ConditionalWrite {
        try write { db in
            guard let current = try ArticleReader(db: db).article(id: id) else { return .notFound }
            guard try precondition(current) else { return .preconditionFailed }
            return try ArticleEditor(db: db).edit(id, edit) ? .done : .notFound
        }
    }

    /// ``deleteArticle(id:)`` when `precondition`, given the article as stored in the same write
    /// transaction, returns true; nothing is deleted otherwise.
    ///
    /// - Throws: what `precondition` throws, or `DatabaseError`; nothing is then changed.
    public func deleteArticle(id: Int64, if precondition: (ArticleDetail) throws -> Bool) throws -> ConditionalWrite {
        try write { db in
            guard let current = try ArticleReader(db: db).article(id: id) else { return .notFound }
            guard try precondition(current) else { return .preconditionFailed }
            return try ArticleEditor(db: db).delete(id) ? .done : .notFound
        }
    }

    /// Deletes the article with everything stored of it, and the entities no other article mentions.
    ///
    /// - Returns: false when no article has this id.
    /// - Throws: `DatabaseError`.
    public func deleteArticle(id: Int64) throws -> Bool {
        try write { db in try ArticleEditor(db: db).delete(id) }
    }

    /// Renames the entity or changes its type; the old name and type keep leading to it.
    ///
    /// - Throws: `DatabaseError`.
    public func editEntity(id: Int64, _ edit: EntityEdit) throws -> EntityEditOutcome {
        try write { db in try EntityEditor(db: db).edit(id, edit) }
    }

    /// Merges the entity `source` into `target`: its mentions (counts added up where one article
    /// mentions both) and mention spans move to `target`, and `source` is deleted.
    ///
    /// - Throws: `DatabaseError`.
    public func mergeEntity(_ source: Int64, into target: Int64) throws -> EntityMergeOutcome {
        try write { db in try EntityEditor(db: db).merge(source, into: target) }
    }
}
