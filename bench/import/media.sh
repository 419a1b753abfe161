#!/bin/sh
# The import with photos: a generated WXR of POSTS posts followed by PHOTOS attachments (after
# the posts: the order that needs the first pass), their files in an uploads folder, imported
# with --media into a fresh SQLite site with a 256 MB heap; then the same import again (unchanged
# files are not processed again).
# Usage: bench/import/media.sh [POSTS] [PHOTOS]   (from the repository root, after ./mvnw -q -B package -DskipTests)
set -eu
POSTS=${1:-100000}
PHOTOS=${2:-1000}
WORK=${WORK:-/tmp/kiji-import-media-bench}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
rm -rf "$WORK" && mkdir -p "$WORK"
CP=target/kiji.jar
python3 bench/import/generate-wxr.py "$POSTS" | python3 bench/import/add-attachments.py "$POSTS" "$PHOTOS" > "$WORK/site.xml"
"$JAVA" bench/import/MakeUploads.java "$WORK/uploads" "$PHOTOS"
ls -l "$WORK/site.xml"; du -sh "$WORK/uploads"
echo "== kiji import wordpress --media ($POSTS posts, $PHOTOS photos, -Xmx256m)"
/usr/bin/time -f "%e s wall, %U s user + %S s sys CPU, max RSS %M KB" "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$CP" kiji.app.Main \
  import wordpress "$WORK/site.xml" --media "$WORK/uploads" --data "$WORK/data" 2>&1 | grep -v '^warning\|^skipped'
echo "== again: the same file and folder"
/usr/bin/time -f "%e s wall, %U s user + %S s sys CPU, max RSS %M KB" "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$CP" kiji.app.Main \
  import wordpress "$WORK/site.xml" --media "$WORK/uploads" --data "$WORK/data" 2>&1 | grep -v '^warning\|^skipped'
