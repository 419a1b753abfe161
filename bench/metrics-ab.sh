#!/usr/bin/env bash
# What the request metrics cost the fast lane: wrk -t2 -c64 on a cached article page, two
# builds alternated (A, B, A, B, …) so drift on a shared machine hits both alike.
#
#   bench/metrics-ab.sh BEFORE.jar AFTER.jar [seconds-per-run] [rounds]    (defaults 10 and 3)
#
# Each run starts the jar afresh (serve --demo, own temp folder, -Xmx256m), warms it 10 s, then
# measures. Prints one line per run and each jar's median req/s. Needs wrk and a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")/.."
A="${1:?before.jar}"; B="${2:?after.jar}"; SECS="${3:-10}"; ROUNDS="${4:-3}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PORT=18190
WORK="$(mktemp -d /tmp/kiji-metrics-ab.XXXXXX)"
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

run() { # JAR -> req/s
  rm -rf "$WORK/data"
  "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$1" serve --demo --data "$WORK/data" \
    --host 127.0.0.1 --port "$PORT" --base-url "http://127.0.0.1:$PORT" >"$WORK/kiji.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.2; done
  local article
  article="$(curl -sf "http://127.0.0.1:$PORT/" | grep -o 'href="/docs/[^"]*"' | head -1 | cut -d'"' -f2)"
  wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT$article" >/dev/null
  wrk -t2 -c64 -d"${SECS}s" "http://127.0.0.1:$PORT$article" | awk '/Requests\/sec/ {print $2}'
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
: >"$WORK/a"; : >"$WORK/b"
for round in $(seq 1 "$ROUNDS"); do
  a="$(run "$A")"; echo "round $round  A $A: $a req/s"; echo "$a" >>"$WORK/a"
  b="$(run "$B")"; echo "round $round  B $B: $b req/s"; echo "$b" >>"$WORK/b"
done
ma="$(median <"$WORK/a")"; mb="$(median <"$WORK/b")"
echo "median A: $ma req/s, median B: $mb req/s, B/A: $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.3f", b / a }')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
