#!/usr/bin/env bash
# Builds the JMH benchmarks (bench profile) and runs the profile parse + validate benchmark in
# sample mode; prints the JMH table and the ratio parseAndValidate / woodstoxScan at the median
# (p50) and at the best sample (p0). Medians are used because a shared machine preempts some
# samples by milliseconds, which wrecks averages but not medians.
# Usage: bench/run-profile-bench.sh [extra JMH options, e.g. -f 3 -i 20]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
mvn -B -q -ntp -Pbench -pl bench -am package -DskipTests
out=$(mktemp)
trap 'rm -f "$out"' EXIT
java -jar bench/target/benchmarks.jar ProfileParseBenchmark -bm sample -tu us -rf csv -rff "$out" "$@"
echo
awk -F, '{ gsub(/"/, "") } $1 ~ /:p0\.(50|00)$/ { n = split($1, a, "."); key = a[n - 1] "." a[n]; score[key] = $5 }
  END {
    printf "parseAndValidate p50 %.1f us, woodstoxScan p50 %.1f us, parseOnly p50 %.1f us, validateOnly p50 %.1f us\n",
      score["parseAndValidate:p0.50"], score["woodstoxScan:p0.50"], score["parseOnly:p0.50"], score["validateOnly:p0.50"]
    printf "ratio parseAndValidate / woodstoxScan: p50 %.2f, p0 %.2f (target <= 2)\n",
      score["parseAndValidate:p0.50"] / score["woodstoxScan:p0.50"], score["parseAndValidate:p0.00"] / score["woodstoxScan:p0.00"]
  }' "$out"
