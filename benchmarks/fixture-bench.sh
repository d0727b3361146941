#!/usr/bin/env bash
# Test-fixture benchmark (docs: shared benchmarking.md S8), the parts outside JMH:
#  1. cold start as whole processes: A = `java ColdStart empty` (JVM start and exit), B = `java ColdStart fixture`
#     (the same plus the fixture scenario: build, 10 instances, a 10-task service, steady state, close), interleaved
#     A B A B ...; prints the medians and p90s, B - A, and the in-process time of the scenario;
#  2. retained heap per task at 10,000 tasks (FixtureMemory).
# Usage (builds what it needs): benchmarks/fixture-bench.sh [rounds]
set -euo pipefail
ROUNDS=${1:-20}
cd "$(dirname "$0")/.."
mvn -q -o -pl benchmarks -am package -DskipTests -DskipITs dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime >/dev/null 2>&1 \
  || { echo "build failed" >&2; exit 1; }
cd benchmarks
CP="target/classes:$(cat target/bench.classpath)"
echo "# $(java -version 2>&1 | head -1); nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); kernel $(uname -r); load $(cut -d' ' -f1-3 /proc/loadavg)"
ms() { echo $(( ($2 - $1) / 1000000 )); }
A=(); B=(); IN=()
for _ in $(seq 1 "$ROUNDS"); do
  t0=$(date +%s%N); java -cp "$CP" io.ecs4j.benchmarks.fixture.ColdStart empty; t1=$(date +%s%N)
  A+=("$(ms "$t0" "$t1")")
  t0=$(date +%s%N); inproc=$(java -cp "$CP" io.ecs4j.benchmarks.fixture.ColdStart fixture); t1=$(date +%s%N)
  B+=("$(ms "$t0" "$t1")"); IN+=("$inproc")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "median %.1f  p90 %.1f  min %.1f  max %.1f", v[int((NR+1)/2)], v[int(NR*0.9+0.5)], v[1], v[NR]}'; }
echo "A  java ColdStart empty    (ms, process wall): $(stats "${A[@]}")"
echo "B  java ColdStart fixture  (ms, process wall): $(stats "${B[@]}")"
echo "   scenario inside B       (ms, in-process):   $(stats "${IN[@]}")"
ma=$(printf '%s\n' "${A[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
mb=$(printf '%s\n' "${B[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
echo "   B - A (medians): $((mb - ma)) ms; B / A: $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", b / a }')"
echo
java -Xms2g -Xmx2g -cp "$CP" io.ecs4j.benchmarks.fixture.FixtureMemory
