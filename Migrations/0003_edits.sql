-- Edits made through the API (PATCH of an article or an entity, entity merges), kept so that reading
-- an article again with a newer parser (`newsapi reparse`), or uploading more articles, does not undo them.
--
-- Numbered before the search migration (0004), which indexes what exists when it runs.

-- The fields of an article set by hand, as a JSON array of column names ('headline', 'published_at',
-- 'dateline', 'byline'); a reparse leaves these columns as they are.
ALTER TABLE articles ADD COLUMN edited_fields TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(edited_fields) AND json_type(edited_fields) = 'array');

-- A name and type the parser may still produce, and the entity it now stands for: the old name and
-- type of a renamed entity, and those of an entity merged into another (and of any merged into it).
-- Storing an article looks here when no entity has the name and type itself.
CREATE TABLE entity_redirects (
    name      TEXT    NOT NULL CHECK (name <> ''),
    type      TEXT    NOT NULL CHECK (type IN ('PERSON', 'GPE', 'LOC', 'ORG', 'NORP')),
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (name, type)
) STRICT, WITHOUT ROWID;

-- Redirects to move along when their entity is merged, and to drop with it.
CREATE INDEX entity_redirects_by_entity ON entity_redirects (entity_id);
