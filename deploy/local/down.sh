#!/usr/bin/env bash
# Stops exactly what up.sh started, by the PIDs it recorded: nginx, the services, Kafka (of the stack
# BILLING_STACK names, deploy/local/stack.sh). PostgreSQL is the machine's own and keeps running; so
# do the stack's database and its replication slots, which hold what the outbox relays have not
# published yet (postgres.sh caps the WAL a slot may keep; e2e.sh drops its own slots).
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=services.sh
source "$HERE/services.sh"
# shellcheck source=stack.sh
source "$HERE/stack.sh"
RUN=$STACK_RUN

stop_pid() {  # stop_pid NAME MARKER
  local pidfile="$RUN/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$2"; then
    echo "[down] stopping $1 (pid $pid)" >&2
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
}

stop_pid nginx "nginx"
for entry in "${SERVICES[@]}"; do
  read -r name _ <<< "$entry"
  stop_pid "$name" "quarkus-run.jar"
done
"$HERE/kafka.sh" stop
