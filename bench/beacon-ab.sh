#!/usr/bin/env bash
# A/B of Kiji builds on the beacon, with CPU per request beside req/s, for a shared machine.
#
#   [WARM=15] bench/beacon-ab.sh SECONDS JAR[@JVM-OPTIONS] ...
#   e.g. bench/beacon-ab.sh 8 /tmp/before.jar /tmp/after.jar /tmp/after.jar@'-Dx=1 -Dy=2'
#
# For each jar, back to back: a fresh Kiji (serve --demo, trusted proxy 127.0.0.1) and a fresh
# nginx answering 204 (bench/nginx-204.conf on another port); warm-up; then wrk -t2 -c64 with
# bench/views.lua against nginx, against Kiji's POST /api/views, and against a cached article
# page of Kiji. CPU per request = the server's user+sys time (/proc/PID/stat of the JVM, of
# nginx's workers) during that wrk run ÷ the requests wrk counted. When the load average is high,
# throughput says who got the cores; CPU per request says what a request costs.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:?seconds}"; shift
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
KPORT=18280; NPORT=18281
HZ=$(getconf CLK_TCK)
WORK="$(mktemp -d /tmp/kiji-beacon-ab.XXXXXX)"
KIJI_PID=""; NGINX_PID=""
stop() {
  [ -n "$KIJI_PID" ] && kill "$KIJI_PID" 2>/dev/null && wait "$KIJI_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  KIJI_PID=""; NGINX_PID=""
}
trap 'stop; rm -rf "$WORK"' EXIT

ticks() { # pids... -> utime+stime summed
  local t=0 p
  for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
measure() { # name url script pids... -> "rps p99 cpu_us_per_req"
  local name=$1 url=$2 script=$3; shift 3
  local before after out reqs rps p99
  before=$(ticks "$@")
  if [ -n "$script" ]; then out=$(wrk -t2 -c64 -d"${SECS}s" --latency -s "$script" "$url")
  else out=$(wrk -t2 -c64 -d"${SECS}s" --latency "$url"); fi
  after=$(ticks "$@")
  echo "$out" > "$WORK/$name.txt"
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "$rps $p99 $(awk -v t=$((after - before)) -v hz="$HZ" -v n="$reqs" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}') ${non2xx:-0}"
}

echo "| jar | load before | nginx 204 req/s, p99, CPU µs/req | Kiji beacon req/s, p99, CPU µs/req, non-2xx | ratio | Kiji article req/s, CPU µs/req | load after |"
echo "|---|---|---|---|---:|---|---|"
for ARG in "$@"; do
  JAR="${ARG%%@*}"; OPTS=""; [ "$ARG" != "$JAR" ] && OPTS="${ARG#*@}"
  rm -rf "$WORK/data" "$WORK/nginx"; mkdir -p "$WORK/nginx/tmp"
  "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED $OPTS -jar "$JAR" serve --demo --data "$WORK/data" \
    --host 127.0.0.1 --port $KPORT --trusted-proxies 127.0.0.1 > "$WORK/kiji.log" 2>&1 &
  KIJI_PID=$!
  sed "s/18081/$NPORT/" bench/nginx-204.conf > "$WORK/nginx.conf"
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx.conf" > "$WORK/nginx.log" 2>&1 &
  NGINX_PID=$!
  for _ in $(seq 1 600); do curl -sf http://127.0.0.1:$KPORT/api/ranking > /dev/null && break; sleep 0.2; done
  ARTICLE_ID=$(curl -s "http://127.0.0.1:$KPORT/api/articles?size=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  export ARTICLE_ID
  ARTICLE=$(curl -sf "http://127.0.0.1:$KPORT/" | grep -o 'href="/docs/[^"]*"' | head -1 | cut -d'"' -f2)
  sleep 0.3
  WORKERS=$(pgrep -P "$NGINX_PID" | tr '\n' ' ')
  LOAD0=$(cut -d' ' -f1 /proc/loadavg)
  wrk -t2 -c64 -d"${WARM:-15}s" -s bench/views.lua http://127.0.0.1:$KPORT > /dev/null   # JIT warm-up, not reported
  wrk -t2 -c64 -d"${SECS}s" "http://127.0.0.1:$KPORT$ARTICLE" > /dev/null
  read -r N_RPS N_P99 N_CPU _ <<< "$(measure nginx http://127.0.0.1:$NPORT bench/views.lua $WORKERS)"
  read -r K_RPS K_P99 K_CPU K_BAD <<< "$(measure kiji http://127.0.0.1:$KPORT bench/views.lua $KIJI_PID)"
  read -r A_RPS A_P99 A_CPU _ <<< "$(measure article "http://127.0.0.1:$KPORT$ARTICLE" "" $KIJI_PID)"
  RATIO=$(awk -v k="$K_RPS" -v n="$N_RPS" 'BEGIN {printf "%.2f", k / n}')
  echo "| $(basename "$JAR") $OPTS | $LOAD0 | $N_RPS, $N_P99, $N_CPU | $K_RPS, $K_P99, $K_CPU, $K_BAD | $RATIO | $A_RPS, $A_CPU | $(cut -d' ' -f1 /proc/loadavg) |"
  stop
done
