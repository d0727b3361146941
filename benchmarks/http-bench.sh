#!/usr/bin/env bash
# HTTP API benchmark (docs: shared benchmarking.md S6). Server JVM pinned to CPU 0, load JVM to CPU 1.
# Each operation is measured against the do-nothing endpoint on the same HTTP stack, interleaved (A B A B ...),
# and reported as a ratio, after one unreported warm-up round per operation. Usage (builds what it needs):
#   benchmarks/http-bench.sh [rounds] [seconds] [connections]     (OPS="DescribeServices RunTask" to pick operations)
set -euo pipefail
ROUNDS=${1:-3}; SECONDS_PER_RUN=${2:-5}; CONNS=${3:-64}; WARMUP=3
cd "$(dirname "$0")/.."
mvn -q -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=runtime >/dev/null 2>&1 || { echo "build failed" >&2; exit 1; }
cd benchmarks
CP_FILE=target/bench.classpath
CP="target/classes:$(cat $CP_FILE)"
DIR=$(mktemp -d)
PIN0=""; PIN1=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then PIN0="taskset -c 0"; PIN1="taskset -c 1"; fi
$PIN0 java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp "$CP" io.ecs4j.benchmarks.http.HttpBenchServer "$DIR" > "$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 1 150); do
  [ -s "$DIR/ports" ] && break
  kill -0 $SERVER 2>/dev/null || { echo "benchmark server failed:" >&2; cat "$DIR/server.log" >&2; exit 1; }
  sleep 0.2
done
read -r REAL BASE < "$DIR/ports" || true
echo "# $(java -version 2>&1 | head -1); nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); kernel $(uname -r)"
echo "# server pinned: ${PIN0:-no}; client pinned: ${PIN1:-no}; $CONNS connections; ${SECONDS_PER_RUN}s x $ROUNDS rounds"
load() { $PIN1 java -cp "$CP" io.ecs4j.benchmarks.http.HttpLoad "$1" "$2" "$DIR/$3.json" "$4" "$WARMUP" "$SECONDS_PER_RUN"; }
printf "%-18s %6s %12s %12s %8s %9s %9s\n" operation conns "req/s" "null req/s" ratio "p50 us" "p99 us"
for OP in ${OPS:-DescribeServices DescribeClusters DescribeTasks ListTasks RunTask}; do
  # one unreported round per operation first, so both endpoints' code paths are compiled before anything counts
  load "$BASE" DescribeClusters DescribeClusters "$CONNS" >/dev/null; load "$REAL" "$OP" "$OP" "$CONNS" >/dev/null
  for C in "$CONNS" 1; do
    for R in $(seq 1 "$ROUNDS"); do
      B=$(load "$BASE" DescribeClusters DescribeClusters "$C")
      A=$(load "$REAL" "$OP" "$OP" "$C")
      read -r _ _ BR _ _ <<< "$B"; read -r _ _ AR AP50 AP99 <<< "$A"
      printf "%-18s %6s %12s %12s %8.2f %9s %9s\n" "$OP" "$C" "$AR" "$BR" "$(awk -v a="$AR" -v b="$BR" 'BEGIN { print a / b }')" "$AP50" "$AP99"
    done
  done
done
