#!/usr/bin/env bash
# Load with a fault, against a server this script starts on loopback:
# wrk with 256 connections for 30 s on /v1/health while another client keeps opening
# connections, asking for an article and resetting them mid-response. Passes when wrk
# saw no errors or non-2xx answers and, afterwards, no descriptor leaked and memory
# settled near its idle level.
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
fds() { ls "/proc/$server/fd" | wc -l; }
# Warm up once so the idle figures include what the first requests allocate for good.
wrk -t2 -c64 -d2s "http://127.0.0.1:$port/v1/health" >/dev/null
sleep 1
idle_rss=$(rss); idle_fds=$(fds)

python3 - "$port" "$seconds" >"$work/resets.txt" <<'PY' &
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
resetter=$!
wrk -t2 -c256 -d"${seconds}s" --latency "http://127.0.0.1:$port/v1/health" >"$work/wrk.txt"
wait "$resetter"
sleep 2
after_rss=$(rss); after_fds=$(fds)

requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt"); non2xx=${non2xx:-0}
errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.txt"); errors=${errors:-0}
resets=$(cat "$work/resets.txt")

echo "| measure | value |"
echo "|---|---|"
echo "| wrk requests (256 connections, ${seconds} s) | $requests ($rps/s, p50 $p50, p99 $p99) |"
echo "| wrk non-2xx / socket errors | $non2xx / $errors |"
echo "| connections reset mid-response meanwhile | $resets |"
echo "| open descriptors idle / after | $idle_fds / $after_fds |"
echo "| resident memory idle / after | ${idle_rss} KiB / ${after_rss} KiB |"

passed=0; failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "failed: $*"; fi; }
check [ "$non2xx" -eq 0 ]
check [ "$errors" -eq 0 ]
check [ "$after_fds" -le "$idle_fds" ]
# glibc keeps some freed memory in its arenas; allow 16 MiB over idle, far below any leak over this run.
check [ "$after_rss" -le $((idle_rss + 16384)) ]
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
