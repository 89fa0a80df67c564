#!/usr/bin/env python3
"""The server's CPU time (user + system, from /proc/PID/stat) per request, over N requests on one
keep-alive connection, and the wall-clock time per request as the client saw it.

Usage: cpu-per-request.py HOST:PORT PID TARGETS N

TARGETS is a file of request targets, one per line, drawn at random (make-paths.py writes them),
or a single target such as /v1/health. 50 requests warm the connection first. CPU time counts only
the server's own work, so it moves much less than wall-clock time when other work shares the
machine; still, alternate between the servers being compared and take medians.
"""
import http.client, os, random, sys, time

server, pid, targets, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
host, port = server.rsplit(":", 1)
lines = [line.strip() for line in open(targets) if line.strip()] if os.path.exists(targets) else [targets]
random.seed(5)
connection = http.client.HTTPConnection(host, int(port))


def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def get():
    connection.request("GET", random.choice(lines))
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{response.status} from {server}")


for _ in range(50):
    get()
cpu, wall = cpu_seconds(), time.perf_counter()
for _ in range(count):
    get()
cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
print(f"{os.path.basename(targets):28} {server}: {1e6 * cpu / count:8.0f} us CPU/request, {1e6 * wall / count:8.0f} us wall/request")
