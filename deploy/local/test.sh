#!/usr/bin/env bash
# The test command: starts what the tests need (PostgreSQL with wal_level=logical, and a Kafka
# broker of their own on port 19192 and the database billing_test, both emptied at every run so no
# earlier run or benchmark is replayed into the tests) and runs every module's tests with `mvn verify` (unit tests, service
# tests against the real Kafka and Postgres, process-crash tests, formatting check), then the
# end-to-end tests against the whole stack (deploy/local/e2e.sh: up.sh, then e2e/ with Lago's SDK),
# and stops what it started.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

export KAFKA_PORT=${TEST_KAFKA_PORT:-19192} KAFKA_CONTROLLER_PORT=${TEST_KAFKA_CONTROLLER_PORT:-19193}
"$HERE/postgres.sh" start >/dev/null
# the tests' database is emptied too (schemas, Flyway histories, replication slots): a run never
# depends on what an earlier run or another branch left there
TEST_DB=${DB_NAME:-billing_test}
psql -h 127.0.0.1 -U "${DB_USER:-postgres}" -d postgres -qAt \
  -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = '$TEST_DB'" \
  -c "DROP DATABASE IF EXISTS $TEST_DB WITH (FORCE)" -c "CREATE DATABASE $TEST_DB" >/dev/null
"$HERE/kafka.sh" reset
KAFKA_BOOTSTRAP_SERVERS=$("$HERE/kafka.sh" start)
export KAFKA_BOOTSTRAP_SERVERS
# the end-to-end tests bring up the stack (broker 9092, database billing); stop it at the end unless
# it was already running before this command
stack_was_up=0
[ -f "$HERE/.run/nginx.pid" ] && kill -0 "$(cat "$HERE/.run/nginx.pid")" 2>/dev/null && stack_was_up=1
cleanup() {
  KAFKA_PORT=${TEST_KAFKA_PORT:-19192} KAFKA_CONTROLLER_PORT=${TEST_KAFKA_CONTROLLER_PORT:-19193} "$HERE/kafka.sh" stop
  if [ "$stack_was_up" = 0 ] && [ -d "$HERE/.run" ]; then "$HERE/down.sh"; fi
}
trap cleanup EXIT
unset KAFKA_PORT KAFKA_CONTROLLER_PORT  # the crash tests start private brokers on their own ports

cd "$ROOT"
./mvnw -B verify "$@"

# End to end, through the edge with Lago's SDK (skipped with E2E=0, or when only some modules were
# asked for, e.g. `test.sh -pl rating-service -am`): the jars `verify` just packaged are used.
if [ "${E2E:-1}" = 1 ] && [ $# -eq 0 ]; then
  echo "[test] end-to-end tests (deploy/local/e2e.sh)" >&2
  E2E_SKIP_BUILD=1 "$HERE/e2e.sh"
fi
