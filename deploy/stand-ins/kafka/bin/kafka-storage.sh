#!/usr/bin/env bash
# As Kafka's own kafka-storage.sh: runs kafka.tools.StorageTool.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
