#!/usr/bin/env bash
# Startup A/B of what a user runs: `./kiji serve --demo` from several checkouts (each with its own
# target/kiji.jar and start-up cache), started in turn on an existing demo folder each, so that all
# see the same machine load.
#
#   git worktree add /tmp/kiji-base <baseline-commit> && (cd /tmp/kiji-base && ./mvnw -q -B -DskipTests package)
#   bench/startup/ab-launcher.sh 8 /tmp/kiji-base .
#
# Per checkout: two untimed starts (the launcher's training run writes the cache, the demo folder
# is filled), then N timed starts interleaved with the others'. Prints each start (ms to the first
# 200 on /, the JVM's CPU ms from /proc/PID/stat), then per checkout every wall and CPU figure and
# their medians, with the load average.
set -uo pipefail
N="$1"; shift
PORT="${PORT:-18495}"
work="$(mktemp -d /tmp/kiji-ab-launcher.XXXXXX)"
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start() { # checkout data -> "wall_ms cpu_ms"
  local t0 pid t1 cpu
  t0="$(date +%s%3N)"
  "$1/kiji" serve --demo --data "$2" --host 127.0.0.1 --port "$PORT" >"$work/server.log" 2>&1 &
  pid=$!   # ./kiji execs java: the same pid
  until_first_200 "$PORT" "$pid" "$work/server.log"
  t1="$(date +%s%3N)"
  cpu="$(cpu_ms "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null
  echo "$((t1 - t0)) $cpu"
}

dirs=()
for d in "$@"; do dirs+=("$(cd "$d" && pwd)"); done
for i in "${!dirs[@]}"; do start "${dirs[$i]}" "$work/data-$i" >/dev/null; start "${dirs[$i]}" "$work/data-$i" >/dev/null; done
for _ in $(seq 1 "$N"); do
  for i in "${!dirs[@]}"; do
    r="$(start "${dirs[$i]}" "$work/data-$i")"
    echo "$i $r" >>"$work/runs"
    echo "${dirs[$i]} (commit $(git -C "${dirs[$i]}" rev-parse --short HEAD 2>/dev/null)): $r"
    sleep 0.5
  done
done
for i in "${!dirs[@]}"; do
  walls="$(awk -v i="$i" '$1 == i {print $2}' "$work/runs")"; cpus="$(awk -v i="$i" '$1 == i {print $3}' "$work/runs")"
  printf '%s: wall %s ms (median %s), cpu %s ms (median %s)\n' "${dirs[$i]}" "$(echo $walls)" "$(echo "$walls" | median)" \
    "$(echo $cpus)" "$(echo "$cpus" | median)"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
