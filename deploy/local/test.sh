#!/usr/bin/env bash
# The test command: starts what the tests need (PostgreSQL with wal_level=logical, the local Kafka
# broker) and runs every module's tests with `mvn verify` (unit, service tests against the real
# Kafka and Postgres, process-crash tests, formatting check).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

"$HERE/postgres.sh" start >/dev/null
KAFKA_BOOTSTRAP_SERVERS=$("$HERE/kafka.sh" start)
export KAFKA_BOOTSTRAP_SERVERS

cd "$ROOT"
./mvnw -B verify "$@"
