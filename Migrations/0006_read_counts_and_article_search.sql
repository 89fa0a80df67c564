-- Counts and indexes that keep the read paths as fast at 100,000 articles as at 1,000: each
-- replaces a scan that grew with the corpus (COUNT(*), GROUP BY, a sort of every match) by a
-- look-up or an index walk that stops after one page.
--
-- Numbered 0006 so that it runs after any 0005 migration of the store path; it reads only the
-- tables of 0001 to 0004.
--
-- Triggers keep everything here exact in the writing transaction, for every writer, with one
-- exception: rows of `article_search` are written by NewsStore at the end of each of its write
-- transactions (see `article_search_pending`).

-- An article's place in the newest-first order (publication day descending, undated last, ties by
-- highest id) as one integer, ascending in that order:
--
--     sort_key = ((99999999 - day) << 36) | (2^36 - 1 - id)
--
-- where day is published_at as the number YYYYMMDD (0 when undated). So the newest-first order is
-- ascending sort_key, and a page of it is a range. Text dates compare as these numbers do, so the
-- order is exactly that of `articles_newest_first_covering`. Ids must stay below 2^36 (checked below).
ALTER TABLE articles ADD COLUMN sort_key INTEGER GENERATED ALWAYS AS (
    ((99999999 - coalesce(CAST(replace(published_at, '-', '') AS INTEGER), 0)) << 36) | (68719476735 - id)
) VIRTUAL;

CREATE TRIGGER articles_id_bound AFTER INSERT ON articles WHEN new.id >= 68719476736 BEGIN
    SELECT RAISE(ABORT, 'article id too large for sort_key');
END;

-- The newest-first listing with what a listing shows of each article, so that a page is read from
-- this index alone: 21 consecutive entries rather than 21 look-ups in `articles`, whose rows (raw
-- text included) spread over hundreds of megabytes at 100,000 articles. It replaces
-- `articles_newest_first`, of which it is an extension, for every query that one served.
CREATE INDEX articles_newest_first_covering ON articles (published_at DESC, id DESC, headline, dateline);
DROP INDEX articles_newest_first;

-- The number of articles, for /v1/health and the total of an unfiltered listing: COUNT(*) walks a
-- whole index, on every health check.
CREATE TABLE article_count (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL CHECK (count >= 0)
) STRICT;

INSERT INTO article_count (id, count) SELECT 1, COUNT(*) FROM articles;

CREATE TRIGGER article_count_inserted AFTER INSERT ON articles BEGIN
    UPDATE article_count SET count = count + 1 WHERE id = 1;
END;

CREATE TRIGGER article_count_deleted AFTER DELETE ON articles BEGIN
    UPDATE article_count SET count = count - 1 WHERE id = 1;
END;

-- Per entity, the articles that mention it and the mentions summed over them, as GET
-- /v1/entities/{id} shows them. Counting `mentions` reads one index entry per article: tens of
-- thousands for the most mentioned entities. A row exists exactly while some article mentions the
-- entity.
CREATE TABLE entity_counts (
    entity_id     INTEGER PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
    article_count INTEGER NOT NULL CHECK (article_count > 0),
    mention_count INTEGER NOT NULL CHECK (mention_count > 0)
) STRICT;

INSERT INTO entity_counts (entity_id, article_count, mention_count)
SELECT entity_id, COUNT(*), SUM(count) FROM mentions GROUP BY entity_id;

-- UPSERTs on mentions fire these too: the insert trigger when a row is added, the update trigger
-- when ON CONFLICT DO UPDATE changes one.
CREATE TRIGGER entity_counts_mention_inserted AFTER INSERT ON mentions BEGIN
    INSERT INTO entity_counts (entity_id, article_count, mention_count) VALUES (new.entity_id, 1, new.count)
    ON CONFLICT (entity_id) DO UPDATE SET article_count = article_count + 1, mention_count = mention_count + excluded.mention_count;
END;

-- An UPDATE, not an UPSERT: when the entity itself is being deleted (ON DELETE CASCADE), its row
-- may be gone already, and must not come back.
CREATE TRIGGER entity_counts_mention_deleted AFTER DELETE ON mentions BEGIN
    DELETE FROM entity_counts WHERE entity_id = old.entity_id AND article_count = 1;
    UPDATE entity_counts SET article_count = article_count - 1, mention_count = mention_count - old.count
    WHERE entity_id = old.entity_id;
END;

