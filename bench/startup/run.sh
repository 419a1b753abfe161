#!/usr/bin/env bash
# Startup to first served page, and the demo site under load in a 256 MB heap.
#
#   bench/startup/run.sh                 # 5 runs each: plain `java -jar`, CDS archive, AOT cache, ./kiji
#   RUNS=9 bench/startup/run.sh
#   JAR=/tmp/old-kiji.jar bench/startup/run.sh   # measure another build (e.g. the baseline)
#
# Startup: `java -Xmx256m -jar kiji.jar serve --demo --data TMP --port P` is started and `/` is
# polled with curl every 20 ms; the time from launch to the first 200 is reported (median
# of RUNS), on a fresh data folder (migrations + demo fill) and on an existing one. Wall time
# depends on what else the machine runs, so the JVM's own CPU time at that moment
# (user+sys from /proc) is reported beside it, with the load average.
# Load: wrk (apt-get install -y wrk) on / and on an article, 10 s each, 2 threads, 16 connections,
# with a GC log; reports requests/s, p99, peak RSS and whether an OutOfMemoryError occurred.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
RUNS="${RUNS:-5}"
PORT="${PORT:-18481}"
JAR="${JAR:-$here/target/kiji.jar}"
out="$(mktemp -d /tmp/kiji-bench.XXXXXX)"

for d in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -x "$d/bin/java" ] && "$d/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2,v,"."); exit !(v[1] >= 21)}'; then
    JAVA="$d/bin/java"; break
  fi
done
[ -n "${JAVA:-}" ] || { echo "no JDK >= 21 found" >&2; exit 1; }
if [ ! -f "$JAR" ]; then (export JAVA_HOME="$(dirname "$(dirname "$JAVA")")"; ./mvnw -q -B -DskipTests package); fi

. "$here/bench/startup/lib.sh"
now_ms() { date +%s%3N; }

# timed_start COMMAND... -> prints "wall_ms cpu_ms" from launch to the first 200 on /, leaves no process behind
timed_start() {
  local t0 pid t1 cpu
  t0="$(now_ms)"
  "$@" >"$out/server.log" 2>&1 &
  pid=$!   # ./kiji execs java: the same pid
  until_first_200 "$PORT" "$pid" "$out/server.log"
  t1="$(now_ms)"
  cpu="$(cpu_ms "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$((t1 - t0)) $cpu"
}

# one_start DATA_DIR EXTRA_JAVA_OPTS... -> prints "wall_ms cpu_ms"
one_start() {
  local data="$1"; shift
  timed_start "$JAVA" -Xmx256m "$@" -jar "$JAR" serve --demo --data "$data" --host 127.0.0.1 --port "$PORT"
}


# series LABEL EXTRA_JAVA_OPTS...
series() {
  local label="$1"; shift
  local fresh=() existing=() data r
  for i in $(seq 1 "$RUNS"); do
    data="$out/data-$label-$i"
    r="$(one_start "$data" "$@")"; fresh+=("$r")
    r="$(one_start "$data" "$@")"; existing+=("$r")
  done
  printf '%-28s fresh: wall %5s ms  cpu %5s ms   existing: wall %5s ms  cpu %5s ms   (load %s)\n' "$label" \
    "$(printf '%s\n' "${fresh[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${fresh[@]}" | cut -d' ' -f2 | median)" \
    "$(printf '%s\n' "${existing[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${existing[@]}" | cut -d' ' -f2 | median)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "JDK: $("$JAVA" -version 2>&1 | head -1); jar: $JAR; runs: $RUNS; cores: $(nproc)"
series "plain java -jar"
# What ./kiji serve does on JDK 21-24: a dynamic AppCDS archive, written when the first run exits.
cds="$out/kiji.jsa"
one_start "$out/data-cds-warmup" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$cds" >/dev/null
series "dynamic CDS archive" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$cds"
# What ./kiji serve does on JDK 25+: an AOT cache (JEP 483/514/515) from a first training run.
if "$JAVA" -XX:AOTCacheOutput="$out/probe.aot" -version >/dev/null 2>&1; then
  aot="$out/kiji.aot"
  one_start "$out/data-aot-training" -XX:AOTCacheOutput="$aot" >/dev/null
  for _ in $(seq 1 600); do [ -f "$aot" ] && break; sleep 0.5; done   # assembled as the training run exits
  series "AOT cache (JDK 25+)" -XX:AOTCache="$aot"
fi

# What a user runs: the launcher (JDK lookup, its own training run on the first start, -Xmx1g),
# only when the jar measured is this checkout's. Existing folder only: the fresh start of the
# first series is the same program.
if [ "$JAR" = "$here/target/kiji.jar" ]; then
  kiji_start() { timed_start ./kiji serve --demo --data "$1" --host 127.0.0.1 --port "$PORT"; }
  kiji_start "$out/data-kiji" >/dev/null   # fills the folder; trains the cache if the build has none
  runs=()
  for i in $(seq 1 "$RUNS"); do runs+=("$(kiji_start "$out/data-kiji")"); done
  printf '%-28s existing: wall %5s ms  cpu %5s ms   (load %s)\n' "./kiji serve (launcher)" \
    "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | median)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
fi

if command -v wrk >/dev/null 2>&1; then
  data="$out/data-load"
  "$JAVA" -Xmx256m -Xlog:gc:file="$out/gc.log" -jar "$JAR" serve --demo --data "$data" --host 127.0.0.1 --port "$PORT" >"$out/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.05; done
  article="$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'href="/docs/[^"]*"' | head -1 | cut -d'"' -f2)"
  for path in / "$article"; do
    wrk -t2 -c16 -d3s "http://127.0.0.1:$PORT$path" >/dev/null   # warm-up
    wrk -t2 -c16 -d10s --latency "http://127.0.0.1:$PORT$path" >"$out/wrk.txt"
    printf 'wrk %-24s %8s req/s   p50 %8s   p99 %8s   non-2xx: %s\n' "$path" \
      "$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")" "$(awk '$1 == "50%" {print $2}' "$out/wrk.txt")" \
      "$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")" "$(grep -c 'Non-2xx' "$out/wrk.txt" || true)"
  done
  echo "peak RSS: $(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status"); GC pauses: $(grep -c 'Pause' "$out/gc.log"); last heap: $(grep 'Pause' "$out/gc.log" | tail -1 | grep -o '[0-9]*M->[0-9]*M([0-9]*M)')"
  if grep -q OutOfMemoryError "$out/server.log" "$out/gc.log"; then echo "OutOfMemoryError: YES"; else echo "OutOfMemoryError: none"; fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
else
  echo "wrk not installed (apt-get install -y wrk): load test skipped"
fi
echo "logs: $out"
