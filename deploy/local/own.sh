# Sourced: a run's own database and Kafka broker, emptied when the run starts and released when it
# ends, so that no run replays what another left on a topic and none leaves a replication slot that
# pins WAL after it (test.sh, e2e.sh, the benchmarks). Each function logs to stderr only.
OWN_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

own_psql() {
  psql -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${DB_USER:-postgres}" -d postgres -qAt "$@"
}

# drop_slots DB: every replication slot of the database; the walsender of one still in use (a
# process that did not stop) is ended first, since an active slot cannot be dropped
drop_slots() {
  local db=$1 left
  for _ in $(seq 1 50); do
    own_psql -c "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots
                 WHERE database = '$db' AND active_pid IS NOT NULL" >/dev/null
    own_psql -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
                 WHERE database = '$db' AND NOT active" >/dev/null 2>&1 || true
    left=$(own_psql -c "SELECT string_agg(slot_name, ' ') FROM pg_replication_slots WHERE database = '$db'")
    [ -z "$left" ] && return 0
    sleep 0.2
  done
  echo "[own] could not drop the replication slots of $db: $left" >&2
  return 1
}

# fresh_database DB: the database dropped (slots first) and created empty
fresh_database() {
  drop_slots "$1"
  own_psql -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
}

# fresh_broker PORT CONTROLLER_PORT: a broker of its own with no data; prints its bootstrap address
fresh_broker() {
  KAFKA_PORT=$1 KAFKA_CONTROLLER_PORT=$2 "$OWN_HERE/kafka.sh" reset
  KAFKA_PORT=$1 KAFKA_CONTROLLER_PORT=$2 "$OWN_HERE/kafka.sh" start
}

# drop_broker PORT CONTROLLER_PORT: the broker stopped and its data deleted
drop_broker() {
  KAFKA_PORT=$1 KAFKA_CONTROLLER_PORT=$2 "$OWN_HERE/kafka.sh" reset
}

# broker_pid PORT: the PID of the broker kafka.sh runs on that port
broker_pid() {
  cat "${KAFKA_CACHE_DIR:-$HOME/.cache/local-kafka}/run-$1/kafka.pid"
}
