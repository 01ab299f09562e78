#!/usr/bin/env bash
# Runs one of Kafka's main classes on the jars in ../libs, with the JVM options Kafka's own
# kafka-run-class.sh takes from the environment: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS,
# KAFKA_LOG4J_OPTS and KAFKA_OPTS. Tools log warnings to stderr unless KAFKA_LOG4J_OPTS says otherwise.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 <main class> [arguments]" >&2
  exit 64
fi
home=$(cd "$(dirname "$0")/.." && pwd)
main=$1
shift
heap=${KAFKA_HEAP_OPTS:--Xmx256M}
performance=${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}
log4j=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/tools-log4j2.yaml}
# Word splitting of the option variables is wanted: each holds several JVM options.
# shellcheck disable=SC2086
exec java $heap $performance $log4j ${KAFKA_OPTS:-} -cp "$home/libs/*" "$main" "$@"
