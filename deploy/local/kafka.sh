#!/usr/bin/env bash
# A single-node Kafka broker (KRaft, broker + controller in one JVM) from the Kafka jars on Maven Central.
# No Docker. Idempotent: `start` when already running prints the bootstrap address and returns.
#
#   kafka.sh start | stop | restart | status | reset | tool MAIN_CLASS args... | classpath
#
# `start` prints only the bootstrap address on stdout (BOOTSTRAP=$(kafka.sh start)); logs go to stderr.
set -euo pipefail

KAFKA_VERSION=${KAFKA_VERSION:-4.1.2}
KAFKA_HOST=${KAFKA_HOST:-127.0.0.1}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}
KAFKA_JVM_OPTS=${KAFKA_JVM_OPTS:-}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
KAFKA_CACHE_DIR=${KAFKA_CACHE_DIR:-$HOME/.cache/local-kafka}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MVN=${MVN:-$HERE/../../mvnw}

LIB="$KAFKA_CACHE_DIR/lib-$KAFKA_VERSION"
RUN="$KAFKA_CACHE_DIR/run-$KAFKA_PORT"
PIDFILE="$RUN/kafka.pid"
CONF="$RUN/server.properties"

log() { echo "[kafka] $*" >&2; }

ensure_jars() {
  [ -f "$LIB/.complete" ] && return 0
  log "downloading Kafka $KAFKA_VERSION jars from Maven Central into $LIB"
  mkdir -p "$LIB" "$KAFKA_CACHE_DIR/pom-$KAFKA_VERSION"
  cat > "$KAFKA_CACHE_DIR/pom-$KAFKA_VERSION/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version>
      <exclusions>
        <exclusion><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId></exclusion>
        <exclusion><groupId>com.fasterxml.jackson.jakarta.rs</groupId><artifactId>jackson-jakarta-rs-json-provider</artifactId></exclusion>
      </exclusions></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>2.25.3</version></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin></plugins></build>
</project>
POM
  # shellcheck disable=SC2086
  if ! "$MVN" -B -q ${MVN_ARGS:-} -f "$KAFKA_CACHE_DIR/pom-$KAFKA_VERSION/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LIB" -DincludeScope=runtime > "$KAFKA_CACHE_DIR/mvn-$KAFKA_VERSION.log" 2>&1; then
    log "maven failed, see $KAFKA_CACHE_DIR/mvn-$KAFKA_VERSION.log"; tail -20 "$KAFKA_CACHE_DIR/mvn-$KAFKA_VERSION.log" >&2; exit 1
  fi
  touch "$LIB/.complete"
}

write_config() {
  mkdir -p "$RUN/data"
  cat > "$RUN/log4j2.properties" <<L4J
status = error
shutdownHook = disable
appender.file.type = File
appender.file.name = file
appender.file.fileName = $RUN/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = info
logger.state.name = state.change.logger
logger.state.level = warn
L4J
  cat > "$RUN/tools-log4j2.properties" <<L4J
status = error
appender.err.type = Console
appender.err.name = err
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m%n
rootLogger.level = warn
rootLogger.appenderRef.err.ref = err
L4J
  cat > "$CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$RUN/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=48
log.retention.bytes=2147483648
log.segment.bytes=268435456
${KAFKA_EXTRA_PROPS:-}
PROPS
}

pid_alive() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "kafka.Kafka $CONF"
}

port_open() { (exec 3<>"/dev/tcp/$KAFKA_HOST/$1") 2>/dev/null; }

start() {
  if pid_alive; then echo "$KAFKA_HOST:$KAFKA_PORT"; return 0; fi
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$p"; then log "port $p is taken by something this script did not start"; exit 1; fi
  done
  ensure_jars
  write_config
  if [ ! -f "$RUN/data/meta.properties" ]; then
    # "=": an id starting with "-" (1 in 64) would otherwise be read as an option
    local cid; cid=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-22)
    "$JAVA" -Dlog4j2.configurationFile="$RUN/tools-log4j2.properties" -cp "$LIB/*" kafka.tools.StorageTool \
      format --standalone --cluster-id="$cid" -c "$CONF" >&2
  fi
  log "starting broker on $KAFKA_HOST:$KAFKA_PORT (log: $RUN/server.log)"
  # readiness is read from this start's log only
  [ -f "$RUN/server.log" ] && mv -f "$RUN/server.log" "$RUN/server.log.previous"
  # shellcheck disable=SC2086
  setsid nohup "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true $KAFKA_JVM_OPTS \
    -Dlog4j2.configurationFile="$RUN/log4j2.properties" -cp "$LIB/*" kafka.Kafka "$CONF" \
    > "$RUN/kafka.out" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  until port_open "$KAFKA_PORT" && grep -q "Kafka Server started" "$RUN/server.log" 2>/dev/null; do
    # kill -0, not pid_alive: until the child has exec'd java its command line is still this script's
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then log "broker exited; last lines:"; tail -30 "$RUN/kafka.out" "$RUN/server.log" >&2 2>/dev/null; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then log "not ready after ${KAFKA_START_TIMEOUT}s"; exit 1; fi
    sleep 0.2
  done
  log "ready (pid $(cat "$PIDFILE"))"
  echo "$KAFKA_HOST:$KAFKA_PORT"
}

stop() {
  if ! pid_alive; then rm -f "$PIDFILE"; return 0; fi
  local pid; pid=$(cat "$PIDFILE")
  log "stopping pid $pid"
  kill -TERM "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "still alive after 30s, SIGKILL"; kill -KILL "$pid"; fi
  rm -f "$PIDFILE"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if pid_alive; then echo "running pid $(cat "$PIDFILE") on $KAFKA_HOST:$KAFKA_PORT"; else echo "stopped"; exit 1; fi ;;
  reset) stop; rm -rf "$RUN" ;;
  classpath) ensure_jars; echo "$LIB/*" ;;
  tool) shift; ensure_jars; write_config; main=$1; shift
        exec "$JAVA" -Dlog4j2.configurationFile="$RUN/tools-log4j2.properties" -cp "$LIB/*" "$main" "$@" ;;
  *) echo "usage: $0 start|stop|restart|status|reset|classpath|tool MAIN args..." >&2; exit 2 ;;
esac
