#!/usr/bin/env bash
# End-to-end tests on a stack of their own (BILLING_STACK=e2e, deploy/local/stack.sh: services on
# 28081-28086, edge 127.0.0.1:23000, Kafka 29092, database billing_e2e, run directory
# deploy/local/.run-e2e): the broker and the database are emptied first, so nothing a developer's
# stack or a benchmark left is replayed into the tests, and a developer's stack on 8081-8083/3000/9092
# keeps running untouched. Then up.sh, and e2e/ (Lago's JavaScript SDK against the edge,
# `npm ci && npm test`). At the end the stack and its broker are stopped, the broker's data deleted
# and the database's replication slots dropped, also when a test failed.
#   E2E_SKIP_BUILD=1   use the jars already packaged (test.sh sets it after `mvn verify`)
#   E2E_KEEP=1         leave the stack running afterwards, to look into a failure
#                      (stop it with BILLING_STACK=e2e deploy/local/down.sh)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export BILLING_STACK=e2e
# shellcheck source=services.sh
source "$HERE/services.sh"
# shellcheck source=stack.sh
source "$HERE/stack.sh"
# shellcheck source=own.sh
source "$HERE/own.sh"

command -v npm >/dev/null || { echo "[e2e] npm (Node 20+) is needed for the end-to-end tests" >&2; exit 1; }
"$HERE/down.sh" 2>/dev/null  # what an interrupted run may have left
PG_DATABASES=$DB_NAME "$HERE/postgres.sh" start >/dev/null
fresh_database "$DB_NAME"
fresh_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" >/dev/null
release() {
  [ "${E2E_KEEP:-0}" = 1 ] && { echo "[e2e] E2E_KEEP=1: the e2e stack keeps running ($STACK_RUN)" >&2; return; }
  "$HERE/down.sh"
  drop_slots "$DB_NAME" || true
  drop_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}
trap release EXIT
mkdir -p "$STACK_RUN"
BILLING_DEMO=0 BILLING_SKIP_BUILD=${E2E_SKIP_BUILD:-0} "$HERE/up.sh" > "$STACK_RUN/up.log" \
  || { tail -30 "$STACK_RUN/up.log" >&2; exit 1; }

export BILLING_EDGE_URL="http://127.0.0.1:$EDGE_PORT"
export BILLING_OPERATOR_URL="http://127.0.0.1:$(stack_port invoicing-service)"
export BILLING_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" BILLING_RUN_DIR="$STACK_RUN"
# the services that run, each on its own port: the fuzz test reads their OpenAPI documents
service_urls=()
for entry in "${SERVICES[@]}"; do
  read -r name _ <<< "$entry"
  [ -f "$STACK_RUN/$name.pid" ] && service_urls+=("http://127.0.0.1:$(stack_port "$name")")
done
export BILLING_SERVICE_URLS="${service_urls[*]}"
cd "$ROOT/e2e"
echo "[e2e] npm ci" >&2
npm ci --no-audit --no-fund --loglevel=error >&2
echo "[e2e] npm test (against $BILLING_EDGE_URL; output also in $STACK_RUN/e2e-test.log)" >&2
if ! npm test 2>&1 | tee "$STACK_RUN/e2e-test.log"; then
  for log in "$STACK_RUN"/*-service.log; do
    echo "[e2e] --- last lines of $log" >&2; grep -E "WARN|ERROR" "$log" | tail -15 >&2
  done
  exit 1
fi
