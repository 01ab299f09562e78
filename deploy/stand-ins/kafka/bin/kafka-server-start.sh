#!/usr/bin/env bash
# Starts the broker with a server.properties file, as Kafka's own script: 1 GiB of heap and the
# broker's log4j2.yaml beside the properties unless KAFKA_HEAP_OPTS or KAFKA_LOG4J_OPTS say otherwise.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 server.properties [--override property=value]..." >&2
  exit 64
fi
home=$(cd "$(dirname "$0")/.." && pwd)
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}
export KAFKA_LOG4J_OPTS=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/log4j2.yaml}
exec "$home/bin/kafka-run-class.sh" kafka.Kafka "$@"
