#!/bin/sh
# JMH: the ranking's record path on one thread, with its baselines, in one run.
# Usage: bench/run-jmh.sh [JMH options]   (builds target/kiji.jar and bench/target/benchmarks.jar first)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
./mvnw -q -B -f bench/pom.xml package
exec java -cp bench/target/benchmarks.jar:target/kiji.jar org.openjdk.jmh.Main RecordPathBenchmark "$@"
