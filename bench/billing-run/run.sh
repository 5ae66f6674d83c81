#!/usr/bin/env bash
# Billing-run benchmark: 10,000 customers and calendar subscriptions (November 2026) to one plan
# with a flat fee and 5 charges (standard, graduated, volume, package, percentage), made through
# the real APIs of rating-service and invoicing-service; 5-20 events per subscription and metric
# written to billing.events.accepted and metered by rating; then the operator's as-of billing run
# for 2026-12-01 is timed, and every invoice is checked against an independent recomputation.
# Its own broker (port 19392) and database (billing_benchrun) are emptied at every run; at the end,
# also on failure, the broker's data is deleted and the database's replication slots dropped.
# Last line: RESULT subscriptions=... seconds=... mismatches=...
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RATING_PORT=${BENCH_RATING_PORT:-8196}
INVOICING_PORT=${BENCH_INVOICING_PORT:-8197}
DB=billing_benchrun
export BENCH_SUBSCRIPTIONS=${BENCH_SUBSCRIPTIONS:-10000}
export BENCH_EVENTS_PER_METRIC=${BENCH_EVENTS_PER_METRIC:-5-20}
export BENCH_STATE="$OUT/state.properties" BENCH_RUN_ANSWER="$OUT/billing-run-answer.json"
export BENCH_RATING_URL="http://127.0.0.1:$RATING_PORT" BENCH_INVOICING_URL="http://127.0.0.1:$INVOICING_PORT"
export BENCH_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export BILLING_ADMIN_TOKEN=bench
log() { echo "[bench] $*" >&2; }
# shellcheck source=../../deploy/local/services.sh
source "$ROOT/deploy/local/services.sh"

# shellcheck source=../../deploy/local/own.sh
source "$ROOT/deploy/local/own.sh"

PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -qAt)
export KAFKA_PORT=19392 KAFKA_CONTROLLER_PORT=19393
release() {
  [ -n "${INVOICING_PID:-}" ] && kill "$INVOICING_PID" 2>/dev/null || true
  [ -n "${RATING_PID:-}" ] && kill "$RATING_PID" 2>/dev/null || true
  wait 2>/dev/null || true  # the services' walsenders end with them; then their slots can be dropped
  drop_slots "$DB" || true
  drop_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" 2>>"$OUT/kafka.log"
}
trap release EXIT
PG_DATABASES=$DB "$ROOT/deploy/local/postgres.sh" start >/dev/null
fresh_database "$DB"
KAFKA_BOOTSTRAP_SERVERS=$(fresh_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT")
export KAFKA_BOOTSTRAP_SERVERS
BROKER_PID=$(broker_pid "$KAFKA_PORT")

log "building rating-service, invoicing-service and the bench tool"
(cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl rating-service,invoicing-service,bench/billing-run -am) > "$OUT/build.log" 2>&1 \
  || { tail -30 "$OUT/build.log" >&2; exit 1; }
BENCH=(java -Xmx1g -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" dev.billing.bench.billingrun.BillingRunBench)

await_ready() {
  for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready" && return; sleep 0.2; done
  log "service on port $1 not ready"; exit 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU seconds of PostgreSQL's processes by kind: the outbox relays' walsenders (logical decoding),
# the services' connections, and the rest (checkpointer, WAL writer, autovacuum)
pg_cpu() {
  ps -eo cputimes=,args= | awk '$2 ~ /^postgres:/ {
      kind = ($0 ~ /walsender/) ? "walsender" : ($0 ~ /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+\(/) ? "connections" : "other"
      s[kind] += $1 } END { for (k in s) print k, s[k] }' | sort
}

log "starting rating-service (:$RATING_PORT) and invoicing-service (:$INVOICING_PORT)"
# shellcheck disable=SC2046
HTTP_PORT=$RATING_PORT QUARKUS_HTTP_HOST=127.0.0.1 DB_NAME=$DB INVOICING_URL="$BENCH_INVOICING_URL" \
  java ${RATING_HEAP:-$(java_opts rating-service)} -jar "$ROOT/rating-service/target/quarkus-app/quarkus-run.jar" > "$OUT/rating.log" 2>&1 &
RATING_PID=$!
await_ready "$RATING_PORT"
# BENCH_BILLING_CONCURRENCY: subscriptions billed at once by the run (invoicing.billing.concurrency;
# unset = the service's default)
[ -n "${BENCH_BILLING_CONCURRENCY:-}" ] && export INVOICING_BILLING_CONCURRENCY=$BENCH_BILLING_CONCURRENCY
# shellcheck disable=SC2046
HTTP_PORT=$INVOICING_PORT QUARKUS_HTTP_HOST=127.0.0.1 DB_NAME=$DB RATING_URL="$BENCH_RATING_URL" BILLING_RUN_EVERY=off \
  java ${INVOICING_HEAP:-$(java_opts invoicing-service)} -jar "$ROOT/invoicing-service/target/quarkus-app/quarkus-run.jar" > "$OUT/invoicing.log" 2>&1 &
INVOICING_PID=$!
await_ready "$INVOICING_PORT"

log "setup: organization, catalog, $BENCH_SUBSCRIPTIONS customers and subscriptions through the APIs"
"${BENCH[@]}" setup | tee -a "$OUT/bench.txt" >&2

log "usage: $BENCH_EVENTS_PER_METRIC events per subscription and metric, metered by rating"
"${BENCH[@]}" usage | tee -a "$OUT/bench.txt" >&2

log "the timed billing run as of 2026-12-01"
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  # JFR CPU profile of both services during the run only
  jcmd "$INVOICING_PID" JFR.start name=run settings=profile filename="$OUT/invoicing.jfr" >/dev/null
  jcmd "$RATING_PID" JFR.start name=run settings=profile filename="$OUT/rating.jfr" >/dev/null
fi
R0=$(cpu_ticks "$RATING_PID") I0=$(cpu_ticks "$INVOICING_PID") B0=$(cpu_ticks "$BROKER_PID")
pg_cpu > "$OUT/pg-cpu-before.txt"
# where pg_stat_statements is loaded and created in the postgres database (bench/README.md), the
# statements of the timed run only
STATEMENTS=$("${PSQL[@]}" -c "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")
[ "$STATEMENTS" = 1 ] && "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
PG0=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
"${BENCH[@]}" run | tee -a "$OUT/bench.txt" >&2
R1=$(cpu_ticks "$RATING_PID") I1=$(cpu_ticks "$INVOICING_PID") B1=$(cpu_ticks "$BROKER_PID")
PG1=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
pg_cpu > "$OUT/pg-cpu-after.txt"
[ "$STATEMENTS" = 1 ] && psql -h 127.0.0.1 -U postgres -d postgres -P pager=off -c "
  SELECT calls, round(total_exec_time) AS exec_ms, round(total_plan_time) AS plan_ms,
         round((total_exec_time + total_plan_time) / calls * 1000) AS us_per_call, left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
   WHERE d.datname = '$DB' ORDER BY total_exec_time + total_plan_time DESC LIMIT 40" > "$OUT/pg-statements.txt"
TCK=$(getconf CLK_TCK)
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  jcmd "$INVOICING_PID" JFR.stop name=run >/dev/null
  jcmd "$RATING_PID" JFR.stop name=run >/dev/null
fi
echo "BENCH run_cpu_seconds_postgres $(join "$OUT/pg-cpu-before.txt" "$OUT/pg-cpu-after.txt" | awk '{printf "%s=%d ", $1, $3 - $2}')" | tee -a "$OUT/bench.txt" >&2
echo "BENCH run_cpu_seconds invoicing=$(( (I1 - I0) / TCK )) rating=$(( (R1 - R0) / TCK )) broker=$(( (B1 - B0) / TCK )) machine=$(( (PG1 - PG0) / TCK ))" | tee -a "$OUT/bench.txt" >&2

log "independent recomputation of $BENCH_SUBSCRIPTIONS invoices"
"${BENCH[@]}" verify | tee -a "$OUT/bench.txt" >&2

value() { grep -ho "$1=[0-9.]*" "$OUT/bench.txt" | tail -1 | cut -d= -f2; }
SECONDS_RUN=$(value billing_run_seconds)
MISMATCHES=$(value mismatches)
FAILURES=$(value run_failures)
echo "details: $OUT" >&2
STATUS=0
[ "$FAILURES" = 0 ] || { log "the billing run reported $FAILURES failures (see $OUT/billing-run-answer.json)"; STATUS=1; }
[ "$MISMATCHES" = 0 ] || STATUS=1
echo "RESULT subscriptions=$BENCH_SUBSCRIPTIONS seconds=$SECONDS_RUN mismatches=$MISMATCHES" | tee "$OUT/result.txt"
exit $STATUS
