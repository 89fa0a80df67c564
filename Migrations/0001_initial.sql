-- Initial schema of the news store.
--
-- Applied once by GRDB's DatabaseMigrator, inside its transaction, identified by this
-- file name. Never edit an applied migration: add a later-numbered file instead.
--
-- Dates are ISO 8601 text: calendar days as YYYY-MM-DD, instants as YYYY-MM-DDTHH:MM:SSZ (UTC),
-- so that text order is chronological order.

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    headline     TEXT    NOT NULL,
    published_at TEXT
        CHECK (published_at IS NULL OR published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    dateline     TEXT,
    byline       TEXT,
    -- The normalised document text (NewsDocument.text), kept so an article can be re-parsed.
    raw_text     TEXT    NOT NULL,
    -- Lower-case hex SHA-256 of raw_text's UTF-8 bytes: the identity used to skip duplicate uploads.
    sha256       TEXT    NOT NULL UNIQUE
        CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    created_at   TEXT    NOT NULL
        CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
) STRICT;

-- Newest first listing. In SQLite NULL sorts lowest, so DESC already puts undated articles last.
CREATE INDEX articles_newest_first ON articles (published_at DESC, id DESC);

CREATE TABLE paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- 0-based order within the article.
    position   INTEGER NOT NULL CHECK (position >= 0),
    text       TEXT    NOT NULL,
    PRIMARY KEY (article_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE captions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- 0-based order within the article.
    position      INTEGER NOT NULL CHECK (position >= 0),
    text          TEXT    NOT NULL,
    is_file_photo INTEGER NOT NULL CHECK (is_file_photo IN (0, 1)),
    date          TEXT
        CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    place         TEXT
) STRICT;

-- Captions of one article in order; also serves caption counts per article.
CREATE UNIQUE INDEX captions_by_article ON captions (article_id, position);

CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL CHECK (name <> ''),
    type TEXT    NOT NULL CHECK (type IN ('PERSON', 'GPE', 'LOC', 'ORG', 'NORP')),
    UNIQUE (name, type)
) STRICT;

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    -- Mentions of the entity in the article.
    count      INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (article_id, entity_id)
) STRICT, WITHOUT ROWID;

-- Articles of one entity, and per-entity totals, without scanning all mentions.
CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id, count);
