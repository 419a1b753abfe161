#!/bin/sh
# wrk, 2 threads, 64 connections: Kiji's POST /api/views vs nginx answering 204 on loopback,
# and redis-benchmark ZINCRBY (50 clients, no pipelining), all in one run on this machine.
# Needs: apt-get install wrk nginx redis-server redis-tools. Usage: bench/run-wrk.sh [seconds]
set -e
cd "$(dirname "$0")/.."
SECS=${1:-15}
WORK=$(mktemp -d)
trap 'kill $KIJI_PID $NGINX_PID $REDIS_PID 2>/dev/null; rm -rf "$WORK"' EXIT
JAR=${JAR:-target/kiji.jar}   # JAR=/tmp/other.jar measures another build (before/after)
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests

JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$JAVA" ] || JAVA=java
"$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -jar "$JAR" serve --demo --data "$WORK/data" \
  --host 127.0.0.1 --port 18080 --trusted-proxies 127.0.0.1 > "$WORK/kiji.log" 2>&1 &
KIJI_PID=$!
mkdir -p "$WORK/nginx/tmp"
/usr/sbin/nginx -p "$WORK/nginx" -c "$PWD/bench/nginx-204.conf" > "$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
redis-server --port 16379 --save '' --appendonly no --daemonize no > "$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for i in $(seq 1 600); do curl -sf http://127.0.0.1:18080/api/ranking > /dev/null && break; sleep 0.2; done
ARTICLE_ID=$(curl -s 'http://127.0.0.1:18080/api/articles?size=1' | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
export ARTICLE_ID
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); article $ARTICLE_ID"

echo "== warm-up Kiji (10 s, not reported)"
wrk -t2 -c64 -d10s -s bench/views.lua http://127.0.0.1:18080 > /dev/null
echo "== nginx 204 (baseline)"
wrk -t2 -c64 -d${SECS}s --latency -s bench/views.lua http://127.0.0.1:18081
echo "== Kiji POST /api/views"
wrk -t2 -c64 -d${SECS}s --latency -s bench/views.lua http://127.0.0.1:18080
echo "== Kiji GET /api/ranking?window=24h (cached ranking)"
wrk -t2 -c64 -d${SECS}s --latency 'http://127.0.0.1:18080/api/ranking?window=24h'
echo "== redis-benchmark ZINCRBY, 50 clients, no pipelining"
redis-benchmark -p 16379 -c 50 -n 500000 -r 100000 -q ZINCRBY ranking:24h 1 article:__rand_int__ | tr "\r" "\n" | tail -1
echo "== views counted by Kiji: $(curl -s 'http://127.0.0.1:18080/api/ranking?window=1h&limit=1' | grep -o '"views":[0-9]*')"
