#!/usr/bin/env bash
# Soak run (not in CI): a stack of its own (BILLING_STACK=soak deploy/local/up.sh: database
# `billing_soak`, Kafka on :29192, edge :24000, services 29081-29086, all emptied first; at the end,
# also on failure, stopped, the broker's data deleted and the slots dropped), a
# fresh organization with 5 metrics, a plan and SOAK_SUBSCRIPTIONS customers made through the edge;
# HTTP batches and a Kafka producer on billing.events.inbound at SOAK_RATE events/s for SOAK_SECONDS
# while one service at a time (ingest, rating, invoicing in turn) is killed with SIGKILL and
# restarted; then every total against an independent recount of the acknowledged events (current
# usage per subscription and charge), and the as-of billing run for the period end, with
# invoicing-service killed during it, against a recomputation of every invoice.
# Last line: RESULT events=<n> kills=<n> lost=<n> double_counted=<n> invoice_mismatches=<n>
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
log() { echo "[soak] $*" >&2; }

if [ "${BILLING_SKIP_BUILD:-0}" != 1 ]; then
  log "building the services and the soak tool"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl ingest-service,rating-service,invoicing-service,bench/soak -am) \
    > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 1; }
fi
export BILLING_STACK=soak
# shellcheck source=../../deploy/local/services.sh
source "$ROOT/deploy/local/services.sh"
# shellcheck source=../../deploy/local/stack.sh
source "$ROOT/deploy/local/stack.sh"
# shellcheck source=../../deploy/local/own.sh
source "$ROOT/deploy/local/own.sh"
"$ROOT/deploy/local/down.sh" 2>/dev/null  # what an interrupted run may have left
PG_DATABASES=$DB_NAME "$ROOT/deploy/local/postgres.sh" start >/dev/null
fresh_database "$DB_NAME"
fresh_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" >/dev/null
release() {
  "$ROOT/deploy/local/down.sh"
  drop_slots "$DB_NAME" || true
  drop_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}
trap release EXIT
log "bringing the soak stack up (BILLING_STACK=soak deploy/local/up.sh, BILLING_DEMO=0)"
BILLING_SKIP_BUILD=1 BILLING_DEMO=0 "$ROOT/deploy/local/up.sh" > "$OUT/up.log" 2>&1 \
  || { tail -30 "$OUT/up.log" >&2; exit 1; }
export BILLING_ADMIN_TOKEN=${BILLING_ADMIN_TOKEN:-$(cat "$STACK_RUN/admin-token")} SOAK_RUN_DIR=$STACK_RUN
export SOAK_OPERATOR_URL="http://127.0.0.1:$(stack_port invoicing-service)" SOAK_EDGE_URL="http://127.0.0.1:$EDGE_PORT"
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"

STATUS=0
SOAK_ROOT="$ROOT" SOAK_OUT="$OUT" java -Xmx512m -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  dev.billing.bench.soak.Soak 2> >(tee "$OUT/soak.log" >&2) | tee "$OUT/bench.txt" || STATUS=$?
for name in ingest-service rating-service invoicing-service; do
  grep -E "ERROR|WARN" "$STACK_RUN/$name.log" | tail -200 > "$OUT/$name-warnings.log" || true
done
echo "details: $OUT" >&2
exit $STATUS