CREATE TRIGGER entity_counts_mention_updated AFTER UPDATE OF article_id, entity_id, count ON mentions BEGIN
    DELETE FROM entity_counts WHERE entity_id = old.entity_id AND article_count = 1;
    UPDATE entity_counts SET article_count = article_count - 1, mention_count = mention_count - old.count
    WHERE entity_id = old.entity_id;
    INSERT INTO entity_counts (entity_id, article_count, mention_count) VALUES (new.entity_id, 1, new.count)
    ON CONFLICT (entity_id) DO UPDATE SET article_count = article_count + 1, mention_count = mention_count + excluded.mention_count;
END;

-- The articles of each entity in newest-first order: a page of an entity's articles is a range
-- here, where `mentions_by_entity` gives them in id order and every one had to be read and sorted
-- by date first. The article id is 2^36 - 1 - (sort_key & (2^36 - 1)).
CREATE TABLE entity_articles (
    entity_id INTEGER NOT NULL,
    sort_key  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, sort_key)
) STRICT, WITHOUT ROWID;

INSERT INTO entity_articles (entity_id, sort_key)
SELECT m.entity_id, a.sort_key FROM mentions m JOIN articles a ON a.id = m.article_id;

CREATE TRIGGER entity_articles_mention_inserted AFTER INSERT ON mentions BEGIN
    INSERT INTO entity_articles (entity_id, sort_key) SELECT new.entity_id, sort_key FROM articles WHERE id = new.article_id;
END;

-- When an article is deleted, its mentions go by ON DELETE CASCADE after its row, when its
-- sort_key can no longer be read: its rows here go first, while it can.
CREATE TRIGGER entity_articles_mention_deleted AFTER DELETE ON mentions BEGIN
    DELETE FROM entity_articles
    WHERE entity_id = old.entity_id AND sort_key = (SELECT sort_key FROM articles WHERE id = old.article_id);
END;

CREATE TRIGGER entity_articles_article_deleting BEFORE DELETE ON articles BEGIN
    DELETE FROM entity_articles
    WHERE (entity_id, sort_key) IN (SELECT entity_id, old.sort_key FROM mentions WHERE article_id = old.id);
END;

CREATE TRIGGER entity_articles_mention_updated AFTER UPDATE OF article_id, entity_id ON mentions
WHEN old.article_id IS NOT new.article_id OR old.entity_id IS NOT new.entity_id BEGIN
    DELETE FROM entity_articles
    WHERE entity_id = old.entity_id AND sort_key = (SELECT sort_key FROM articles WHERE id = old.article_id);
    INSERT INTO entity_articles (entity_id, sort_key) SELECT new.entity_id, sort_key FROM articles WHERE id = new.article_id;
END;

CREATE TRIGGER entity_articles_article_updated AFTER UPDATE OF id, published_at ON articles
WHEN old.sort_key IS NOT new.sort_key BEGIN
    DELETE FROM entity_articles
    WHERE (entity_id, sort_key) IN (SELECT entity_id, old.sort_key FROM mentions WHERE article_id IN (old.id, new.id));
    INSERT INTO entity_articles (entity_id, sort_key) SELECT entity_id, new.sort_key FROM mentions WHERE article_id = new.id;
END;

-- Full-text search with one row per article: its headline, its paragraphs and its captions, each
-- kind in its own column, under the article's sort_key as rowid. `search` (0004) has a row per
-- headline, paragraph and caption, which highlights and relevance need; but to find the articles
-- that match, it yields a row per matching paragraph (a common word matches about eleven per
-- article), and those had to be de-duplicated and sorted by date: over a million rows at 100,000
-- articles. Here FTS5 evaluates the whole query (AND, OR, NOT, phrases, prefixes) per article,
-- which is what an article listing filters on (every clause somewhere in the article, no
-- exclusion anywhere), and yields matching articles in rowid order, which is the newest-first
-- order: a page is the first rows after the cursor's sort_key, and reading stops there.
--
-- Paragraphs (and captions) are joined with a lone U+E000 between them. It is a token of its own
-- (the tokenizer keeps private-use characters), so a phrase cannot run from the end of one
-- paragraph into the next, just as it cannot cross rows of `search`. SearchQuery treats U+E000 as
-- a separator, so no query holds that token.
--
-- Contentless (content = ''): the text is in `articles`, `paragraphs` and `captions` already, and
-- another copy would add as much again. A contentless row is removed with the 'delete' command and
-- the values it was indexed with: `article_search_text` computes them, the same way for indexing
-- and for removal, and the triggers below remove a row BEFORE anything it was computed from
-- changes.
CREATE VIRTUAL TABLE article_search USING fts5(
    headline,
    paragraph,
    caption,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What an article is indexed with. group_concat joins paragraphs and captions in the order they
-- are read: by the primary key and by captions_by_article, both (article_id, position), so in
-- document order.
CREATE VIEW article_search_text (id, sort_key, headline, paragraph, caption) AS
SELECT a.id, a.sort_key, a.headline,
    (SELECT group_concat(p.text, char(10, 57344, 10)) FROM paragraphs p WHERE p.article_id = a.id),
    (SELECT group_concat(c.text, char(10, 57344, 10)) FROM captions c INDEXED BY captions_by_article WHERE c.article_id = a.id)
FROM articles a;

-- Articles whose row in `article_search` is missing or out of date: a write transaction lists an
-- article when it stores one, or when it changes its text or date (after removing its old row),
-- and NewsStore indexes every article listed here, and empties the table, before it commits. So
-- an article of 20 paragraphs is indexed once, not once per paragraph.
--
-- Readers find it empty, unless a writer other than NewsStore (the sqlite3 shell, say) changed
-- text; they then search `search`, which its triggers keep exact, until the next NewsStore write
-- catches up.
CREATE TABLE article_search_pending (
    article_id INTEGER PRIMARY KEY
) STRICT;

-- A number that changes whenever the set of rows of `article_search` may have changed, so that a
-- reader can keep what it counted there and know when the count is stale: the rows change only
-- with an article leaving `article_search_pending` (indexed again, or deleted), and each article
-- leaving it adds 1. A count kept with the generation it was made at is exact while the generation
-- is still the same (and no article is pending).
CREATE TABLE article_search_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
) STRICT;

