#!/usr/bin/env bash
# Soak run (not in CI): the local stack (deploy/local/up.sh, database `billing`, Kafka on :9092), a
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
log "bringing the stack up (deploy/local/up.sh, BILLING_DEMO=0)"
BILLING_SKIP_BUILD=1 BILLING_DEMO=0 "$ROOT/deploy/local/up.sh" > "$OUT/up.log" 2>&1 \
  || { tail -30 "$OUT/up.log" >&2; exit 1; }

STATUS=0
SOAK_ROOT="$ROOT" SOAK_OUT="$OUT" java -Xmx512m -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  dev.billing.bench.soak.Soak 2> >(tee "$OUT/soak.log" >&2) | tee "$OUT/bench.txt" || STATUS=$?
for name in ingest-service rating-service invoicing-service; do
  grep -E "ERROR|WARN" "$ROOT/deploy/local/.run/$name.log" | tail -200 > "$OUT/$name-warnings.log" || true
done
echo "details: $OUT" >&2
exit $STATUS
