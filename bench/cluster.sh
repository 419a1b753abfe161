#!/usr/bin/env bash
# Pages and beacons through nginx to 1, 2 and 3 Kiji nodes on one PostgreSQL, on this machine,
# then (SOAK_MINUTES > 0) a soak at half the measured 3-node beacon capacity with each node's
# resident memory every minute.
#
#   bench/cluster.sh                          # 15 s per run, no soak
#   SECS=30 SOAK_MINUTES=10 bench/cluster.sh  # the issue's 10-minute soak
#
# Needs: wrk, nginx, PostgreSQL's initdb/pg_ctl (as root they run as the postgres user) and psql, a JDK
# >= 21 and target/kiji.jar (./mvnw -q -B -DskipTests package). Every node runs -Xmx256m with
# its own data folder and trusts 127.0.0.1 (nginx) for X-Forwarded-For, so views.lua's addresses
# are distinct readers. On one 2-core machine the nodes, nginx, PostgreSQL and wrk share the same
# two cores: more nodes add failover, not throughput; the figures say how much they cost.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${SECS:-15}"
SOAK_MINUTES="${SOAK_MINUTES:-0}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="${JAR:-target/kiji.jar}"
PG_BIN="${PG_BIN:-$(dirname "$(command -v pg_ctl)")}"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
for c in wrk nginx; do command -v $c >/dev/null || [ -x /usr/sbin/$c ] || { echo "apt-get install wrk nginx" >&2; exit 2; }; done
WORK="$(mktemp -d /tmp/kiji-cluster.XXXXXX)"
chmod 755 "$WORK"
PG_PORT=18700; NGINX_PORT=18710; NODE_PORTS=(18721 18722 18723)
PIDS=()
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

mkdir -p "$WORK/pg" && [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U kiji --auth=trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k /tmp" -l "$WORK/pg/log" start >/dev/null
psql -q -h 127.0.0.1 -p "$PG_PORT" -U kiji -d postgres -c "CREATE DATABASE kiji"
DB="jdbc:postgresql://127.0.0.1:$PG_PORT/kiji"

start_node() { # index
  local i="$1" demo=""
  [ "$i" = 0 ] && demo="--demo"
  "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$JAR" serve $demo --data "$WORK/node$i" \
    --db-url "$DB" --db-user kiji --host 127.0.0.1 --port "${NODE_PORTS[$i]}" --trusted-proxies 127.0.0.1 \
    > "$WORK/node$i.log" 2>&1 &
  PIDS[$i]=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:${NODE_PORTS[$i]}/readyz" >/dev/null && return; sleep 0.2; done
  echo "node $i did not start: $WORK/node$i.log" >&2; exit 1
}

nginx_for() { # node count
  local n="$1" servers=""
  for i in $(seq 0 $((n - 1))); do servers+="server 127.0.0.1:${NODE_PORTS[$i]} max_fails=1 fail_timeout=5s; "; done
  mkdir -p "$WORK/nginx"
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null && sleep 0.5
  cat > "$WORK/nginx/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream kiji { $servers keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://kiji; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/healthz" >/dev/null && return; sleep 0.1; done
}

rate() { awk '/Requests\/sec/ {printf "%d", $2}'; }
errors() { awk '/Non-2xx|Socket errors/ {e = e $0 "; "} END {print (e == "" ? "none" : e)}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| nodes | article page req/s | errors | beacons req/s | errors |"
echo "|---|---|---|---|---|"
for n in 1 2 3; do
  start_node $((n - 1))
  nginx_for "$n"
  ARTICLE_PATH=$(curl -s "http://127.0.0.1:$NGINX_PORT/" | grep -o 'href="/docs/[^"]*"' | head -1 | cut -d'"' -f2)
  ARTICLE_ID=$(curl -s "http://127.0.0.1:$NGINX_PORT/api/articles?size=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  export ARTICLE_ID
  wrk -t2 -c32 -d5s "http://127.0.0.1:$NGINX_PORT$ARTICLE_PATH" >/dev/null # warm-up, not reported
  wrk -t2 -c32 -d5s -s bench/views.lua "http://127.0.0.1:$NGINX_PORT" >/dev/null
  pages="$(wrk -t2 -c32 -d"${SECS}s" "http://127.0.0.1:$NGINX_PORT$ARTICLE_PATH")"
  views="$(wrk -t2 -c32 -d"${SECS}s" -s bench/views.lua "http://127.0.0.1:$NGINX_PORT")"
  echo "| $n | $(echo "$pages" | rate) | $(echo "$pages" | errors) | $(echo "$views" | rate) | $(echo "$views" | errors) |"
  BEACONS_3=$(echo "$views" | rate)
done

if [ "$SOAK_MINUTES" -gt 0 ]; then
  # half the measured capacity: 32 connections, each waiting between requests
  target=$((BEACONS_3 / 2)); [ "$target" -gt 0 ] || target=1
  delay=$((32 * 1000 / target))
  cat > "$WORK/soak.lua" <<LUA
dofile("bench/views.lua")
function delay() return $delay end
LUA
  echo "soak: ${SOAK_MINUTES} min at ~$target beacons/s (half of $BEACONS_3), RSS per node (MB) each minute"
  wrk -t2 -c32 -d"${SOAK_MINUTES}m" -s "$WORK/soak.lua" "http://127.0.0.1:$NGINX_PORT" > "$WORK/soak.txt" &
  soak=$!
  for m in $(seq 1 "$SOAK_MINUTES"); do
    sleep 60
    echo "minute $m: $(for p in "${PIDS[@]}"; do echo -n "$(( $(awk '/VmRSS/ {print $2}' /proc/"$p"/status) / 1024 )) "; done)"
  done
  wait "$soak"
  echo "soak: $(rate < "$WORK/soak.txt") req/s, errors: $(errors < "$WORK/soak.txt")"
fi
echo "logs: $WORK"
