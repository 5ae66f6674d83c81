#!/usr/bin/env bash
# Rating benchmark: 1,000 subscriptions × 5 metrics (one subscription with 1,000,000 events in its
# period) preloaded into billing.events.accepted while the service is down; then the service is
# started and timed until every event is in the aggregates; the aggregates are checked against an
# independent recount; current_usage latency is measured while a second wave is metered.
# Its own broker (port 19292) and database (billing_bench) are emptied at every run; at the end,
# also on failure, the broker's data is deleted and the database's replication slots dropped.
# BENCH_SPLIT=1: the second wave is metered by a worker at nice 10 (WORKER_NICE) while an API-only
# replica (BILLING_API_ONLY=true) on port+1 answers current_usage.
# Last line: RESULT rated_events_per_s=... current_usage_p99_ms=... mismatches=... rss_mb=...
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
PORT=${BENCH_PORT:-8095}
EVENTS=${BENCH_EVENTS:-5000000}
SECOND_WAVE=${BENCH_SECOND_WAVE:-4000000}
export BENCH_HOT_EVENTS=${BENCH_HOT_EVENTS:-1000000}
export BENCH_STATE="$OUT/state.properties" BENCH_BASE_URL="http://127.0.0.1:$PORT"
export BENCH_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/billing_bench"
log() { echo "[bench] $*" >&2; }
# shellcheck source=../../deploy/local/services.sh
source "$ROOT/deploy/local/services.sh"

# shellcheck source=../../deploy/local/own.sh
source "$ROOT/deploy/local/own.sh"

export KAFKA_PORT=19292 KAFKA_CONTROLLER_PORT=19293
release() {
  [ -n "${SERVICE_PID:-}" ] && kill "$SERVICE_PID" 2>/dev/null || true
  [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null || true
  wait 2>/dev/null || true  # the services' walsenders end with them; then their slots can be dropped
  drop_slots billing_bench || true
  drop_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}
trap release EXIT
PG_DATABASES=billing_bench "$ROOT/deploy/local/postgres.sh" start >/dev/null
fresh_database billing_bench
KAFKA_BOOTSTRAP_SERVERS=$(fresh_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT")
export KAFKA_BOOTSTRAP_SERVERS
BROKER_PID=$(broker_pid "$KAFKA_PORT")

log "building rating-service and the bench tools"
(cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl rating-service,bench/rating -am) > "$OUT/build.log" 2>&1 \
  || { tail -30 "$OUT/build.log" >&2; exit 1; }
BENCH=(java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" dev.billing.bench.rating.RatingBench)

start_api_replica() {
  HTTP_PORT=$((PORT + 1)) QUARKUS_HTTP_HOST=127.0.0.1 DB_NAME=billing_bench BILLING_ADMIN_TOKEN=bench BILLING_API_ONLY=true \
    java $(java_opts rating-service) -jar "$ROOT/rating-service/target/quarkus-app/quarkus-run.jar" >> "$OUT/api.log" 2>&1 &
  API_PID=$!
  export BENCH_BASE_URL="http://127.0.0.1:$((PORT + 1))"
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$BENCH_BASE_URL/q/health/ready" && return; sleep 0.2; done
  log "api replica not ready"; exit 1
}

# With "nice", the whole worker process (garbage collector included) yields the cores; Java's own
# thread priorities are then left alone, so that they do not undo it.
start_service() {
  local nice=() opts
  opts=$(java_opts rating-service)
  [ "${1:-}" = nice ] && nice=(nice -n "${WORKER_NICE:-10}") && opts=$(java_heap_opts rating-service)
  # shellcheck disable=SC2046
  HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 DB_NAME=billing_bench BILLING_ADMIN_TOKEN=bench \
    "${nice[@]}" java ${SERVICE_HEAP:-$opts} -jar "$ROOT/rating-service/target/quarkus-app/quarkus-run.jar" >> "$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$BENCH_BASE_URL/q/health/ready" && return; sleep 0.2; done
  log "service not ready"; exit 1
}

log "setup: organization, catalog (5 metrics, 1 plan), 1,000 subscriptions"
start_service
"${BENCH[@]}" setup | tee -a "$OUT/bench.txt" >&2
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true

log "preloading $EVENTS events ($BENCH_HOT_EVENTS for one subscription) while the service is down"
"${BENCH[@]}" preload 0 "$EVENTS" | tee -a "$OUT/bench.txt" >&2

log "starting the service and timing until every event is metered"
start_service
"${BENCH[@]}" await "$EVENTS" | tee -a "$OUT/bench.txt" >&2

RSS_KB=$(grep VmHWM "/proc/$SERVICE_PID/status" | awk '{print $2}')
# The second wave is produced while the service is down, so that the producer (a third of the
# machine's CPU while it runs) is not in the latency: what competes with current_usage is metering.
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
log "preloading a second wave of $SECOND_WAVE events while the service is down"
"${BENCH[@]}" preload "$EVENTS" "$((EVENTS + SECOND_WAVE))" > "$OUT/second-wave.txt"
if [ "${BENCH_SPLIT:-0}" = 1 ]; then
  start_service nice
  start_api_replica
else
  start_service
fi
log "current_usage latency while the second wave is metered: ${BENCH_LATENCY_RATE:-50} calls/s for 30 s, then 4 closed-loop clients for 20 s"
cpu_times() { ps -eo pid,comm,cputimes --sort=-cputimes | head -12; }
"${BENCH[@]}" latency-closed 15 warmup > /dev/null  # the restarted service compiles its hot code first
cpu_times > "$OUT/cpu-before-latency.txt"
BENCH_EXPECTED_EVENTS=$((EVENTS + SECOND_WAVE)) "${BENCH[@]}" latency 30 | tee -a "$OUT/bench.txt" >&2
cpu_times > "$OUT/cpu-after-latency.txt"
"${BENCH[@]}" latency-closed 20 closed_loop_under_metering | tee -a "$OUT/bench.txt" >&2
"${BENCH[@]}" await "$((EVENTS + SECOND_WAVE))" > "$OUT/second-wave-metered.txt"
SECOND_RSS_KB=$(grep VmHWM "/proc/$SERVICE_PID/status" | awk '{print $2}')
[ -n "${API_PID:-}" ] && SECOND_RSS_KB=$((SECOND_RSS_KB + $(grep VmHWM "/proc/$API_PID/status" | awk '{print $2}')))
RSS_MB=$(( (SECOND_RSS_KB > RSS_KB ? SECOND_RSS_KB : RSS_KB) / 1024 ))  # the larger of the two runs (worker + API replica)
log "current_usage latency for 10 s with nothing metered"
"${BENCH[@]}" latency-closed 10 closed_loop_quiet | tee -a "$OUT/bench.txt" >&2

log "independent recount of $((EVENTS + SECOND_WAVE)) events"
"${BENCH[@]}" verify "$((EVENTS + SECOND_WAVE))" | tee -a "$OUT/bench.txt" >&2

value() { grep -ho "$1=[0-9.]*" "$OUT/bench.txt" | tail -1 | cut -d= -f2; }
echo "details: $OUT" >&2
echo "RESULT rated_events_per_s=$(value rated_events_per_s) current_usage_p99_ms=$(value current_usage_p99_ms) mismatches=$(value mismatches) rss_mb=$RSS_MB" | tee "$OUT/result.txt"
