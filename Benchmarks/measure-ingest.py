#!/usr/bin/env python3
"""Times `newsapi ingest` over a corpus: parse alone (--dry-run) and parse + store into a fresh database.

Usage: measure-ingest.py NEWSAPI DIR [--runs 3] [--no-dry-run]

Runs each mode --runs times and prints, per run, wall-clock seconds, CPU seconds (user + system,
which shows how much of the machine the run used) and documents per second counted as the files
under DIR divided by the wall-clock time of the whole process (start-up, listing and, when storing,
migrating the fresh database included), then the median. The database is a new file in a
temporary folder for every run, removed afterwards.

Other work on the machine skews the figures: compare runs made one after the other, and look at the
load average printed first.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def count_files(folder):
    return sum(1 for _, _, files in os.walk(folder) for name in files if not name.startswith("."))


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # Exit status 1 only says that some file was rejected.
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    return wall, cpu, summary


def measure(label, make_command, runs, documents):
    rates = []
    for run in range(1, runs + 1):
        with tempfile.TemporaryDirectory(prefix="newsapi-measure-") as folder:
            wall, cpu, summary = timed(make_command(os.path.join(folder, "news.sqlite")))
        rates.append(documents / wall)
        print(f"  {label} run {run}: {wall:6.2f} s wall, {cpu:6.2f} s CPU, {documents / wall:7.0f} documents/s  | {summary}")
    print(f"{label}: median {statistics.median(rates):.0f} documents/s over {runs} runs")


def main():
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("newsapi", help="the newsapi binary (a release build)")
    arguments.add_argument("folder", metavar="DIR", help="the corpus, e.g. from generate-corpus.py")
    arguments.add_argument("--runs", type=int, default=3)
    arguments.add_argument("--no-dry-run", action="store_true", help="skip the parse-only runs (for builds without --dry-run)")
    options = arguments.parse_args()

    documents = count_files(options.folder)
    print(f"{documents:,} files in {options.folder}; load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    if not options.no_dry_run:
        measure("parse only", lambda db: [options.newsapi, "ingest", "--dry-run", options.folder], options.runs, documents)
    measure("parse + store", lambda db: [options.newsapi, "ingest", "--db", db, options.folder], options.runs, documents)


if __name__ == "__main__":
    main()
