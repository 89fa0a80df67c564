#!/usr/bin/env python3
"""Times searches, filtered listings, deep pages and the NDJSON export against a running server.

Usage: measure-search.py HOST:PORT [--runs 30] [--pid PID] [--walk-pages 200]

For each request below: the median, 95th percentile and maximum time from sending the request to
reading the whole response, over --runs runs on one keep-alive connection, and the listing's
`total`. Then a walk through --walk-pages pages of 20 (newest first, and by relevance) following
`Link: rel="next"`, with the time of its first and last page, which shows whether a page costs more
the deeper it is. Then the NDJSON export of every article: bytes, seconds, and, with --pid (the
server's process id), the server's resident memory before, at its highest during, and after it.

Other work on the machine skews the figures: compare runs made one after the other.
"""

import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse

REQUESTS = [
    ("newest first, no filter", "/v1/articles"),
    ("common word, relevance", "/v1/articles?q=said&sort=relevance"),
    ("common word, newest first", "/v1/articles?q=said&sort=-publishedAt"),
    ("rarer word", "/v1/articles?q=drought"),
    ("two words", "/v1/articles?q=minister+election"),
    ("phrase", "/v1/articles?q=%22prime+minister%22"),
    ("prefix", "/v1/articles?q=elect*"),
    ("OR", "/v1/articles?q=drought+OR+flood"),
    ("exclusion", "/v1/articles?q=minister+-election"),
    ("search + filters", "/v1/articles?q=minister&hasCaptions=true&from=2015-01-01&entityType=PERSON"),
    ("filters only", "/v1/articles?hasCaptions=false&from=2015-01-01&to=2019-12-31"),
    ("/v1/search, common word", "/v1/search?q=said"),
    ("/v1/search, phrase", "/v1/search?q=%22prime+minister%22"),
    ("entities, most mentioned", "/v1/entities"),
    ("entities, autocomplete", "/v1/entities?q=ma"),
    ("entities by name", "/v1/entities?sort=name"),
    ("captions", "/v1/captions"),
    ("captions, search", "/v1/captions?q=photo"),
]


def fetch(connection, target, headers=None):
    started = time.perf_counter()
    connection.request("GET", target, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    return time.perf_counter() - started, response, body


def summary(times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return f"median {statistics.median(times) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  max {times[-1] * 1000:7.1f} ms"


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("server", metavar="HOST:PORT")
    arguments.add_argument("--runs", type=int, default=30)
    arguments.add_argument("--pid", type=int, help="the server's process id, to sample its memory during the export")
    arguments.add_argument("--walk-pages", type=int, default=200)
    options = arguments.parse_args()
    host, port = options.server.rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=600)

    for label, target in REQUESTS:
        times = []
        for _ in range(options.runs):
            elapsed, response, body = fetch(connection, target)
            if response.status != 200:
                raise SystemExit(f"{target}: {response.status} {body[:300]!r}")
            times.append(elapsed)
        total = json.loads(body).get("total")
        print(f"{label:32} {summary(times)}  total {total}")

    for label, target in [("walk, newest first", "/v1/articles?limit=20"), ("walk, relevance", "/v1/articles?limit=20&q=said&sort=relevance")]:
        times, pages = [], 0
        while target and pages < options.walk_pages:
            elapsed, response, body = fetch(connection, target)
            times.append(elapsed)
            pages += 1
            link = response.getheader("Link")
            target = link[1:link.index(">")] if link else None
        print(f"{label:32} {pages} pages: first {times[0] * 1000:.1f} ms, last {times[-1] * 1000:.1f} ms, {summary(times)}")

    samples = []
    stop = threading.Event()
    if options.pid:
        def sample():
            while not stop.is_set():
                samples.append(resident_kib(options.pid))
                time.sleep(0.05)
        before = resident_kib(options.pid)
        sampler = threading.Thread(target=sample)
        sampler.start()
    started = time.perf_counter()
    connection.request("GET", "/v1/articles", headers={"Accept": "application/x-ndjson"})
    response = connection.getresponse()
    size, lines = 0, 0
    while chunk := response.read(1 << 16):
        size += len(chunk)
        lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    memory = ""
    if options.pid:
        stop.set()
        sampler.join()
        memory = f"; server RSS {before / 1024:.0f} MiB before, {max(samples) / 1024:.0f} MiB at most, {resident_kib(options.pid) / 1024:.0f} MiB after"
    print(f"{'NDJSON export':32} {lines} articles, {size / 1048576:.1f} MiB in {elapsed:.1f} s ({size / 1048576 / elapsed:.1f} MiB/s){memory}")


if __name__ == "__main__":
    main()
