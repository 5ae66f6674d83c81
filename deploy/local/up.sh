#!/usr/bin/env bash
# Brings up the whole stack on this machine, no Docker: PostgreSQL (wal_level=logical), a single-node
# Kafka, the topics, every service module that exists, nginx on 127.0.0.1:3000 as the edge, and a
# default organization, then runs a short demo (e2e/demo.js; BILLING_DEMO=0 skips it). Running it twice is harmless: what runs keeps running (a service whose jar
# was rebuilt is restarted). deploy/local/down.sh stops exactly what this started.
# BILLING_STACK=e2e|soak brings up another stack with ports, broker, database and run directory of
# its own instead (deploy/local/stack.sh); the same variable picks it for down.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=services.sh
source "$HERE/services.sh"
# shellcheck source=stack.sh
source "$HERE/stack.sh"
RUN=$STACK_RUN
BASE_URL="http://127.0.0.1:$EDGE_PORT"
mkdir -p "$RUN"

log() { echo "[up] $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

alive() {  # alive NAME MARKER: the PID in .run/NAME.pid runs and its command line contains MARKER
  local pidfile="$RUN/$1.pid"
  [ -f "$pidfile" ] && [ -r "/proc/$(cat "$pidfile")/cmdline" ] \
    && tr '\0' ' ' < "/proc/$(cat "$pidfile")/cmdline" | grep -qF -- "$2"
}

build_fingerprint() {  # content of the packaged app, independent of zip timestamps
  { for jar in "$1"/app/*.jar "$1"/lib/main/dev.billing.*.jar; do unzip -p "$jar"; done; ls "$1/lib/main"; } \
    | sha256sum | cut -d' ' -f1
}

# 1. infrastructure
PG_DATABASES=${PG_DATABASES:-$DB_NAME} "$HERE/postgres.sh" start >/dev/null
KAFKA_BOOTSTRAP_SERVERS=$("$HERE/kafka.sh" start)
export KAFKA_BOOTSTRAP_SERVERS

# 2. build the services (the jars only; tests are the other command)
if [ "${BILLING_SKIP_BUILD:-0}" = 1 ]; then
  log "using the jars already packaged (BILLING_SKIP_BUILD=1)"
else
  log "building services (./mvnw package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) > "$RUN/build.log" 2>&1 \
    || { tail -40 "$RUN/build.log" >&2; log "build failed, see $RUN/build.log"; exit 1; }
fi

deployed=()
for entry in "${SERVICES[@]}"; do
  read -r name port <<< "$entry"
  [ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ] && deployed+=("$name $((port + PORT_OFFSET))")
done
[ ${#deployed[@]} -gt 0 ] || { log "no service was built"; exit 1; }

# 3. topics, from the one list in the platform module (Topics.ALL)
first=$(echo "${deployed[0]}" | cut -d' ' -f1)
java -cp "$ROOT/$first/target/quarkus-app/lib/main/*" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Djava.util.logging.config.file=/dev/null \
  dev.billing.platform.kafka.TopicInitializer "$KAFKA_BOOTSTRAP_SERVERS" > "$RUN/topics.log" 2> "$RUN/topics.err" \
  || { cat "$RUN/topics.err" >&2; exit 1; }
log "topics ready ($(grep -c . "$RUN/topics.log") listed in $RUN/topics.log)"

# 4. services
if [ ! -f "$RUN/admin-token" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$RUN/admin-token"
fi
BILLING_ADMIN_TOKEN=${BILLING_ADMIN_TOKEN:-$(cat "$RUN/admin-token")}
for entry in "${deployed[@]}"; do
  read -r name port <<< "$entry"
  jar="$ROOT/$name/target/quarkus-app/quarkus-run.jar"
  build_id=$(build_fingerprint "$ROOT/$name/target/quarkus-app")
  if alive "$name" "$jar"; then
    if [ "$build_id" != "$(cat "$RUN/$name.build" 2>/dev/null)" ]; then
      log "$name changed since it started: restarting"; kill "$(cat "$RUN/$name.pid")"
      for _ in $(seq 1 150); do alive "$name" "$jar" || break; sleep 0.1; done
    else
      log "$name already running (pid $(cat "$RUN/$name.pid"))"; continue
    fi
  fi
  echo "$build_id" > "$RUN/$name.build"
  log "starting $name on 127.0.0.1:$port (log: $RUN/$name.log)"
  HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 BILLING_ADMIN_TOKEN=$BILLING_ADMIN_TOKEN \
    KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS DB_NAME=$DB_NAME \
    RATING_URL="http://127.0.0.1:$(stack_port rating-service)" \
    INVOICING_URL="http://127.0.0.1:$(stack_port invoicing-service)" BILLING_API_URL="$BASE_URL" \
    setsid nohup java ${SERVICE_JAVA_OPTS:-$(java_opts "$name")} -jar "$jar" >> "$RUN/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
done
for entry in "${deployed[@]}"; do
  read -r name port <<< "$entry"
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    alive "$name" "quarkus-run.jar" || { tail -30 "$RUN/$name.log" >&2; log "$name died"; exit 1; }
    sleep 0.2
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" || { log "$name not ready"; exit 1; }
done
log "services ready: $(printf "%s " "${deployed[@]}" | sed "s/ [0-9][0-9]*//g")"

# 5. the edge
if ! command -v nginx >/dev/null; then
  log "nginx is not installed: apt-get install nginx-light"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >&2
fi
mkdir -p "$RUN/nginx-tmp"
upstreams=""; backends=""
for entry in "${deployed[@]}"; do
  read -r name port <<< "$entry"
  owner=${name%-service}; owner=${owner%-router}
  upstreams+="  upstream $owner { server 127.0.0.1:$port; keepalive 256; }"$'\n'
  backends+="    $owner $owner;"$'\n'
done
user_line=""; [ "$(id -u)" = 0 ] && user_line="user root;"
python3 - "$HERE/nginx.conf.template" "$RUN/nginx.conf" <<PY
import sys
text = open(sys.argv[1]).read()
for key, value in {"@USER@": """$user_line""", "@RUN@": """$RUN""", "@EDGE_PORT@": """$EDGE_PORT""",
                   "@UPSTREAMS@": """$upstreams""", "@BACKENDS@": """$backends"""}.items():
    text = text.replace(key, value)
open(sys.argv[2], "w").write(text)
PY
nginx -t -q -c "$RUN/nginx.conf" -p "$RUN" 2>> "$RUN/nginx-error.log" || { tail "$RUN/nginx-error.log" >&2; exit 1; }
if alive nginx "nginx"; then
  nginx -s reload -c "$RUN/nginx.conf" -p "$RUN"; log "nginx reloaded"
else
  nginx -c "$RUN/nginx.conf" -p "$RUN"; log "nginx started on $BASE_URL"
fi
for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE_URL/" && break; sleep 0.1; done

# 6. the default organization (key from env BILLING_API_KEY if set)
authenticates() { [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$BASE_URL/api/v1/organizations")" = 200 ]; }
API_KEY=${BILLING_API_KEY:-$(cat "$RUN/api-key" 2>/dev/null || true)}
if [ -z "$API_KEY" ] || ! authenticates "$API_KEY"; then
  body=$(python3 -c 'import json,sys; o={"name":"Default"}; k=sys.argv[1]; o.update({"api_key":k} if k else {}); print(json.dumps({"organization":o}))' "${BILLING_API_KEY:-}")
  API_KEY=$(curl -fsS -X POST "http://127.0.0.1:$(stack_port invoicing-service)/admin/v1/organizations" \
    -H "Authorization: Bearer $BILLING_ADMIN_TOKEN" -H 'Content-Type: application/json' -d "$body" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["organization"]["api_key"])')
  # at once: a service that has not heard of the key yet asks invoicing (docs/adr/0005)
  authenticates "$API_KEY" || { log "the default organization's key does not authenticate"; exit 1; }
  log "created the default organization"
fi
echo "$API_KEY" > "$RUN/api-key"; chmod 600 "$RUN/api-key" "$RUN/admin-token"

cat <<INFO

  Stack $BILLING_STACK is up.
    base URL      $BASE_URL/api/v1
    API key       $API_KEY
    operator      http://127.0.0.1:<service port>/admin/v1/...  (token in $RUN/admin-token)
    logs          $RUN/<service>.log, Kafka: ${KAFKA_CACHE_DIR:-$HOME/.cache/local-kafka}/run-$KAFKA_PORT/server.log
    stop          BILLING_STACK=$BILLING_STACK deploy/local/down.sh

  try:  curl -s -H "Authorization: Bearer $API_KEY" $BASE_URL/api/v1/organizations

INFO

# 7. the demo (BILLING_DEMO=0 skips it): three seed customers, a burst of usage, the period closed
# by the as-of billing run, each invoice printed. Needs Node 20+ (the e2e module, Lago's SDK).
if [ "${BILLING_DEMO:-1}" = 1 ]; then
  if command -v npm >/dev/null; then
    log "demo: npm ci in e2e/"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --silent >&2) \
      && (cd "$ROOT/e2e" && node demo.js) \
      || log "the demo failed (the stack is up anyway)"
  else
    log "no npm on this machine: skipping the demo (e2e/demo.js, Node 20+)"
  fi
fi
