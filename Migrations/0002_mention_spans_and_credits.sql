-- Where each mention stands, photo credits, and which parser read each article.
--
-- Articles stored before this migration keep parser_version 0 and have no spans or credits
-- until `newsapi reparse` reads their raw_text again.

-- ArticleParser.version of the parser that produced the stored captions, paragraphs and mentions.
ALTER TABLE articles ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0 CHECK (parser_version >= 0);

-- The photo credit split off the caption text ("AP Photo/Jane Doe"), when the caption has one.
ALTER TABLE captions ADD COLUMN credit TEXT;

-- One row per mention. Offsets are UTF-16 code units into the mention's text: the headline, the
-- dateline, or the caption or paragraph at `position`. An entity's aliases are its distinct `text`s.
CREATE TABLE mention_spans (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    section    TEXT    NOT NULL CHECK (section IN ('headline', 'dateline', 'caption', 'paragraph')),
    position   INTEGER CHECK ((position IS NOT NULL) = (section IN ('caption', 'paragraph')) AND (position IS NULL OR position >= 0)),
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    text       TEXT    NOT NULL CHECK (text <> ''),
    role       TEXT
) STRICT;

-- An article's spans, grouped by entity, in the order they are read back.
CREATE INDEX mention_spans_by_article ON mention_spans (article_id, entity_id);
-- An entity's aliases and their counts across all articles.
CREATE INDEX mention_spans_by_entity ON mention_spans (entity_id, text);

-- Articles still to re-read after a parser change.
CREATE INDEX articles_by_parser_version ON articles (parser_version, id);
