#!/usr/bin/env python3
"""Measures the server's peak memory for one large batch upload.

Usage: measure-upload.py NEWSAPI CORPUS [--mib 50] [--json] [--chunked] [--query '?atomic=false']

Writes the first --mib MiB of the documents under CORPUS (made by generate-corpus.py, taken in name
order) as one NDJSON batch (or, with --json, one JSON array), starts `NEWSAPI serve` under
`/usr/bin/time -v` on a fresh database in a temporary folder (the bundled seed stored), uploads the
batch once with curl, then stops the server with SIGTERM and prints: the server's VmHWM (peak resident
memory, from /proc) when idle and after the upload, time's "Maximum resident set size", the HTTP
status, and how long the upload took to be answered.
"""

import argparse
import json
import os
import signal
import subprocess
import tempfile
import time

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds")


def write_batch(corpus, path, limit, as_array):
    """The first `limit` bytes' worth of whole documents, one item each; returns (items, bytes)."""
    items = size = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write("[" if as_array else "")
        for root, folders, files in sorted(os.walk(corpus)):
            folders.sort()
            for name in sorted(files):
                with open(os.path.join(root, name), encoding="utf-8") as document:
                    item = json.dumps({"text": document.read()})
                piece = ((",\n" if items else "") + item) if as_array else item + "\n"
                if size + len(piece.encode()) + 2 > limit:
                    out.write("]\n" if as_array else "")
                    return items, size
                out.write(piece)
                items += 1
                size += len(piece.encode())
        out.write("]\n" if as_array else "")
    return items, size


def vmhwm(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(line.split(":")[1].strip() for line in status if line.startswith("VmHWM"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("newsapi")
    parser.add_argument("corpus")
    parser.add_argument("--mib", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="send a JSON array instead of NDJSON")
    parser.add_argument("--chunked", action="store_true", help="send with Transfer-Encoding: chunked")
    parser.add_argument("--query", default="", help="appended to /v1/articles/batch, e.g. ?atomic=false")
    parser.add_argument("--port", type=int, default=18181)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        batch = os.path.join(work, "batch.json" if args.json else "batch.ndjson")
        items, size = write_batch(args.corpus, batch, args.mib * 1024 * 1024, args.json)
        print(f"batch: {items} documents, {size} bytes, {'JSON array' if args.json else 'NDJSON'}")
        log = open(os.path.join(work, "serve.log"), "w+")
        timing = os.path.join(work, "time.txt")
        with open(timing, "w") as timing_file:
            server = subprocess.Popen(
                ["/usr/bin/time", "-v", args.newsapi, "serve", "--port", str(args.port), "--db", os.path.join(work, "news.sqlite"),
                 "--seeds", SEEDS, "--no-access-log"], stdout=log, stderr=timing_file)
        for _ in range(200):
            log.seek(0)
            if "listening" in log.read():
                break
            time.sleep(0.1)
        # /usr/bin/time does not pass signals on, so the server, its only child, is the one to stop.
        pid = int(subprocess.check_output(["pgrep", "-P", str(server.pid)]).split()[0])
        print(f"idle:   VmHWM {vmhwm(pid)}")
        command = ["curl", "-s", "-o", os.path.join(work, "response"), "-w", "%{http_code}", "-X", "POST",
                   f"http://127.0.0.1:{args.port}/v1/articles/batch{args.query}",
                   "-H", f"Content-Type: {'application/json' if args.json else 'application/x-ndjson'}",
                   "--data-binary", "@" + batch]
        if args.chunked:
            command += ["-H", "Transfer-Encoding: chunked"]
        started = time.monotonic()
        status = subprocess.run(command, capture_output=True, text=True).stdout
        elapsed = time.monotonic() - started
        print(f"upload: VmHWM {vmhwm(pid)}")
        os.kill(pid, signal.SIGTERM)
        server.wait()
        with open(timing) as timing_file:
            peak = next(line.strip() for line in timing_file if "Maximum resident" in line)
        print(f"/usr/bin/time -v: {peak}")
        with open(os.path.join(work, "response"), "rb") as response:
            head = response.read(100).decode("utf-8", "replace")
        print(f"HTTP {status} in {elapsed:.1f} s: {head}")


if __name__ == "__main__":
    main()
