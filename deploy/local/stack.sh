# Sourced: the addresses of one stack on this machine, picked by BILLING_STACK. Each stack has its
# own run directory (PIDs, logs, tokens), service ports, edge port, Kafka broker and database, so
# none replays what another left on its topics, collides with its ports or shares its slots:
#   local  the developer's stack (up.sh, down.sh): services 8081-8086, edge 3000, Kafka 9092, `billing`
#   e2e    deploy/local/e2e.sh: services 28081-28086, edge 23000, Kafka 29092, `billing_e2e`
#   soak   bench/soak/run.sh: services 29081-29086, edge 24000, Kafka 29192, `billing_soak`
# The local stack keeps honouring EDGE_PORT, KAFKA_PORT and DB_NAME from the environment; the other
# stacks do not, so a developer's exports never move them onto the local stack's broker.
STACK_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BILLING_STACK=${BILLING_STACK:-local}
case "$BILLING_STACK" in
  local)
    STACK_RUN="$STACK_HERE/.run"; PORT_OFFSET=0
    EDGE_PORT=${EDGE_PORT:-3000}; KAFKA_PORT=${KAFKA_PORT:-9092}; DB_NAME=${DB_NAME:-billing}
    KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))} ;;
  e2e)
    STACK_RUN="$STACK_HERE/.run-e2e"; PORT_OFFSET=20000
    EDGE_PORT=23000; KAFKA_PORT=29092; KAFKA_CONTROLLER_PORT=29093; DB_NAME=billing_e2e ;;
  soak)
    STACK_RUN="$STACK_HERE/.run-soak"; PORT_OFFSET=21000
    EDGE_PORT=24000; KAFKA_PORT=29192; KAFKA_CONTROLLER_PORT=29193; DB_NAME=billing_soak ;;
  *) echo "unknown BILLING_STACK=$BILLING_STACK (local, e2e or soak)" >&2; exit 2 ;;
esac
export BILLING_STACK KAFKA_PORT KAFKA_CONTROLLER_PORT DB_NAME

# stack_port SERVICE: the HTTP port of a service (services.sh's port + this stack's offset)
stack_port() {
  local entry name port
  for entry in "${SERVICES[@]}"; do
    read -r name port <<< "$entry"
    [ "$name" = "$1" ] && { echo $((port + PORT_OFFSET)); return 0; }
  done
  return 1
}
