#!/usr/bin/env bash
# Load with a fault, against a server this script starts on loopback:
# wrk with 256 connections for 30 s on /v1/health while another client keeps opening
# connections, asking for an article and resetting them mid-response, run twice after a
# warm-up. Passes when wrk saw no errors or non-2xx answers, no descriptor leaked, and the
# second run did not grow memory (a leak would).
#
# Usage: Tests/Load/fault-load.sh [SECONDS] [NEWSAPI_BINARY]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-30}"
binary="${2:-$root/.build-release/release/newsapi}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
[ -x "$binary" ] || { echo "no binary at $binary: swift build -c release --scratch-path .build-release"; exit 1; }

work=$(mktemp -d)
port=18080
ulimit -n 65536 2>/dev/null || true
"$binary" serve --port "$port" --db "$work/news.sqlite" --seeds "$root/seeds" --no-access-log >"$work/serve.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do grep -q listening "$work/serve.log" && break; sleep 0.2; done

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
# Sockets only: the database pool opens reader connections (and their files) as load rises, which is growth, not a leak.
fds() { ls -l "/proc/$server/fd" | grep -c 'socket:'; }
resetter() {
    python3 - "$port" "$1" <<'PY'
import socket, struct, sys, time
port, seconds = int(sys.argv[1]), float(sys.argv[2])
end, resets = time.monotonic() + seconds, 0
while time.monotonic() < end:
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /v1/articles/1 HTTP/1.1\r\nHost: a\r\n\r\n" * 4)
    s.recv(100)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    resets += 1
print(resets)
PY
}
# Warm up with the same load for a while, so the idle figures include what the server keeps
# for good once busy: its database reader connections and the allocator's per-thread arenas.
resetter 15 >/dev/null &
warmup=$!
wrk -t2 -c256 -d5s "http://127.0.0.1:$port/v1/articles/1" >/dev/null
wrk -t2 -c256 -d10s "http://127.0.0.1:$port/v1/health" >/dev/null
wait "$warmup"
sleep 3
idle_rss=$(rss); idle_fds=$(fds)

run_fault_load() {
    resetter "$seconds" >"$work/resets$1.txt" &
    local resetting=$!
    wrk -t2 -c256 -d"${seconds}s" --latency "http://127.0.0.1:$port/v1/health" >"$work/wrk$1.txt"
    wait "$resetting"
    sleep 3
}
# Two identical runs: a leak grows with traffic, so the second run would raise memory again;
# allocator caching does not. Figures below are from the second run.
run_fault_load 1
first_rss=$(rss)
run_fault_load 2
after_rss=$(rss); after_fds=$(fds)

requests=$(awk '/requests in/ {print $1}' "$work/wrk2.txt")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk2.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk2.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk2.txt")
# Counted over both runs.
non2xx=$(cat "$work"/wrk[12].txt | awk '/Non-2xx/ {n += $5} END {print n + 0}')
errors=$(cat "$work"/wrk[12].txt | awk '/Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
resets=$(cat "$work"/resets[12].txt | awk '{n += $1} END {print n}')

echo "| measure | value |"
echo "|---|---|"
echo "| wrk requests, run 2 (256 connections, ${seconds} s) | $requests ($rps/s, p50 $p50, p99 $p99) |"
echo "| wrk non-2xx / socket errors, both runs | $non2xx / $errors |"
echo "| connections reset mid-response meanwhile, both runs | $resets |"
echo "| open sockets idle / after | $idle_fds / $after_fds |"
echo "| resident memory idle / after run 1 / after run 2 | ${idle_rss} / ${first_rss} / ${after_rss} KiB |"

passed=0; failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "failed: $*"; fi; }
check [ "$non2xx" -eq 0 ]
check [ "$errors" -eq 0 ]
check [ "$after_fds" -le "$idle_fds" ]
# The second run must not grow memory by more than 4 MiB: a leak of even 20 bytes per request
# would exceed that over the ~200,000 requests of a run.
check [ "$after_rss" -le $((first_rss + 4096)) ]
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
