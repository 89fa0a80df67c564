#!/usr/bin/env python3
"""Times the least work a store of a database's articles can cost: every table and full-text index
of `newsapi`'s schema filled from an existing database in one statement each, in one transaction.

Usage: measure-write-floor.py DB [--runs 3]

DB is a database `newsapi ingest` wrote (Benchmarks/.work/bench-100000.sqlite, say). Its rows are
copied into a fresh database in a temporary folder, one table or index at a time, and the CPU seconds
of each copy are printed with the milliseconds per article. No trigger, no per-row statement and no
parsing is counted, and each index is built in one go rather than merged from a segment per batch,
so the total is a floor: however the writer is arranged, SQLite spends at least this much of one
thread per article, because SQLite has one writer at a time. The last line turns it into the most
articles per second one writer thread could store.

The copies use the SQLite library Python's sqlite3 module was built with; the version is printed.
"""

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time

TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'"

# (label, statements run before the timed one, the timed statement), in the order ingest writes.
STEPS = [
    ("articles (raw text, unique sha256, covering index)",
     ["CREATE TABLE articles AS SELECT * FROM src.articles WHERE 0",
      "CREATE UNIQUE INDEX articles_sha256 ON articles (sha256)",
      "CREATE INDEX articles_listing ON articles (published_at DESC, id DESC, headline, dateline)"],
     "INSERT INTO articles SELECT * FROM src.articles"),
    ("paragraphs",
     ["CREATE TABLE paragraphs (article_id INTEGER NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,"
      " PRIMARY KEY (article_id, position)) STRICT, WITHOUT ROWID"],
     "INSERT INTO paragraphs SELECT article_id, position, text FROM src.paragraphs"),
    ("captions",
     ["CREATE TABLE captions AS SELECT * FROM src.captions WHERE 0",
      "CREATE UNIQUE INDEX captions_by_article ON captions (article_id, position)"],
     "INSERT INTO captions SELECT * FROM src.captions"),
    ("mentions and entity_articles",
     ["CREATE TABLE mentions (article_id INTEGER, entity_id INTEGER, count INTEGER,"
      " PRIMARY KEY (article_id, entity_id)) STRICT, WITHOUT ROWID",
      "CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id, count)",
      "CREATE TABLE entity_articles (entity_id INTEGER, sort_key INTEGER, PRIMARY KEY (entity_id, sort_key)) STRICT, WITHOUT ROWID"],
     "INSERT INTO mentions SELECT article_id, entity_id, count FROM src.mentions;"
     " INSERT INTO entity_articles SELECT entity_id, sort_key FROM src.entity_articles"),
    ("mention_spans",
     ["CREATE TABLE mention_spans AS SELECT * FROM src.mention_spans WHERE 0",
      "CREATE INDEX mention_spans_by_article ON mention_spans (article_id, entity_id)"],
     "INSERT INTO mention_spans SELECT * FROM src.mention_spans"),
    ("search: FTS5, a row per headline, paragraph and caption",
     [f"CREATE VIRTUAL TABLE search USING fts5(headline, paragraph, caption, {TOKENIZER})"],
     "INSERT INTO search (rowid, headline, paragraph, caption) SELECT rowid, headline, paragraph, caption FROM src.search"),
    ("article_search: FTS5, a row per article",
     [f"CREATE VIRTUAL TABLE article_search USING fts5(headline, paragraph, caption, content = '', {TOKENIZER})"],
     "INSERT INTO article_search (rowid, headline, paragraph, caption)"
     " SELECT sort_key, headline, paragraph, caption FROM src.article_search_text"),
]


def cpu_seconds():
    return time.process_time()


def one_run(source, folder, run):
    target = os.path.join(folder, f"floor-{run}.sqlite")
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA cache_size = -65536")
    db.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    # The source's pages are read once before timing, so every run reads from the page cache.
    for table in ("articles", "paragraphs", "captions", "mentions", "mention_spans", "search_content"):
        db.execute(f"SELECT count(*) FROM src.{table}").fetchone()
    figures = []
    for label, setup, timed in STEPS:
        for statement in setup:
            db.execute(statement)
        db.execute("BEGIN")
        started = cpu_seconds()
        for statement in timed.split(";"):
            db.execute(statement)
        db.execute("COMMIT")
        figures.append((label, cpu_seconds() - started))
    db.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    return figures


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("db", help="a database newsapi ingest wrote")
    arguments.add_argument("--runs", type=int, default=3)
    options = arguments.parse_args()
    if not os.path.isfile(options.db):
        sys.exit(f"{options.db}: no such database file")
    source = os.path.abspath(options.db)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as check:
        articles = check.execute("SELECT count(*) FROM articles").fetchone()[0]
    if articles == 0:
        sys.exit(f"{options.db}: no articles to copy")
    print(f"SQLite {sqlite3.sqlite_version}, {articles:,} articles from {options.db}, {options.runs} runs, median CPU seconds")
    runs = []
    with tempfile.TemporaryDirectory(prefix="newsapi-floor-") as folder:
        for run in range(options.runs):
            runs.append(one_run(source, folder, run))
    total = 0.0
    print(f"{'what is written':60} {'CPU s':>8} {'ms/article':>11}")
    for index, (label, _) in enumerate(runs[0]):
        seconds = statistics.median(run[index][1] for run in runs)
        total += seconds
        print(f"{label:60} {seconds:8.2f} {1000 * seconds / articles:11.3f}")
    print(f"{'all of it':60} {total:8.2f} {1000 * total / articles:11.3f}")
    print(f"one writer thread stores at most {articles / total:,.0f} articles per second with this schema")


if __name__ == "__main__":
    main()
