#!/usr/bin/env bash
# Builds the JMH benchmarks (bench profile) and runs the profile parse + validate benchmark;
# prints the JMH table and the ratio parseAndValidate / woodstoxScan.
# Usage: bench/run-profile-bench.sh [extra JMH options, e.g. -f 3 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
mvn -B -q -ntp -Pbench -pl bench -am package -DskipTests
out=$(mktemp)
trap 'rm -f "$out"' EXIT
java -jar bench/target/benchmarks.jar ProfileParseBenchmark -rf csv -rff "$out" "$@"
echo
awk -F, 'NR > 1 { gsub(/"/, ""); split($1, a, "."); score[a[length(a)]] = $5 }
  END { printf "ratio parseAndValidate / woodstoxScan = %.2f (target <= 2)\n", score["parseAndValidate"] / score["woodstoxScan"] }' "$out"
