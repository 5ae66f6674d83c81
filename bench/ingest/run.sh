#!/usr/bin/env bash
# Ingest benchmark: the packaged ingest-service in its own JVM, a load generator in another process
# posting batches of 100 over many connections, then a count of what reached
# billing.events.accepted, and Kafka's own ProducerPerformance on the same broker with the same
# records for the ratio. Its own broker (port 19592) and database (billing_bench_ingest), emptied
# at every run; the broker's data (tens of millions of events) is deleted and the database's slots
# dropped at the end, also on failure, so neither the local stack nor CI replays them.
# Last line: RESULT ingest_events_per_s=... (see bench/README.md).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
PORT=${BENCH_PORT:-8091}
# shellcheck source=../../deploy/local/services.sh
source "$ROOT/deploy/local/services.sh"
# shellcheck source=../../deploy/local/own.sh
source "$ROOT/deploy/local/own.sh"
SERVICE_HEAP=${SERVICE_HEAP:-$(java_opts ingest-service)}
# BENCH_PROFILE=1 records a JFR CPU profile of the service during the saturation phase
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  SERVICE_HEAP="$SERVICE_HEAP -XX:StartFlightRecording=delay=$(( ${BENCH_WARMUP_S:-30} + 8 ))s,duration=$(( ${BENCH_DURATION_S:-60} - 10 ))s,settings=profile,filename=$OUT/service.jfr"
fi
RAW_RECORDS=${RAW_RECORDS:-3000000}
log() { echo "[bench] $*" >&2; }

export DB_NAME=billing_bench_ingest KAFKA_PORT=19592 KAFKA_CONTROLLER_PORT=19593
release() {
  [ -n "${SERVICE_PID:-}" ] && kill "$SERVICE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  drop_slots "$DB_NAME" || true
  drop_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}
trap release EXIT
PG_DATABASES=$DB_NAME "$ROOT/deploy/local/postgres.sh" start >/dev/null
fresh_database "$DB_NAME"
BOOTSTRAP=$(fresh_broker "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT")
export KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP
if curl -s -o /dev/null "http://127.0.0.1:8081/q/health"; then
  log "WARNING: the local stack's ingest-service runs on 8081 and shares the 2 cores; deploy/local/down.sh first for clean figures"
fi

log "building ingest-service and the load generator"
(cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl ingest-service,bench/ingest -am) > "$OUT/build.log" 2>&1 \
  || { tail -30 "$OUT/build.log" >&2; exit 1; }

log "starting ingest-service on :$PORT ($SERVICE_HEAP)"
# shellcheck disable=SC2086
HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 BILLING_KAFKA_GROUP_PREFIX=bench-ingest \
  INGEST_INBOUND_INSTANCE_ID=bench KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP DB_NAME=$DB_NAME \
  java $SERVICE_HEAP -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.2; done

log "load: warm-up ${BENCH_WARMUP_S:-30}s, saturation ${BENCH_DURATION_S:-60}s, then ${BENCH_HALF_S:-30}s at 50,000 events/s and ${BENCH_HALF_S:-30}s at half the saturation rate, ${BENCH_CONNECTIONS:-64} connections"
BROKER_PID=$(broker_pid "$KAFKA_PORT")
BENCH_SERVICE_PID=$SERVICE_PID BENCH_BROKER_PID=$BROKER_PID BENCH_PORT=$PORT java -Xmx512m -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")" \
  dev.billing.bench.ingest.IngestBench | tee "$OUT/load.txt" >&2
value() { grep "^BENCH $1=" "$OUT/load.txt" | cut -d= -f2; }
RSS_MB=$(( $(grep VmHWM "/proc/$SERVICE_PID/status" | awk '{print $2}') / 1024 ))
curl -s "http://127.0.0.1:$PORT/q/metrics" | grep -E '^ingest_request_latency_seconds\{.*quantile' > "$OUT/service-latency.txt" || true
if [[ "$SERVICE_HEAP" == *NativeMemoryTracking* ]]; then
  jcmd "$SERVICE_PID" VM.native_memory summary > "$OUT/native-memory.txt" 2>&1 || true
fi
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true

log "Kafka ProducerPerformance: $RAW_RECORDS records of the same accepted-event JSON, same producer settings"
KAFKA=("$ROOT/deploy/local/kafka.sh" tool)
"${KAFKA[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --delete --topic bench.raw >/dev/null 2>&1 || true
sleep 1
"${KAFKA[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --topic bench.raw --partitions 12 --replication-factor 1 >/dev/null
"${KAFKA[@]}" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" --topic billing.events.accepted \
  --from-beginning --max-messages 2000 --timeout-ms 20000 2>/dev/null > "$OUT/payloads.txt" || true
raw_run() {
  "${KAFKA[@]}" org.apache.kafka.tools.ProducerPerformance --topic bench.raw --num-records "$RAW_RECORDS" \
    --throughput -1 --payload-file "$OUT/payloads.txt" --payload-delimiter $'\n' \
    --producer-props bootstrap.servers="$BOOTSTRAP" acks=all enable.idempotence=true linger.ms=5 \
    batch.size=262144 compression.type=lz4 buffer.memory=67108864 2>/dev/null | tail -1
}
raw_run > "$OUT/raw-warmup.txt"
raw_run | tee "$OUT/raw.txt" >&2
RAW=$(sed -E 's/.* ([0-9.]+) records\/sec.*/\1/' "$OUT/raw.txt" | cut -d. -f1)
"${KAFKA[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --delete --topic bench.raw >/dev/null 2>&1 || true

INGEST=$(value events_per_s)
RATIO=$(python3 -c "print(round($INGEST / $RAW, 3))")
echo "details: $OUT" >&2
echo "RESULT ingest_events_per_s=$INGEST kafka_raw_records_per_s=$RAW ratio=$RATIO p99_ms_at_half_load=$(value half_load_p99_ms) lost=$(value lost) rss_mb=$RSS_MB" | tee "$OUT/result.txt"
