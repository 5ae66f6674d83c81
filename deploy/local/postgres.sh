#!/usr/bin/env bash
# Makes the machine's PostgreSQL ready for the services: running, wal_level=logical (Debezium's outbox relay)
# with the WAL a replication slot may keep capped (max_slot_wal_keep_size),
# a password on the superuser (Debian's pg_hba asks for one over TCP), and the databases; on a local
# server, also the kernel's scheduling of its backends (host_scheduling).
# Installs PostgreSQL with apt only if none is there. Restarts Postgres only if a setting had to change.
#   postgres.sh start | status
set -euo pipefail

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG_PASSWORD=${PG_PASSWORD:-postgres}
PG_DATABASES=${PG_DATABASES:-billing billing_test}

log() { echo "[postgres] $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

debian_cluster() {  # prints "VERSION NAME" of the Debian cluster on our port, if any
  command -v pg_lsclusters >/dev/null || return 0
  pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

psql_su() {  # superuser SQL: over TCP if trust/password works, else peer auth as the postgres OS user
  if PGPASSWORD=$PG_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atqc "select 1" >/dev/null 2>&1; then
    PGPASSWORD=$PG_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    as_root runuser -u postgres -- psql -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  fi
}

start_server() {
  if ! command -v pg_ctlcluster >/dev/null && ! command -v postgres >/dev/null; then
    log "PostgreSQL is not installed: apt-get install postgresql"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  local cluster; cluster=$(debian_cluster)
  if [ -z "$cluster" ]; then
    local ver; ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
    log "creating cluster $ver/main on port $PG_PORT"
    as_root pg_createcluster -p "$PG_PORT" "$ver" main >&2
    cluster="$ver main"
  fi
  log "starting cluster $cluster"
  # shellcheck disable=SC2086
  as_root pg_ctlcluster --skip-systemctl-redirect $cluster start >&2 || as_root pg_ctlcluster $cluster start >&2
  for _ in $(seq 1 100); do ready && return 0; sleep 0.1; done
  log "server did not become ready"; exit 1
}

restart_server() {
  local cluster; cluster=$(debian_cluster)
  if [ -n "$cluster" ]; then
    # shellcheck disable=SC2086
    as_root pg_ctlcluster --skip-systemctl-redirect $cluster restart >&2 || as_root pg_ctlcluster $cluster restart >&2
  else
    local dir owner; dir=$(psql_su -c "show data_directory"); owner=$(stat -c %U "$dir")
    as_root runuser -u "$owner" -- pg_ctl -D "$dir" -l "$dir/restart.log" -w restart >&2
  fi
  for _ in $(seq 1 100); do ready && return 0; sleep 0.1; done
  log "server did not come back after restart"; exit 1
}

# The kernel's autogroup scheduling (a desktop feature, on in Debian's kernels) shares the cores
# between sessions first, and PostgreSQL starts every backend in a session of its own (setsid): each
# backend then weighs as much as a whole service process with all its threads, and the services'
# thread priorities (background threads below the API's) count only inside their own process.
# PostgreSQL tuning guides turn it off on database hosts; we do where PostgreSQL shares the
# services' cores (bench/README.md, rating: current_usage p99 under metering 30.6 -> 19.6 ms).
host_scheduling() {
  local knob=/proc/sys/kernel/sched_autogroup_enabled
  [ -r "$knob" ] && [ "$(cat "$knob")" = 1 ] || return 0
  case "$PG_HOST" in 127.*|localhost|::1) ;; *) return 0 ;; esac
  if { [ "$(id -u)" = 0 ] && echo 0 > "$knob"; } 2>/dev/null || echo 0 | sudo -n tee "$knob" >/dev/null 2>&1; then
    log "kernel.sched_autogroup_enabled=0 (every PostgreSQL backend was a scheduling group of its own)"
  else
    log "warning: could not set kernel.sched_autogroup_enabled=0; API latency under load will suffer"
  fi
}

start() {
  host_scheduling
  ready || start_server
  local changed=0
  if [ "$(psql_su -c "show wal_level")" != logical ]; then
    log "setting wal_level=logical (needs a restart)"
    psql_su -c "ALTER SYSTEM SET wal_level = logical"; changed=1
  fi
  for setting in max_replication_slots max_wal_senders; do
    if [ "$(psql_su -c "show $setting")" -lt 20 ]; then
      psql_su -c "ALTER SYSTEM SET $setting = 20"; changed=1
    fi
  done
  # each service holds up to ~30 connections (HTTP pool, background pool, Flyway, the outbox
  # relay); the stack, the tests' services and a benchmark together need more than the default 100
  if [ "$(psql_su -c "show max_connections")" -lt 300 ]; then
    psql_su -c "ALTER SYSTEM SET max_connections = 300"; changed=1
  fi
  # write-heavy metering (bench/README.md, rating): a buffer cache that holds the ledger's and the
  # aggregates' hot pages, and checkpoints spaced by time instead of forced by WAL volume every
  # few seconds (each one makes the next writes of every page log the whole page)
  if [ "$(psql_su -c "select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'")" -lt 1024 ]; then
    psql_su -c "ALTER SYSTEM SET shared_buffers = '1GB'"; changed=1
  fi
  if [ "$(psql_su -c "select setting from pg_settings where name = 'max_wal_size'")" -lt 4096 ]; then
    psql_su -c "ALTER SYSTEM SET max_wal_size = '4GB'" -c "ALTER SYSTEM SET checkpoint_timeout = '15min'" \
      -c "SELECT pg_reload_conf()" >/dev/null
  fi
  # A replication slot keeps every WAL segment its consumer has not confirmed: an outbox relay that
  # is stopped (a stack that is down, a test module that finished) while benchmarks write GBs of
  # WAL elsewhere in the cluster pinned 3.7-14 GB on this machine, whose disk has been seen with
  # 287 MB free. 2 GB is far more than a running relay ever lags (it confirms within a poll
  # interval, even while idle) and bounds pg_wal to about max_wal_size + 2 GB; a slot that
  # falls further behind is invalidated (wal_status 'lost') and its relay re-snapshots the outbox
  # (docs/adr/0002-outbox-relay.md). Reloaded, no restart.
  if [ "$(psql_su -c "select setting from pg_settings where name = 'max_slot_wal_keep_size'")" != 2048 ]; then
    log "max_slot_wal_keep_size=2GB"
    psql_su -c "ALTER SYSTEM SET max_slot_wal_keep_size = '2GB'" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  # some machines' images turn autovacuum off (a CI tweak in conf.d); without it no table is ever
  # analyzed, and the planner, sizing every table by its first rows, looks a customer up by its
  # external id through the list index, reading all of them (bench/README.md, billing-run)
  if [ "$(psql_su -c "show autovacuum")" != on ]; then
    log "turning autovacuum on"
    psql_su -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  if [ "$changed" = 1 ]; then log "restarting to apply settings"; restart_server; fi
  psql_su -c "ALTER ROLE $PG_USER WITH LOGIN REPLICATION PASSWORD '$PG_PASSWORD'" >/dev/null
  for db in $PG_DATABASES; do
    if [ -z "$(psql_su -c "select 1 from pg_database where datname = '$db'")" ]; then
      log "creating database $db"; psql_su -c "CREATE DATABASE $db"
    fi
  done
  log "ready: wal_level=$(psql_su -c "show wal_level"), databases: $PG_DATABASES"
  echo "postgresql://$PG_HOST:$PG_PORT"
}

case "${1:-start}" in
  start) start ;;
  status) ready && psql_su -c "show wal_level" ;;
  *) echo "usage: $0 start|status" >&2; exit 2 ;;
esac
