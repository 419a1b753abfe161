#!/usr/bin/env bash
# Startup A/B: CPU to the first page of several builds, each with its own AOT cache (JDK 25+),
# started in turn on an existing demo folder, so that all see the same machine load.
#
#   bench/startup/ab.sh 6 /tmp/before.jar target/kiji.jar
#
# Per build: one start on a fresh folder (migrations, demo content), one training start that
# writes the AOT cache (serves / and an article, then SIGTERM), then N timed starts interleaved
# with the other builds'. Reports medians of: wall time to the first 200 on /, the JVM's CPU
# time (all threads, from /proc/PID/stat) and the main thread's, with the load average.
set -uo pipefail
N="$1"; shift
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
PORT="${PORT:-18611}"
work="$(mktemp -d /tmp/kiji-ab.XXXXXX)"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run() { # build-index java-opts...
  local b="$1"; shift
  local jar="${jars[$b]}" t0 pid t1 cpu main
  t0="$(date +%s%3N)"
  "$JAVA" -Xmx256m "$@" --enable-native-access=ALL-UNNAMED -jar "$jar" serve --demo --data "$work/data-$b" \
    --host 127.0.0.1 --port "$PORT" >"$work/server-$b.log" 2>&1 &
  pid=$!
  until_first_200 "$PORT" "$pid" "$work/server-$b.log"
  t1="$(date +%s%3N)"
  cpu="$(cpu_ms "$pid")"
  main="$(for t in /proc/"$pid"/task/*; do [ "$(cat "$t/comm" 2>/dev/null)" = java ] && [ "${t##*/}" != "$pid" ] && awk '{print ($14 + $15) * 10}' "$t/stat"; done | sort -n | tail -1)"
  echo "$((t1 - t0)) $cpu $main"
  if [ -n "${TRAIN:-}" ]; then curl -s -o /dev/null "http://127.0.0.1:$PORT/docs/mod/000001.html"; fi
  kill "$pid"; wait "$pid" 2>/dev/null
}

jars=("$@")
for b in "${!jars[@]}"; do
  run "$b" >/dev/null
  TRAIN=1 run "$b" -XX:AOTCacheOutput="$work/$b.aot" -Xlog:aot=off -Xlog:cds=off >/dev/null
  for _ in $(seq 1 120); do [ -s "$work/$b.aot" ] && break; sleep 0.5; done
  [ -s "$work/$b.aot" ] || { echo "no AOT cache written for ${jars[$b]} (see $work/server-$b.log)" >&2; exit 1; }
done
for _ in $(seq 1 "$N"); do
  for b in "${!jars[@]}"; do run "$b" -XX:AOTCache="$work/$b.aot" -Xlog:aot=off -Xlog:cds=off >>"$work/runs-$b"; done
done
for b in "${!jars[@]}"; do
  printf '%-40s wall %5s ms  cpu %5s ms  main thread %5s ms   (cpu: %s)\n' "${jars[$b]}" \
    "$(cut -d' ' -f1 "$work/runs-$b" | median)" "$(cut -d' ' -f2 "$work/runs-$b" | median)" \
    "$(cut -d' ' -f3 "$work/runs-$b" | median)" "$(cut -d' ' -f2 "$work/runs-$b" | tr '\n' ' ')"
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg); logs: $work"
