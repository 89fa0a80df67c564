#!/usr/bin/env python3
"""Counts the instructions `newsapi serve` executes per request, under valgrind's callgrind.

Usage: count-instructions.py NEWSAPI DB PATH [--requests 300] [--out FILE]

Starts NEWSAPI (a release build) under `valgrind --tool=callgrind` on DB, sends one warm-up
request, zeroes the counters, sends --requests GETs of PATH over one keep-alive connection
(`{n}` in PATH becomes 1, 2, ... cycling through 1..1000, for random-ish ids), dumps the
counters and prints the total and the instructions per request. The dump (`--out`, default
callgrind.out.newsapi) opens with `callgrind_annotate --inclusive=yes FILE`.

Instruction counts do not depend on what else the machine is doing, so two builds can be
compared on a busy machine where requests per second cannot. Every thread is counted: the
I/O threads, the handler and the database reads. valgrind 3.19 cannot read the debug
information of Swift 6.3 binaries, so the binary is copied without it first (`objcopy
--strip-debug`); function names come from the symbol table and stay readable.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def connect(port, deadline):
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", "/v1/health")
            response = connection.getresponse()
            response.read()
            return connection
        except OSError:
            if time.time() > deadline:
                raise SystemExit("the server did not answer /v1/health within 5 minutes")
            time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("newsapi")
    parser.add_argument("db")
    parser.add_argument("path", help="request target, e.g. /v1/health or /v1/articles/{n}")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--out", default="callgrind.out.newsapi")
    args = parser.parse_args()
    for tool in ("valgrind", "callgrind_control", "callgrind_annotate", "objcopy"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install valgrind binutils)")

    with tempfile.TemporaryDirectory(prefix="newsapi-callgrind-") as work:
        binary = os.path.join(work, "newsapi")
        subprocess.run(["objcopy", "--strip-debug", args.newsapi, binary], check=True)
        seeds = os.path.join(work, "no-seeds")
        os.mkdir(seeds)
        port = free_port()
        dump = os.path.join(work, "callgrind.out")
        log = open(os.path.join(work, "server.log"), "w")
        server = subprocess.Popen(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={dump}", binary, "serve", "--db", args.db,
             "--seeds", seeds, "--no-access-log", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT)
        try:
            connection = connect(port, time.time() + 300)
            subprocess.run(["callgrind_control", "-z", str(server.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for index in range(args.requests):
                connection.request("GET", args.path.replace("{n}", str(1 + index % 1000)))
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    raise SystemExit(f"{args.path}: status {response.status}")
            subprocess.run(["callgrind_control", "-d", str(server.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=120)
            log.close()
        # The explicit dump is part 1; the part written at exit holds only the shutdown.
        parts = sorted(name for name in os.listdir(work) if name.startswith("callgrind.out."))
        if not parts:
            raise SystemExit("callgrind wrote no dump; see the server log:\n" + open(log.name).read()[-2000:])
        shutil.copy(os.path.join(work, parts[0]), args.out)

    summary = subprocess.run(["callgrind_annotate", args.out], capture_output=True, text=True).stdout
    match = re.search(r"^([\d,]+) .*PROGRAM TOTALS", summary, re.MULTILINE)
    total = int(match.group(1).replace(",", ""))
    print(f"{args.path}: {total:,} instructions for {args.requests} requests, "
          f"{total // args.requests:,} per request ({args.out})")


if __name__ == "__main__":
    sys.exit(main())
