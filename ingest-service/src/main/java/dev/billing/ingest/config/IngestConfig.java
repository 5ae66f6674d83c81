package dev.billing.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of ingest-service (platform-wide ones are in {@code PlatformConfig}). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** Most events in one {@code POST /events/batch} (Lago's LAGO_EVENTS_BATCH_MAX_LENGTH). */
  @WithDefault("100")
  int batchMaxSize();

  /** Longest transaction_id, code or external_subscription_id. */
  @WithDefault("255")
  int maxIdLength();

  /** Longest string value of a property. */
  @WithDefault("1024")
  int maxPropertyLength();

  /** Most properties on one event. */
  @WithDefault("100")
  int maxProperties();

  RateLimit rateLimit();

  Producer producer();

  Inbound inbound();

  /** Per-organization request rate limit on the events endpoints (off by default). */
  interface RateLimit {
    @WithDefault("false")
    boolean enabled();

    /** Requests per second per organization, per replica. */
    @WithDefault("500")
    int requestsPerSecond();
  }

  /** The producer of accepted events. */
  interface Producer {
    /** How long a batch waits to fill: throughput against latency. */
    @WithDefault("5")
    int lingerMs();

    /** Per partition; every batch carries its own compression buffers, so bigger is not free. */
    @WithDefault("65536")
    int batchSizeBytes();

    /** none, lz4, zstd, snappy or gzip. */
    @WithDefault("lz4")
    String compression();

    /** Memory for records not yet acknowledged; when full, requests get 503 at once. */
    @WithDefault("16777216")
    long bufferMemoryBytes();

    /** After this a record Kafka did not acknowledge fails, and its request gets 503. */
    @WithDefault("5s")
    Duration deliveryTimeout();
  }

  /** The forwarder of {@code billing.events.inbound}. */
  interface Inbound {
    @WithDefault("true")
    boolean enabled();

    /** Prefix of the transactional id; the replica's index or host name is appended. */
    @WithDefault("ingest-inbound")
    String transactionalIdPrefix();

    /** This replica's identity (e.g. the pod name); stable across restarts of the same replica. */
    @WithDefault("0")
    String instanceId();

    @WithDefault("500")
    int maxPollRecords();
  }
}
