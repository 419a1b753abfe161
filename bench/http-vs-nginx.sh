#!/usr/bin/env bash
# Kiji's public pages against nginx serving the same bytes as static files, same machine, same
# run: wrk with 2 threads and 64 connections on 127.0.0.1, for an article page (with the
# sidebar's ranking widget, demo data), the home page and the site's RSS feed.
#
#   bench/http-vs-nginx.sh [seconds-per-run] [rounds]     (defaults 20 and 2)
#
# Each round measures the three pages, Kiji then nginx for each; a second round shows how much
# of a difference is noise (the machine may be shared).
#
# Needs: wrk and nginx (apt-get install wrk nginx), a JDK >= 21, and target/kiji.jar
# (./mvnw -q -B -DskipTests package). Starts Kiji (--demo, own temp data folder, -Xmx256m) and
# nginx (own config in a temp folder), stops both at the end. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
ROUNDS="${2:-2}"
KIJI_PORT=18180
NGINX_PORT=18181
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$JAVA" ] || JAVA=java
JAR="${JAR:-target/kiji.jar}"   # JAR=/tmp/other.jar measures another build (before/after)
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "apt-get install wrk nginx" >&2; exit 2; }

WORK="$(mktemp -d /tmp/kiji-bench.XXXXXX)"
KIJI_PID=""
cleanup() {
  [ -n "$KIJI_PID" ] && kill "$KIJI_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$JAR" serve --demo --data "$WORK/data" \
  --host 127.0.0.1 --port "$KIJI_PORT" --base-url "http://127.0.0.1:$KIJI_PORT" >"$WORK/kiji.log" 2>&1 &
KIJI_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$KIJI_PORT/" >/dev/null 2>&1 && break; sleep 0.2; done

BASE="http://127.0.0.1:$KIJI_PORT"
ARTICLE="$(curl -sf "$BASE/" | grep -o 'href="/docs/[^"]*"' | head -1 | cut -d'"' -f2)"
mkdir -p "$WORK/www/docs/x"
curl -sf "$BASE$ARTICLE" -o "$WORK/www/article.html"
curl -sf "$BASE/" -o "$WORK/www/index.html"
curl -sf "$BASE/feed.xml" -o "$WORK/www/feed.xml"
grep -q 'class="ranking"' "$WORK/www/article.html" || { echo "article page has no ranking widget" >&2; exit 1; }

mkdir -p "$WORK/nginx-temp"
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $WORK/nginx-temp/body;
  proxy_temp_path $WORK/nginx-temp/proxy;
  fastcgi_temp_path $WORK/nginx-temp/fastcgi;
  uwsgi_temp_path $WORK/nginx-temp/uwsgi;
  scgi_temp_path $WORK/nginx-temp/scgi;
  types { text/html html; application/rss+xml xml; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"
sleep 0.5

run() { # name url -> "rps p99"
  local out
  out="$(wrk -t2 -c64 -d"${DURATION}s" --latency "$2")"
  echo "$out" >"$WORK/wrk-$1.txt"
  local rps p99
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  echo "$rps $p99"
}

# warm-up: JIT and the render cache (the machine may be shared: give the JIT time)
wrk -t2 -c64 -d15s "$BASE$ARTICLE" >/dev/null
wrk -t2 -c64 -d8s "$BASE/" >/dev/null
wrk -t2 -c64 -d8s "$BASE/feed.xml" >/dev/null

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo
echo "| round | page | bytes | Kiji req/s | Kiji p99 | nginx req/s | nginx p99 | Kiji / nginx |"
echo "|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for pair in "article $ARTICLE article.html" "home / index.html" "feed /feed.xml feed.xml"; do
    set -- $pair
    read -r krps kp99 < <(run "kiji-$1" "$BASE$2")
    read -r nrps np99 < <(run "nginx-$1" "http://127.0.0.1:$NGINX_PORT/$3")
    ratio="$(awk -v k="$krps" -v n="$nrps" 'BEGIN { printf "%.2f", k / n }')"
    echo "| $round | $1 ($2) | $(stat -c %s "$WORK/www/$3") | $krps | $kp99 | $nrps | $np99 | $ratio |"
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

