#!/usr/bin/env bash
# What the request metrics cost the fast lane: wrk -t2 -c64 on a cached article page, two
# builds alternated (A B, B A, A B, …) so drift on a shared machine hits both alike.
#
#   bench/metrics-ab.sh BEFORE AFTER [seconds-per-run] [rounds]    (defaults 10 and 3)
#
# BEFORE and AFTER are jars, or git revisions, built (offline Maven, tests skipped) from a copy
# of that revision's tree: bench/metrics-ab.sh bbc4679 target/kiji.jar compares the build before
# the latency histogram with this one.
#
# Each run starts the jar afresh (serve --demo, own temp folder, -Xmx256m), warms it 10 s, then
# measures req/s and the server's CPU (user+sys) per request, which a busy shared machine
# disturbs less than req/s. Prints one line per run and each jar's medians. Needs wrk, a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")/.."
A="${1:?before.jar}"; B="${2:?after.jar}"; SECS="${3:-10}"; ROUNDS="${4:-3}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PORT=18190
WORK="$(mktemp -d /tmp/kiji-metrics-ab.XXXXXX)"
# runs happen in subshells: the server's pid is kept in a file for the cleanup
cleanup() { [ -f "$WORK/pid" ] && kill "$(cat "$WORK/pid")" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

jar_of() { # a jar, or a git revision to build one from
  if [ -f "$1" ]; then echo "$1"; return; fi
  local src="$WORK/src-$1"
  mkdir -p "$src"
  git archive "$1" | tar -x -C "$src"
  (cd "$src" && ./mvnw -B -o -q -DskipTests package >"$WORK/build-$1.log" 2>&1) || { echo "cannot build $1" >&2; exit 1; }
  echo "$src/target/kiji.jar"
}
A="$(jar_of "$A")"; B="$(jar_of "$B")"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() { # JAR -> "req/s µs-CPU-per-request"
  rm -rf "$WORK/data"
  "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$1" serve --demo --data "$WORK/data" \
    --host 127.0.0.1 --port "$PORT" --base-url "http://127.0.0.1:$PORT" >"$WORK/kiji.log" 2>&1 &
  PID=$!
  echo "$PID" >"$WORK/pid"
  local up=""
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && up=1 && break; sleep 0.2; done
  [ -n "$up" ] || { echo "Kiji ($1) did not start in 120 s; its log:" >&2; tail -20 "$WORK/kiji.log" >&2; exit 1; }
  local article
  article="$(curl -sf "http://127.0.0.1:$PORT/" | grep -o 'href="/docs/[^"]*"' | head -1 | cut -d'"' -f2)"
  wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT$article" >/dev/null
  local before after out
  before="$(cpu_ticks "$PID")"
  out="$(wrk -t2 -c64 -d"${SECS}s" "http://127.0.0.1:$PORT$article")"
  after="$(cpu_ticks "$PID")"
  echo "$out" | awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" '
    / requests in / {n = $1} /Requests\/sec/ {r = $2}
    END {printf "%s %.1f\n", r, t / hz * 1e6 / n}'
  kill "$PID"; wait "$PID" 2>/dev/null || true
  rm -f "$WORK/pid"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
: >"$WORK/a"; : >"$WORK/b"
one() { # a|b JAR ROUND
  local r c
  read -r r c < <(run "$2"); echo "round $3  ${1^^} $2: $r req/s, $c µs CPU/request"; echo "$r $c" >>"$WORK/$1"
}
for round in $(seq 1 "$ROUNDS"); do # A B, then B A: neither always runs second
  if [ $((round % 2)) -eq 1 ]; then one a "$A" "$round"; one b "$B" "$round"
  else one b "$B" "$round"; one a "$A" "$round"; fi
done
ra="$(cut -d' ' -f1 "$WORK/a" | median)"; rb="$(cut -d' ' -f1 "$WORK/b" | median)"
ca="$(cut -d' ' -f2 "$WORK/a" | median)"; cb="$(cut -d' ' -f2 "$WORK/b" | median)"
echo "median A: $ra req/s, $ca µs CPU/request"
echo "median B: $rb req/s, $cb µs CPU/request"
echo "B/A: req/s $(awk -v a="$ra" -v b="$rb" 'BEGIN { printf "%.3f", b / a }'), CPU/request $(awk -v a="$ca" -v b="$cb" 'BEGIN { printf "%.3f", b / a }')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
