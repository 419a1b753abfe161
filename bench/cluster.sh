#!/usr/bin/env bash
# Several Kiji nodes behind nginx, on one PostgreSQL: pages and beacons through the balancer to
# 1, 2 and 3 nodes, then a soak at half the measured beacon capacity with every node's resident
# memory each minute.
#
#   bench/cluster.sh [SECONDS-PER-RUN] [SOAK-SECONDS]      (defaults 15 and 600)
#
# Needs: Debian's postgresql, nginx and wrk (apt-get install postgresql nginx wrk), a JDK >= 21,
# target/kiji.jar (./mvnw -q -B -DskipTests package). Everything listens on 127.0.0.1 and is
# stopped at the end: a PostgreSQL cluster in a temp folder (port 15432, run as the postgres user),
# the nodes (ports 18301-18303, -Xmx512m, --trusted-proxies 127.0.0.1), nginx on 18300 with
# proxy_next_upstream as an operator would set it. On one 2-core machine the nodes, PostgreSQL,
# nginx and wrk share the same cores: more nodes add failover, not throughput, and the figures
# say so.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-15}"
SOAK="${2:-600}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="${JAR:-target/kiji.jar}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
[ -x "$PGBIN/initdb" ] && command -v nginx >/dev/null && command -v wrk >/dev/null \
  || { echo "apt-get install postgresql nginx wrk" >&2; exit 2; }
WORK="$(mktemp -d /tmp/kiji-cluster.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
NGINX_PID=""
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# PostgreSQL, as an operator's would be: its own cluster, one database for every node
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -U kiji -E UTF8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p 15432 -k $WORK/pg -c max_connections=100" \
  -l "$WORK/pg/log" -w start >/dev/null
runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p 15432 -U kiji kiji
DB="jdbc:postgresql://127.0.0.1:15432/kiji"

node() { # N: starts node N (the first fills the demo content), waits for its first page
  local n="$1" port=$((18300 + $1))
  "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -jar "$JAR" serve --demo --data "$WORK/node$n" \
    --db-url "$DB" --db-user kiji --host 127.0.0.1 --port "$port" --trusted-proxies 127.0.0.1 \
    --base-url "http://127.0.0.1:18300" >"$WORK/node$n.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.2; done
  echo "node $n did not start:" >&2; tail -20 "$WORK/node$n.log" >&2; exit 1
}

balancer() { # N: nginx in front of nodes 1..N
  local servers=""
  for n in $(seq 1 "$1"); do servers="$servers    server 127.0.0.1:$((18300 + n)) max_fails=1 fail_timeout=5s;"$'\n'; done
  [ -n "$NGINX_PID" ] && { kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; }
  mkdir -p "$WORK/nginx/tmp"
  cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid nginx.pid;
error_log stderr error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path tmp; proxy_temp_path tmp;
  upstream kiji {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:18300;
    client_max_body_size 16m;
    location / {
      proxy_pass http://kiji;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
    }
  }
}
EOF
  nginx -p "$WORK/nginx" -c nginx.conf &
  NGINX_PID=$!
  for _ in $(seq 1 100); do curl -sf -o /dev/null http://127.0.0.1:18300/ && return 0; sleep 0.1; done
  echo "nginx did not start" >&2; exit 1
}

wrk_line() { # LABEL wrk-output-file
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$2")" \
    "$(awk '$1 == "50%" {print $2}' "$2")" "$(awk '$1 == "99%" {print $2}' "$2")" \
    "$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print "socket: " $0}' "$2" | tr '\n' ' ')"
}

node 1
ARTICLE="$(curl -s http://127.0.0.1:18301/ | grep -o 'href="/docs/[^"]*"' | head -1 | cut -d'"' -f2)"
ARTICLE_ID="$(curl -s "http://127.0.0.1:18301/api/articles?size=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)"
export ARTICLE_ID
echo "machine: $(nproc) cores; $("$JAVA" -version 2>&1 | head -1); PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'); $(nginx -v 2>&1)"
echo
echo "| nodes, request | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
BEACON_RATE=0
for n in 1 2 3; do
  [ "$n" -gt 1 ] && node "$n"
  balancer "$n"
  wrk -t2 -c32 -d5s "http://127.0.0.1:18300$ARTICLE" >/dev/null   # warm-up through the balancer
  wrk -t2 -c32 -d5s -s bench/views.lua http://127.0.0.1:18300 >/dev/null
  wrk -t2 -c64 -d"${SECS}s" --latency "http://127.0.0.1:18300$ARTICLE" >"$WORK/page-$n.txt"
  wrk_line "$n, article page" "$WORK/page-$n.txt"
  wrk -t2 -c64 -d"${SECS}s" --latency -s bench/views.lua http://127.0.0.1:18300 >"$WORK/beacon-$n.txt"
  wrk_line "$n, POST /api/views" "$WORK/beacon-$n.txt"
  BEACON_RATE="$(awk '/Requests\/sec/ {print int($2)}' "$WORK/beacon-$n.txt")"
done

# The soak: three nodes, beacons at about half the capacity measured above. Each connection waits
# between its requests (wrk's delay()), so the rate stays put instead of following the latency.
TARGET=$((BEACON_RATE / 2))
CONNS=32
DELAY_MS=$(( CONNS * 1000 / (TARGET > 0 ? TARGET : 1) ))
cat bench/views.lua >"$WORK/soak.lua"
echo "function delay() return $DELAY_MS end" >>"$WORK/soak.lua"
echo
echo "soak: ${SOAK} s, 3 nodes, target ~${TARGET} beacons/s ($CONNS connections, ${DELAY_MS} ms apart)"
echo "| minute | node 1 RSS | node 2 RSS | node 3 RSS |"
echo "|---|---|---|---|"
wrk -t2 -c"$CONNS" -d"${SOAK}s" --latency -s "$WORK/soak.lua" http://127.0.0.1:18300 >"$WORK/soak.txt" &
WRK=$!
minute=0
while kill -0 "$WRK" 2>/dev/null; do
  rss=()
  for p in "${PIDS[@]}"; do rss+=("$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$p/status")"); done
  printf '| %d | %s | %s | %s |\n' "$minute" "${rss[0]}" "${rss[1]}" "${rss[2]}"
  minute=$((minute + 1))
  for _ in $(seq 1 60); do kill -0 "$WRK" 2>/dev/null || break; sleep 1; done
done
wait "$WRK" || true
echo
echo "| soak | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
wrk_line "3 nodes, POST /api/views" "$WORK/soak.txt"
echo "ERROR lines in the nodes' logs: $(cat "$WORK"/node*.log | grep -c ' ERROR ' || true)"
echo "logs: $WORK"
