#!/usr/bin/env bash
# Every figure of docs/benchmarks.md in one sitting, each beside the anchor its own script
# measures in the same run. Full output of each goes to OUT/NAME.txt; the end of it is printed.
#
#   bench/all.sh [OUT] [NAME...]     e.g. bench/all.sh /tmp/bench search startup
#
# Needs wrk, nginx, postgresql and python3 (apt-get install wrk nginx postgresql) and a JDK >= 21; builds target/kiji.jar and
# bench/target/benchmarks.jar first. About 45 minutes on a 2-core machine, 10 of them the cluster soak
# (SOAK=SECONDS shortens it).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-/tmp/kiji-bench-$(date +%Y%m%d-%H%M)}"; shift || true
mkdir -p "$OUT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
./mvnw -q -B -DskipTests package && ./mvnw -q -B -f bench/pom.xml package || exit 1
CP="bench/target/benchmarks.jar:target/kiji.jar"

wanted() { [ "${#ONLY[@]}" -eq 0 ] || printf '%s\n' "${ONLY[@]}" | grep -qx "$1"; }
run() { # NAME COMMAND...
  local name="$1"; shift
  wanted "$name" || return 0
  echo "== $name ($(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)): $*"
  "$@" >"$OUT/$name.txt" 2>&1 || echo "   (exit $?)"
  tail -n "${TAIL:-12}" "$OUT/$name.txt"
}
ONLY=("$@")

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
run startup env RUNS=7 bench/startup/run.sh
run pages bench/http-vs-nginx.sh 15 1
run pages-no-fast-lane env KIJI_FAST_LANE=false bench/http-vs-nginx.sh 15 1
run metrics-cost bench/metrics-ab.sh "${METRICS_BASE:-bbc4679}" target/kiji.jar 10 5
run beacon bench/beacon-ab.sh 10 target/kiji.jar
run record-path "$JAVA" -cp "$CP" org.openjdk.jmh.Main RecordPathBenchmark
run metrics-tally "$JAVA" -cp "$CP" org.openjdk.jmh.Main LatencyTallyBenchmark -wi 3 -i 5
run ranking-100k "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$CP" kiji.ranking.LargeRankingBench --no-sql
run search "$JAVA" -Xmx2g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -cp target/kiji.jar \
  bench/search/SearchBench.java 100000 "$OUT/search-work"
rm -rf "$OUT/search-work"
run cluster bench/cluster.sh 15 "${SOAK:-600}"
run import env PG=1 bench/import/run.sh 100000 10000000
run import-media bench/import/media.sh 100000 1000
run personnel "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED -cp target/kiji.jar bench/personnel/PersonnelBench.java 100000
