#!/usr/bin/env bash
# The test command: starts what the tests need (PostgreSQL with wal_level=logical, and a Kafka
# broker of their own on port 19192 and the database billing_test, both emptied at every run so no
# earlier run or benchmark is replayed into the tests) and runs every module's tests with `mvn verify` (unit tests, service
# tests against the real Kafka and Postgres, process-crash tests, formatting check), then the
# end-to-end tests on a stack of their own (deploy/local/e2e.sh: its own broker, database, ports and
# edge, then e2e/ with Lago's SDK). At the end, also on failure, the broker is stopped and its data
# deleted and billing_test's replication slots are dropped (e2e.sh does the same for its own).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=own.sh
source "$HERE/own.sh"

TEST_KAFKA_PORT=${TEST_KAFKA_PORT:-19192} TEST_KAFKA_CONTROLLER_PORT=${TEST_KAFKA_CONTROLLER_PORT:-19193}
TEST_DB=${DB_NAME:-billing_test}
PG_DATABASES=$TEST_DB "$HERE/postgres.sh" start >/dev/null
# the tests' database is emptied too (schemas, Flyway histories, replication slots): a run never
# depends on what an earlier run or another branch left there
fresh_database "$TEST_DB"
KAFKA_BOOTSTRAP_SERVERS=$(fresh_broker "$TEST_KAFKA_PORT" "$TEST_KAFKA_CONTROLLER_PORT")
export KAFKA_BOOTSTRAP_SERVERS
release() {
  drop_broker "$TEST_KAFKA_PORT" "$TEST_KAFKA_CONTROLLER_PORT"
  drop_slots "$TEST_DB" || true
}
trap release EXIT
unset KAFKA_PORT KAFKA_CONTROLLER_PORT  # the crash tests start private brokers on their own ports

cd "$ROOT"
./mvnw -B verify "$@"

# End to end, through the edge with Lago's SDK (skipped with E2E=0, or when only some modules were
# asked for, e.g. `test.sh -pl rating-service -am`): the jars `verify` just packaged are used.
if [ "${E2E:-1}" = 1 ] && [ $# -eq 0 ]; then
  echo "[test] end-to-end tests (deploy/local/e2e.sh)" >&2
  E2E_SKIP_BUILD=1 "$HERE/e2e.sh"
fi
