#!/bin/bash
# Times the read paths with wrk against running servers; see README, "Read performance".
#
# Usage: Benchmarks/reads/run.sh LABEL=HOST:PORT:PREFIX ...   (from the repository root)
#
# Each LABEL names a server and the PREFIX of the files make-paths.py wrote for its database. For
# each request kind, each server in the order given, one run of $SECONDS (default 8) seconds with
# one connection (latency) and with 64 (throughput): p50, p90, p99 and requests per second. Give
# servers to compare next to each other: runs alternate between them, which is what makes figures
# from a shared machine comparable.
seconds=${SECONDS_PER_RUN:-8}
here=$(dirname "$0")

run() { # label host:port connections target [ENV=VALUE...]
  local label=$1 server=$2 connections=$3 target=$4; shift 4
  local out
  if [[ $target == *.lua ]]; then
    out=$(env "$@" wrk -t1 -c"$connections" -d"${seconds}"s --latency -s "$target" "http://$server" 2>&1)
  else
    out=$(wrk -t1 -c"$connections" -d"${seconds}"s --latency "http://$server$target" 2>&1)
  fi
  local p50 p90 p99 rate errors
  p50=$(awk '/^ +50%/{print $2}' <<<"$out"); p90=$(awk '/^ +90%/{print $2}' <<<"$out"); p99=$(awk '/^ +99%/{print $2}' <<<"$out")
  rate=$(awk '/Requests\/sec/{print $2}' <<<"$out"); errors=$(awk '/Socket errors|Non-2xx/' <<<"$out" | tr -s ' ')
  printf "%-40s %-12s c%-3s p50 %9s p90 %9s p99 %9s %10s req/s %s\n" "$label" "$server" "$connections" "$p50" "$p90" "$p99" "$rate" "$errors"
}

for kind in "q=WORD:queries.lua:MODE=one" "q=WORD+WORD:queries.lua:MODE=two" "q=said:/v1/articles?q=said:" \
            "q uncached:uncached.lua:MODE=one" "q uncached, two words:uncached.lua:MODE=two" \
            "sort=relevance:queries.lua:MODE=relevance" "/v1/search:queries.lua:MODE=search" "/v1/search two words:queries.lua:MODE=search2" \
            "/v1/articles/{id}:paths.lua:ids" "keyset pages:paths.lua:pages" "/v1/entities/{id}, top 20:paths.lua:entities" "/v1/health:/v1/health:"; do
  IFS=: read -r name target setting <<<"$kind"
  for connections in 1 64; do
    for spec in "$@"; do
      IFS=: read -r label host port prefix <<<"${spec/=/:}"
      if [[ $target == paths.lua ]]; then
        run "$name [$label]" "$host:$port" "$connections" "$here/paths.lua" "PATHS=$prefix.$setting"
      elif [[ $target == *.lua ]]; then
        run "$name [$label]" "$host:$port" "$connections" "$here/$target" "$setting" "WORDS=$here/$([[ $target == uncached.lua ]] && echo common || echo words).txt"
      else
        run "$name [$label]" "$host:$port" "$connections" "$target"
      fi
    done
  done
done
