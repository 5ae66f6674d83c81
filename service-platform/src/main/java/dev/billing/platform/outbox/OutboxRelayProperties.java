package dev.billing.platform.outbox;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.kafka.KafkaClients;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Debezium engine and producer settings of the relay. The reasons behind the non-default values are
 * in docs/adr/0002-outbox-relay.md.
 */
final class OutboxRelayProperties {

  private OutboxRelayProperties() {}

  /**
   * @param resnapshot publish every row in the outbox table before streaming (a new slot after the
   *     old one lost changes); otherwise only what is committed after the slot's position
   */
  static Properties engine(PlatformConfig config, boolean resnapshot) {
    PlatformConfig.Db db = config.db();
    String logicalName = db.name() + "_" + db.schema();
    Properties p = new Properties();
    p.setProperty("name", config.serviceName() + "-outbox");
    p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.setProperty("database.hostname", db.host());
    p.setProperty("database.port", String.valueOf(db.port()));
    p.setProperty("database.user", db.user());
    p.setProperty("database.password", db.password());
    p.setProperty("database.dbname", db.name());
    p.setProperty("topic.prefix", logicalName);
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", config.outbox().slotName());
    p.setProperty("publication.name", config.outbox().publicationName());
    p.setProperty("publication.autocreate.mode", "filtered");
    p.setProperty("schema.include.list", db.schema());
    p.setProperty("table.include.list", db.schema() + ".outbox");
    String outbox = db.schema() + ".outbox";
    p.setProperty("snapshot.mode", resnapshot ? "initial" : "no_data");
    p.setProperty("snapshot.select.statement.overrides", outbox);
    p.setProperty(
        "snapshot.select.statement.overrides." + outbox,
        "SELECT * FROM " + outbox + " ORDER BY created_at, id");
    p.setProperty("tombstones.on.delete", "false");
    p.setProperty("poll.interval.ms", String.valueOf(config.outbox().pollInterval().toMillis()));
    p.setProperty("offset.flush.interval.ms", "0");
    p.setProperty("lsn.flush.mode", "connector_and_driver");
    p.setProperty("heartbeat.interval.ms", "10000");
    p.setProperty("offset.mismatch.strategy", "trust_greater_lsn");
    p.setProperty("extended.headers.enabled", "false");
    // a failure stops the engine, and OutboxRelay restarts it after checking the slot: retried
    // inside the engine, a dropped slot would be recreated silently, losing what was committed
    // in between (a slot in use at start is retried by the connector itself, slot.max.retries)
    p.setProperty("errors.max.retries", "0");
    p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
    p.setProperty(
        "offset.storage.jdbc.connection.url",
        "jdbc:postgresql://%s:%d/%s?currentSchema=%s"
            .formatted(db.host(), db.port(), db.name(), db.schema()));
    p.setProperty("offset.storage.jdbc.connection.user", db.user());
    p.setProperty("offset.storage.jdbc.connection.password", db.password());
    p.setProperty("offset.storage.jdbc.table.name", "outbox_relay_offsets");
    return p;
  }

  static Properties producer(PlatformConfig config) {
    Properties p =
        KafkaClients.durableProducer(
            config.kafka().bootstrapServers(), config.serviceName() + "-outbox-relay");
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "1");
    p.setProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    p.setProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    return p;
  }
}
