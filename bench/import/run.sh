#!/usr/bin/env bash
# The import benchmarks: a generated WXR of POSTS posts into a fresh SQLite site with a 256 MB
# heap, then ROWS WordPress Popular Posts summary rows mapped onto those posts (targets: 60 s
# each). Each line gives wall time, CPU time (user + sys: on a shared machine the wall time
# follows the load, printed beside it) and peak RSS.
#
#   bench/import/run.sh [POSTS] [ROWS]      (from the repository root, after ./mvnw -q -B package -DskipTests)
#
#   BASELINE=/path/to/other/kiji.jar   the anchor: the same files through another build (main's,
#                                      say), right after this one's, on the same machine
#   PG=1                               also into PostgreSQL (Debian's, its own cluster in a temp
#                                      folder; apt-get install postgresql)
#   REUSE=1                            keep the files an earlier run generated in WORK
set -euo pipefail
POSTS=${1:-100000}
ROWS=${2:-10000000}
WORK=${WORK:-/tmp/kiji-import-bench}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
if [ -n "${REUSE:-}" ] && [ -f "$WORK/site.xml" ] && [ -f "$WORK/wpp.csv" ]; then
  rm -rf "$WORK"/data* "$WORK/pg"  # the files of an earlier run, fresh sites and cluster
else
  rm -rf "$WORK" && mkdir -p "$WORK"
  python3 bench/import/generate-wxr.py "$POSTS" > "$WORK/site.xml"
  python3 bench/import/generate-wpp.py "$ROWS" > "$WORK/wpp.csv"
fi
echo "input: $POSTS posts, $(du -m "$WORK/site.xml" | cut -f1) MB; $ROWS WPP rows, $(du -m "$WORK/wpp.csv" | cut -f1) MB; $(nproc) cores"

timed() { # LABEL JAR ARGS...: one import, its figures on one line
  local label="$1" jar="$2"; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -o "$WORK/time" -f "%e %U %S %M" "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED \
    -cp "$jar" kiji.app.Main "$@" > "$WORK/out" 2> "$WORK/err" || { echo "$label: failed"; tail -5 "$WORK/err"; return 1; }
  read -r wall user sys rss < "$WORK/time"
  printf '%-44s wall %6.1f s  CPU %6.1f s  max RSS %4d MB  (load %s)\n' "$label" "$wall" \
    "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$load"
  grep -m1 -E '^imported|^[0-9]+ rows' "$WORK/err" | sed 's/^/    /' || true
}

both() { # NAME JAR DB-ARGS...: the WXR, then the WPP rows onto what it made
  local name="$1" jar="$2"; shift 2
  timed "$name: kiji import wordpress" "$jar" import wordpress "$WORK/site.xml" "$@"
  timed "$name: kiji views import --format wpp" "$jar" views import --format wpp "$WORK/wpp.csv" "$@"
}

both "this build, SQLite" target/kiji.jar --data "$WORK/data"
if [ -n "${BASELINE:-}" ]; then
  both "baseline $(basename "$BASELINE"), SQLite" "$BASELINE" --data "$WORK/data-baseline"
fi

if [ -n "${PG:-}" ]; then
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PORT=$((15400 + $$ % 100))
  trap 'runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true' EXIT
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -U kiji -E UTF8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PORT -k $WORK/pg" -l "$WORK/pg/log" -w start >/dev/null
  runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U kiji kiji
  both "this build, PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}')" target/kiji.jar \
    --data "$WORK/data-pg" --db-url "jdbc:postgresql://127.0.0.1:$PORT/kiji" --db-user kiji
fi
