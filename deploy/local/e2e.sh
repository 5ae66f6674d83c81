#!/usr/bin/env bash
# End-to-end tests: brings up the whole stack (up.sh: Kafka on 9092, the services on database
# `billing`, nginx on 127.0.0.1:3000), then runs e2e/ (Lago's JavaScript SDK against the edge,
# `npm ci && npm test`). Each test makes its own organization, so the stack's earlier data does not
# matter. The stack keeps running afterwards; deploy/local/test.sh stops it if it started it.
#   E2E_SKIP_BUILD=1   use the jars already packaged (test.sh sets it after `mvn verify`)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

command -v npm >/dev/null || { echo "[e2e] npm (Node 20+) is needed for the end-to-end tests" >&2; exit 1; }
# A stack started here runs on a database of its own, emptied first (as the tests' is): schemas a
# developer's stack or another branch left in `billing` never fail its migrations. A stack that
# already runs is used as it is.
if ! { [ -f "$HERE/.run/nginx.pid" ] && kill -0 "$(cat "$HERE/.run/nginx.pid")" 2>/dev/null; }; then
  export DB_NAME=${E2E_DB_NAME:-billing_e2e}
  "$HERE/postgres.sh" start >/dev/null
  psql -h 127.0.0.1 -U "${DB_USER:-postgres}" -d postgres -qAt \
    -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = '$DB_NAME'" \
    -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME" >/dev/null
fi
BILLING_DEMO=0 BILLING_SKIP_BUILD=${E2E_SKIP_BUILD:-0} "$HERE/up.sh" > /dev/null

cd "$ROOT/e2e"
echo "[e2e] npm ci" >&2
npm ci --no-audit --no-fund --loglevel=error >&2
echo "[e2e] npm test (against http://127.0.0.1:${EDGE_PORT:-3000}; output also in $HERE/.run/e2e-test.log)" >&2
if ! npm test 2>&1 | tee "$HERE/.run/e2e-test.log"; then
  for log in "$HERE"/.run/*-service.log; do
    echo "[e2e] --- last lines of $log" >&2; grep -E "WARN|ERROR" "$log" | tail -15 >&2
  done
  exit 1
fi
