# The service modules of the stack: name, HTTP port, JVM options. Sourced by up.sh, down.sh and the
# benchmarks, so a service runs with the same JVM settings everywhere. A module that does not exist
# yet is skipped, so this list can run ahead of the code.
SERVICES=(
  "ingest-service 8081"
  "rating-service 8082"
  "invoicing-service 8083"
  "wallet-service 8084"
  "tax-service 8085"
  "payment-router 8086"
)

# JVM options per service. ingest-service: measured in bench/ingest (RSS under 300 MB at 200k+
# events/s; see bench/README.md). Every service: Java thread priorities become nice values, so the
# background threads (consumers, their pool's event loops) yield the cores to API requests.
PRIORITIES="-XX:ThreadPriorityPolicy=1"
DEFAULT_JAVA_OPTS="-Xms64m -Xmx512m"
java_opts() {
  echo "$PRIORITIES $(java_heap_opts "$1")"
}
java_heap_opts() {
  case "$1" in
    ingest-service) echo "-Xms112m -Xmx112m -Xmn72m -XX:+UseParallelGC -XX:ParallelGCThreads=2 -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=4 -XX:MaxTenuringThreshold=15 -XX:ReservedCodeCacheSize=40m -XX:MaxDirectMemorySize=32m -Xss512k" ;;
    rating-service) echo "-Xms256m -Xmx768m -XX:+UseParallelGC" ;;
    *) echo "$DEFAULT_JAVA_OPTS" ;;
  esac
}
# fewer glibc malloc arenas: tens of MB less resident memory per JVM
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
