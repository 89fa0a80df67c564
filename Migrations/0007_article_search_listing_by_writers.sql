-- Cheaper paragraph and caption inserts, with the same answers to every read.
--
-- 0006 lists an article in `article_search_pending` (after removing its row from `article_search`)
-- from BEFORE INSERT triggers on `paragraphs` and `captions`. They fire once per row, about twenty
-- times per article, and each time find the article listed already: a new article is listed by
-- `article_search_article_inserted`, and an article re-parsed by NewsStore is listed before its
-- parts are replaced. Running them took 17% of the time of storing 10,000 documents into a
-- database of 100,000 (21.2 s with them, 16.5 s without, together with the two triggers below that
-- 0006 also adds on mentions, which the drop of these two alone accounts for most of).
--
-- So, as 0005 did for the `search` rows: a writer that INSERTs paragraphs or captions of an article
-- that is already stored lists the article itself first, with the statements these triggers ran
-- (see ArticleSearchIndex.swift):
--
--     INSERT INTO article_search (article_search, rowid, headline, paragraph, caption)
--     SELECT 'delete', sort_key, headline, paragraph, caption FROM article_search_text
--     WHERE id = :id AND NOT EXISTS (SELECT 1 FROM article_search_pending WHERE article_id = :id);
--     INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (:id);
--
-- Inserting a new article with its parts needs nothing more, and every UPDATE and DELETE trigger
-- of 0006 stays: edits and deletes by any writer keep `article_search` exact as before.

DROP TRIGGER article_search_paragraph_inserting;
DROP TRIGGER article_search_caption_inserting;
