#!/usr/bin/env bash
# Builds the RequestParser fuzzer with libFuzzer and AddressSanitizer and runs it.
# Usage: Tests/Fuzz/run.sh [SECONDS [LIBFUZZER-FLAGS...]]   (default 60; CI runs it briefly with a fixed -seed)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# libFuzzer and AddressSanitizer report crashes themselves; the Swift backtracer would only get in their way.
export SWIFT_BACKTRACE=enable=no
seconds="${1:-60}"
out="$root/.build-fuzz"
mkdir -p "$out/corpus"
sources=(RequestParser HTTPParserError HTTPStatus RequestHead HTTPFields HTTPMethod HTTPVersion RequestTarget)
files=()
for name in "${sources[@]}"; do files+=("$root/Sources/HTTPServer/$name.swift"); done
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name HTTPServer \
    "${files[@]}" "$root/Tests/Fuzz/RequestParserFuzz.swift" -o "$out/request-parser-fuzzer"
# New inputs go to the scratch corpus; the committed seeds stay small and read-only.
"$out/request-parser-fuzzer" "$out/corpus" "$root/Tests/Fuzz/corpus" \
    -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=1024 -timeout=5 -print_final_stats=1 "${@:2}"
