-- Full-text search over headlines, paragraphs and captions, and the indexes that entity
-- autocomplete and keyset pagination read.
--
-- `search` holds one row per searchable text: an article's headline, one paragraph, or one
-- caption. Each row fills exactly one of the three columns, so a query can be narrowed to some
-- kinds of text with an FTS5 column filter, and snippet() always takes the column that is set.
--
-- The rowid says where the text comes from, so that triggers can find a row without a scan:
--
--     rowid = (article_id << 24) | (kind << 22) | position
--
-- (Parenthesised: SQLite gives << and | the same precedence, left to right.)
--
-- kind is 0 for the headline (position 0), 1 for a paragraph, 2 for a caption; position is the
-- paragraph's or caption's `position`, below 2^22 (a 5 MiB document has fewer blank-line
-- separated blocks than that); article ids stay below 2^39. So `rowid >> 24` is the article, and
-- an article's rows are the range [article_id << 24, (article_id + 1) << 24).
--
-- The tokenizer folds case and removes diacritics ("Bogota" finds "Bogotá"). There are no prefix
-- indexes (FTS5's `prefix` option): on a 20,000-document corpus, ones for 2- and 3-character
-- prefixes made the index 2.6 times as large (235 MiB instead of 91) and saved a few milliseconds
-- per prefix query; `word*` merges the entries of the words in range instead.
--
-- The triggers keep the index exact for every writer: ingest, `reparse` (which deletes and
-- re-inserts paragraphs and captions), and any later UPDATE or DELETE of articles, paragraphs or
-- captions, including rows deleted by ON DELETE CASCADE (cascades fire delete triggers).
-- Exception: INSERT OR REPLACE deletes the replaced row without firing delete triggers unless
-- recursive_triggers is on, so writers use UPSERT (ON CONFLICT DO UPDATE) or DELETE then INSERT.

CREATE VIRTUAL TABLE search USING fts5(
    headline,
    paragraph,
    caption,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Articles: the headline row.

CREATE TRIGGER search_article_inserted AFTER INSERT ON articles BEGIN
    INSERT INTO search (rowid, headline) VALUES (new.id << 24, new.headline);
END;

-- Re-tokenise only when the headline (or the id) really changes: `reparse` rewrites every article.
CREATE TRIGGER search_article_updated AFTER UPDATE OF id, headline ON articles
WHEN old.id IS NOT new.id OR old.headline IS NOT new.headline BEGIN
    DELETE FROM search WHERE rowid = old.id << 24;
    INSERT INTO search (rowid, headline) VALUES (new.id << 24, new.headline);
END;

CREATE TRIGGER search_article_deleted AFTER DELETE ON articles BEGIN
    DELETE FROM search WHERE rowid = old.id << 24;
END;

-- Paragraphs.

CREATE TRIGGER search_paragraph_inserted AFTER INSERT ON paragraphs BEGIN
    SELECT RAISE(ABORT, 'paragraph position too large for the search index') WHERE new.position >= 4194304;
    INSERT INTO search (rowid, paragraph) VALUES ((new.article_id << 24) | (1 << 22) | new.position, new.text);
END;

CREATE TRIGGER search_paragraph_updated AFTER UPDATE OF article_id, position, text ON paragraphs
WHEN old.article_id IS NOT new.article_id OR old.position IS NOT new.position OR old.text IS NOT new.text BEGIN
    SELECT RAISE(ABORT, 'paragraph position too large for the search index') WHERE new.position >= 4194304;
    DELETE FROM search WHERE rowid = (old.article_id << 24) | (1 << 22) | old.position;
    INSERT INTO search (rowid, paragraph) VALUES ((new.article_id << 24) | (1 << 22) | new.position, new.text);
END;

CREATE TRIGGER search_paragraph_deleted AFTER DELETE ON paragraphs BEGIN
    DELETE FROM search WHERE rowid = (old.article_id << 24) | (1 << 22) | old.position;
END;

-- Captions.

CREATE TRIGGER search_caption_inserted AFTER INSERT ON captions BEGIN
    SELECT RAISE(ABORT, 'caption position too large for the search index') WHERE new.position >= 4194304;
    INSERT INTO search (rowid, caption) VALUES ((new.article_id << 24) | (2 << 22) | new.position, new.text);
END;

CREATE TRIGGER search_caption_updated AFTER UPDATE OF article_id, position, text ON captions
WHEN old.article_id IS NOT new.article_id OR old.position IS NOT new.position OR old.text IS NOT new.text BEGIN
    SELECT RAISE(ABORT, 'caption position too large for the search index') WHERE new.position >= 4194304;
    DELETE FROM search WHERE rowid = (old.article_id << 24) | (2 << 22) | old.position;
    INSERT INTO search (rowid, caption) VALUES ((new.article_id << 24) | (2 << 22) | new.position, new.text);
END;

CREATE TRIGGER search_caption_deleted AFTER DELETE ON captions BEGIN
    DELETE FROM search WHERE rowid = (old.article_id << 24) | (2 << 22) | old.position;
END;

-- The rows stored before this migration.

INSERT INTO search (rowid, headline) SELECT id << 24, headline FROM articles;
INSERT INTO search (rowid, paragraph) SELECT (article_id << 24) | (1 << 22) | position, text FROM paragraphs;
INSERT INTO search (rowid, caption) SELECT (article_id << 24) | (2 << 22) | position, text FROM captions;

-- Entity autocomplete and the entityName filter compare names and aliases case-insensitively
-- (ASCII letters), by equality or by prefix range; these indexes serve both. The alias index
-- covers entity_id: a short prefix ("ma") matches tens of thousands of mentions, which would
-- otherwise each cost a look-up in the table.
CREATE INDEX entities_by_name_nocase ON entities (name COLLATE NOCASE);
CREATE INDEX mention_spans_by_text_nocase ON mention_spans (text COLLATE NOCASE, entity_id);
