-- Cheaper writes for bulk ingest, with the same answers to every read.
--
-- 1. The search index is written by the article writer, not by insert triggers.
--
--    In SQLite 3.40 (Debian 12's), a statement that fires a trigger runs in a statement
--    transaction, and FTS5 writes its pending index data to disk as a new segment whenever a
--    statement transaction opens (xSavepoint). With one trigger per paragraph, every paragraph
--    became a segment of its own that automerge then merged again: 80 % of the time spent storing
--    paragraphs. ArticleWriter now inserts the search rows itself, after everything else of the
--    transaction, with the same rowids (`(article_id << 24) | (kind << 22) | position`) and texts,
--    so one transaction makes a segment or a few. The UPDATE and DELETE triggers of
--    0004_search.sql stay: the index still follows every update and delete, by whoever writes
--    (reparse, edits, ON DELETE CASCADE, the sqlite3 shell). A writer that INSERTs articles,
--    paragraphs or captions by hand must add their search rows too (see SearchIndex.swift).
--
-- 2. An entity's aliases are counted in `entity_aliases` instead of grouped from `mention_spans`.
--
--    Reading aliases grouped every span of an entity (slow for popular entities), and the two
--    indexes that served it and the alias autocomplete, (entity_id, text) and (text COLLATE
--    NOCASE, entity_id), took an insert at a random place for each of ~80 spans per article.
--    `entity_aliases` holds one row per entity and distinct span text with the number of spans:
--    exactly what `SELECT entity_id, text, COUNT(*) FROM mention_spans GROUP BY entity_id, text`
--    gives, never a row with count 0. The article writer adds the counts of the spans it inserts,
--    in the same transaction; triggers subtract deleted spans (reparse, article deletes, entity
--    deletes, all through ON DELETE CASCADE) and move updated ones (entity merges).
--
-- 3. `mention_spans` is rebuilt with its foreign key on its mention, (article_id, entity_id), in
--    place of one on the article and one on the entity: a span belongs to a mention, deleting an
--    article or an entity still deletes its spans (through its mentions), and the only index the
--    table needs is the one by article, which inserts append to. Rows keep their rowids, so spans
--    read back in the same order. Its CHECK constraints say the same with = instead of IN.

DROP TRIGGER search_article_inserted;
DROP TRIGGER search_paragraph_inserted;
DROP TRIGGER search_caption_inserted;

CREATE TABLE mention_spans_0005 (
    article_id INTEGER NOT NULL,
    entity_id  INTEGER NOT NULL,
    -- The same checks as before, with = and OR: SQLite builds a temporary table for each row that
    -- evaluates `IN (list)` in a CHECK constraint, which cost a third of a span insert.
    section    TEXT    NOT NULL
        CHECK (section = 'headline' OR section = 'dateline' OR section = 'caption' OR section = 'paragraph'),
    position   INTEGER
        CHECK ((position IS NOT NULL) = (section = 'caption' OR section = 'paragraph') AND (position IS NULL OR position >= 0)),
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    text       TEXT    NOT NULL CHECK (text <> ''),
    role       TEXT,
    FOREIGN KEY (article_id, entity_id) REFERENCES mentions (article_id, entity_id) ON DELETE CASCADE
) STRICT;

INSERT INTO mention_spans_0005 (rowid, article_id, entity_id, section, position, start, "end", text, role)
    SELECT rowid, article_id, entity_id, section, position, start, "end", text, role FROM mention_spans ORDER BY rowid;
-- Takes mention_spans_by_article, mention_spans_by_entity and mention_spans_by_text_nocase with it.
DROP TABLE mention_spans;
ALTER TABLE mention_spans_0005 RENAME TO mention_spans;

-- An article's spans, grouped by entity, in the order they are read back; also finds the spans of
-- a mention for ON DELETE CASCADE and for entity merges.
CREATE INDEX mention_spans_by_article ON mention_spans (article_id, entity_id);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    -- A span's text, as written in the article.
    text      TEXT    NOT NULL CHECK (text <> ''),
    -- Spans of the entity with this text, over all articles.
    count     INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (entity_id, text)
) STRICT, WITHOUT ROWID;

-- Entity autocomplete and the entityName filter compare aliases case-insensitively (ASCII
-- letters), by equality or by prefix range.
CREATE INDEX entity_aliases_by_text_nocase ON entity_aliases (text COLLATE NOCASE, entity_id);

INSERT INTO entity_aliases (entity_id, text, count)
    SELECT entity_id, text, COUNT(*) FROM mention_spans GROUP BY entity_id, text;

CREATE TRIGGER entity_aliases_span_deleted AFTER DELETE ON mention_spans BEGIN
    DELETE FROM entity_aliases WHERE entity_id = old.entity_id AND text = old.text AND count = 1;
    UPDATE entity_aliases SET count = count - 1 WHERE entity_id = old.entity_id AND text = old.text;
END;

CREATE TRIGGER entity_aliases_span_updated AFTER UPDATE OF entity_id, text ON mention_spans
WHEN old.entity_id IS NOT new.entity_id OR old.text IS NOT new.text BEGIN
    DELETE FROM entity_aliases WHERE entity_id = old.entity_id AND text = old.text AND count = 1;
    UPDATE entity_aliases SET count = count - 1 WHERE entity_id = old.entity_id AND text = old.text;
    INSERT INTO entity_aliases (entity_id, text, count) VALUES (new.entity_id, new.text, 1)
        ON CONFLICT (entity_id, text) DO UPDATE SET count = count + 1;
END;
