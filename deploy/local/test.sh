#!/usr/bin/env bash
# The test command: starts what the tests need (PostgreSQL with wal_level=logical, and a Kafka
# broker of their own on port 19192, emptied at every run so no earlier run or benchmark is
# replayed into the tests) and runs every module's tests with `mvn verify` (unit tests, service
# tests against the real Kafka and Postgres, process-crash tests, formatting check).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

export KAFKA_PORT=${TEST_KAFKA_PORT:-19192} KAFKA_CONTROLLER_PORT=${TEST_KAFKA_CONTROLLER_PORT:-19193}
"$HERE/postgres.sh" start >/dev/null
"$HERE/kafka.sh" reset
KAFKA_BOOTSTRAP_SERVERS=$("$HERE/kafka.sh" start)
export KAFKA_BOOTSTRAP_SERVERS
trap '"$HERE/kafka.sh" stop' EXIT
unset KAFKA_PORT KAFKA_CONTROLLER_PORT  # the crash tests start private brokers on their own ports

cd "$ROOT"
./mvnw -B verify "$@"
