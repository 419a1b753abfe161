#!/bin/sh
# The import benchmarks: a generated 100,000-post WXR into a fresh SQLite site with a 256 MB
# heap, then 10 million WordPress Popular Posts rows mapped to those posts.
# Usage: bench/import/run.sh [POSTS] [ROWS]   (from the repository root, after ./mvnw -q -B package -DskipTests)
set -eu
POSTS=${1:-100000}
ROWS=${2:-10000000}
WORK=${WORK:-/tmp/kiji-import-bench}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
rm -rf "$WORK" && mkdir -p "$WORK"
CP=target/kiji.jar
python3 bench/import/generate-wxr.py "$POSTS" > "$WORK/site.xml"
python3 bench/import/generate-wpp.py "$ROWS" > "$WORK/wpp.csv"
ls -l "$WORK/site.xml" "$WORK/wpp.csv"
echo "== kiji import wordpress ($POSTS posts, -Xmx256m)"
/usr/bin/time -f "%e s, max RSS %M KB" "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$CP" kiji.app.Main import wordpress "$WORK/site.xml" --data "$WORK/data"
echo "== kiji views import --format wpp ($ROWS rows, -Xmx256m)"
/usr/bin/time -f "%e s, max RSS %M KB" "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$CP" kiji.app.Main views import --format wpp "$WORK/wpp.csv" --data "$WORK/data"
