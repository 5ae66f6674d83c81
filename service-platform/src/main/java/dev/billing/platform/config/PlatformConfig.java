package dev.billing.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings every service shares. Defaults live in the platform jar's {@code
 * META-INF/microprofile-config.properties}; a service sets its name and schema, the environment
 * sets addresses and secrets.
 */
@ConfigMapping(prefix = "billing")
public interface PlatformConfig {

  /** The service's name: prefix of its consumer groups, name of its outbox relay. */
  String serviceName();

  Db db();

  Kafka kafka();

  Outbox outbox();

  Auth auth();

  Consumers consumers();

  Owners owners();

  /**
   * A replica that only answers the API (env BILLING_API_ONLY): no consumers, no outbox relay, no
   * scheduled jobs; the service's other replicas do that work. Its requests then never share a heap
   * (and its garbage collections) or a CPU share with a backlog being worked off.
   */
  @WithDefault("false")
  boolean apiOnly();

  /** Largest request body accepted (413 above it). */
  @WithDefault("1M")
  io.quarkus.runtime.configuration.MemorySize maxBodySize();

  /** The service's PostgreSQL database and the schema it owns. */
  interface Db {
    /** Host of PostgreSQL (env DB_HOST). */
    String host();

    /** Port of PostgreSQL (env DB_PORT). */
    int port();

    /** Database holding every service's schema (env DB_NAME). */
    String name();

    /** User; needs REPLICATION for the outbox relay (env DB_USER). */
    String user();

    /** Password (env DB_PASSWORD). */
    String password();

    /** The schema this service owns; no other service reads it. */
    String schema();
  }

  /** Kafka. */
  interface Kafka {
    /** Bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS). */
    String bootstrapServers();

    /**
     * Prefix of this service's consumer group ids; tests use their own so they never steal
     * partitions.
     */
    String groupPrefix();

    /** Create missing topics of {@code Topics.ALL} at start-up. */
    @WithDefault("true")
    boolean createTopics();
  }

  /** The Debezium outbox relay. */
  interface Outbox {
    /** Run the relay in this process (one process per service may own the replication slot). */
    @WithDefault("true")
    boolean enabled();

    /** Replication slot; slots are cluster-wide, so the name includes database and schema. */
    String slotName();

    /** Publication covering this schema's outbox table. */
    String publicationName();

    /** How long Debezium waits for WAL when idle; end-to-end latency is 1-2x this. */
    @WithDefault("20ms")
    Duration pollInterval();

    /** How long start-up waits for the relay to stream before failing. */
    @WithDefault("60s")
    Duration startTimeout();

    /** How often the relay's slot is read for its lag metrics and health, also while stopped. */
    @WithDefault("5s")
    Duration monitorInterval();
  }

  /** Authentication. */
  interface Auth {
    /**
     * Token for the operator API ({@code /admin/...}), env BILLING_ADMIN_TOKEN; unset disables it.
     */
    Optional<String> adminToken();

    /** How long a resolved API key is trusted before it is looked up again. */
    @WithDefault("10s")
    Duration keyCacheTtl();
  }

  /** The Kafka consumers' database work. */
  interface Consumers {
    /**
     * Event loops of the consumers' own Vert.x instance: a batch's database callbacks and CPU work
     * run there, never on the loops that serve HTTP.
     */
    @WithDefault("2")
    int eventLoops();

    /** Connections of the consumers' pool. */
    @WithDefault("8")
    int poolSize();

    /**
     * While API requests are being answered, consumer batches run one at a time instead of side by
     * side ({@link dev.billing.platform.consumer.BackgroundGate}).
     */
    @WithDefault("true")
    boolean yieldToRequests();

    /**
     * Most bytes a consumer fetches ahead per partition ({@code max.partition.fetch.bytes}). What
     * is fetched ahead waits in the heap until it is applied: with Kafka's 1 MB per partition, a
     * consumer's 6 partitions of a backlog outlived several young collections and were promoted
     * (the old generation grew ~3 MB/s while metering, then a 139 ms full collection).
     */
    @WithDefault("131072")
    int maxPartitionFetchBytes();

    /** Most bytes of one fetch across partitions ({@code fetch.max.bytes}; Kafka's is 50 MB). */
    @WithDefault("1048576")
    int fetchMaxBytes();
  }

  /**
   * The services that own what this service keeps read models of: a read model's miss is asked of
   * its owner's internal API ({@link dev.billing.platform.readmodel.ReadThrough}).
   */
  interface Owners {
    /**
     * invoicing-service (organizations and API keys, customers, subscriptions), env INVOICING_URL;
     * unset, a miss in those read models is final.
     */
    Optional<String> invoicingUrl();

    /** rating-service (billable metrics, plans), env RATING_URL; unset, a miss is final. */
    Optional<String> ratingUrl();

    /** How long an owner may take to answer before the request is answered 503. */
    @WithDefault("2s")
    Duration timeout();

    /**
     * Misses one organization (or, for unknown API keys, all unauthenticated callers together) may
     * ask owners about per second; past it the request is answered 429. Bounds a loop of requests
     * for codes that do not exist.
     */
    @WithDefault("50")
    int missesPerSecond();
  }
}
