#!/usr/bin/env python3
"""Slow-client check against a running newsapi server (loopback only).

Opens N connections that trickle a request header one byte per second, and meanwhile
times a normal client's GET /v1/health every 0.2 s. Passes when every normal request
answers within the latency bound and the server closes every slow connection by its
header deadline (default 10 s, plus the check interval and some slack).

Usage: slow-clients.py HOST:PORT [--connections 200] [--deadline 10] [--bound-ms 100]
Prints a summary and 'N passed, N failed'; exits 1 on failure.
"""
import argparse
import socket
import time


def normal_request(host, port):
    start = time.monotonic()
    with socket.create_connection((host, port), timeout=2) as sock:
        sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    if not data.startswith(b"HTTP/1.1 200"):
        raise RuntimeError("normal request got %r" % data[:40])
    return (time.monotonic() - start) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--deadline", type=float, default=10.0)
    parser.add_argument("--bound-ms", type=float, default=100.0)
    args = parser.parse_args()
    host, port = args.address.rsplit(":", 1)
    port = int(port)
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback addresses only")

    request = b"GET /v1/health HTTP/1.1\r\nHost: a\r\nX-Trickle: " + b"x" * 64 + b"\r\n\r\n"
    slow = []
    for _ in range(args.connections):
        sock = socket.create_connection((host, port), timeout=2)
        sock.setblocking(False)
        slow.append({"sock": sock, "sent": 0, "closed_at": None, "status": None})
    opened = time.monotonic()
    latencies = []
    next_byte = opened
    give_up = opened + args.deadline + 5
    while time.monotonic() < give_up and any(s["closed_at"] is None for s in slow):
        now = time.monotonic()
        if now >= next_byte:
            for s in slow:
                if s["closed_at"] is None and s["sent"] < len(request):
                    try:
                        s["sock"].send(request[s["sent"]:s["sent"] + 1])
                        s["sent"] += 1
                    except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                        pass
            next_byte += 1.0
        for s in slow:
            if s["closed_at"] is not None:
                continue
            try:
                data = s["sock"].recv(65536)
            except BlockingIOError:
                continue
            except ConnectionResetError:
                data = b""
            if data and s["status"] is None:
                s["status"] = data[9:12].decode("latin-1")
            if not data:
                s["closed_at"] = time.monotonic() - opened
                s["sock"].close()
        latencies.append(normal_request(host, port))
        time.sleep(0.2)

    closed = [s for s in slow if s["closed_at"] is not None]
    statuses = sorted({s["status"] for s in closed if s["status"]})
    latest = max((s["closed_at"] for s in closed), default=float("nan"))
    worst = max(latencies) if latencies else float("nan")
    latencies.sort()
    p50 = latencies[len(latencies) // 2] if latencies else float("nan")
    print("slow connections: %d opened, %d closed by the server, last at %.1f s, statuses %s"
          % (len(slow), len(closed), latest, statuses))
    print("normal requests meanwhile: %d, p50 %.1f ms, max %.1f ms (bound %.0f ms)"
          % (len(latencies), p50, worst, args.bound_ms))
    checks = [
        len(closed) == len(slow),
        latest <= args.deadline + 2.0,
        statuses == ["408"],
        worst < args.bound_ms,
    ]
    passed = sum(checks)
    print("%d passed, %d failed" % (passed, len(checks) - passed))
    for s in slow:
        if s["closed_at"] is None:
            s["sock"].close()
    return 0 if passed == len(checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
