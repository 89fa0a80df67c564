#!/usr/bin/env python3
"""Writes the request targets that run.sh draws from, for one running server and its database.

Usage: make-paths.py HOST:PORT DATABASE PREFIX

PREFIX.pages: every page of GET /v1/articles?limit=20, first to last, following Link: rel="next"
(so a random line is a keyset page at a random depth); PREFIX.ids: 2,000 random /v1/articles/{id};
PREFIX.entities: /v1/entities/{id} of the 20 entities mentioned in the most articles.
"""
import json, random, sqlite3, sys, urllib.request

server, database, prefix = sys.argv[1:4]
pages = ["/v1/articles?limit=20"]
while True:
    response = urllib.request.urlopen(f"http://{server}{pages[-1]}")
    response.read()
    link = response.headers.get("Link")
    if not link:
        break
    pages.append(link[1:link.index(">")])
db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
last = db.execute("SELECT MAX(id) FROM articles").fetchone()[0]
random.seed(1)
top = [row[0] for row in db.execute("SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY COUNT(*) DESC LIMIT 20")]
for suffix, lines in [("pages", pages), ("ids", [f"/v1/articles/{random.randint(1, last)}" for _ in range(2000)]),
                      ("entities", [f"/v1/entities/{entity}" for entity in top])]:
    with open(f"{prefix}.{suffix}", "w") as out:
        out.write("\n".join(lines) + "\n")
print(f"{len(pages)} pages, {last} articles, top entities {top[:5]}")