INSERT INTO article_search_generation (id, generation) VALUES (1, 0);

CREATE TRIGGER article_search_generation_advanced AFTER DELETE ON article_search_pending BEGIN
    UPDATE article_search_generation SET generation = generation + 1 WHERE id = 1;
END;

-- Each trigger below, for the article whose text or date is about to change: removes the article's
-- row while the article is still what the row was indexed with, and lists it as pending; nothing
-- when it is pending already.

CREATE TRIGGER article_search_article_inserted AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (new.id);
END;

CREATE TRIGGER article_search_article_updating BEFORE UPDATE OF id, headline, published_at ON articles
WHEN (old.id IS NOT new.id OR old.headline IS NOT new.headline OR old.published_at IS NOT new.published_at)
    AND NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = old.id) BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text WHERE id = old.id;
    INSERT INTO article_search_pending (article_id) VALUES (old.id);
END;

CREATE TRIGGER article_search_article_updated AFTER UPDATE OF id ON articles WHEN old.id IS NOT new.id BEGIN
    INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (new.id);
END;

CREATE TRIGGER article_search_article_deleting BEFORE DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = old.id) BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text WHERE id = old.id;
    INSERT INTO article_search_pending (article_id) VALUES (old.id);
END;

CREATE TRIGGER article_search_paragraph_inserting BEFORE INSERT ON paragraphs
WHEN NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = new.article_id) BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text WHERE id = new.article_id;
    INSERT INTO article_search_pending (article_id) VALUES (new.article_id);
END;

CREATE TRIGGER article_search_paragraph_updating BEFORE UPDATE OF article_id, position, text ON paragraphs BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text
    WHERE id IN (old.article_id, new.article_id) AND id NOT IN (SELECT article_id FROM article_search_pending);
    INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (old.article_id), (new.article_id);
END;

CREATE TRIGGER article_search_paragraph_deleting BEFORE DELETE ON paragraphs
WHEN NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = old.article_id) BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text WHERE id = old.article_id;
    INSERT INTO article_search_pending (article_id) VALUES (old.article_id);
END;

CREATE TRIGGER article_search_caption_inserting BEFORE INSERT ON captions
WHEN NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = new.article_id) BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text WHERE id = new.article_id;
    INSERT INTO article_search_pending (article_id) VALUES (new.article_id);
END;

CREATE TRIGGER article_search_caption_updating BEFORE UPDATE OF article_id, position, text ON captions BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text
    WHERE id IN (old.article_id, new.article_id) AND id NOT IN (SELECT article_id FROM article_search_pending);
    INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (old.article_id), (new.article_id);
END;

CREATE TRIGGER article_search_caption_deleting BEFORE DELETE ON captions
WHEN NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = old.article_id) BEGIN
    INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
    SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text WHERE id = old.article_id;
    INSERT INTO article_search_pending (article_id) VALUES (old.article_id);
END;

-- The articles stored before this migration.
INSERT INTO article_search (rowid, headline, paragraph, caption)
SELECT sort_key, headline, paragraph, caption FROM article_search_text;
