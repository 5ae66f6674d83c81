package dev.billing.platform.testbed;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.kafka.TopicInitializer;
import dev.billing.platform.kafka.TopicSpec;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;

/**
 * The real PostgreSQL and Kafka broker of a test run, for the platform's tests without Quarkus
 * (service-testkit depends on service-platform, so its helpers are not available here). Addresses
 * come from the same variables deploy/local/test.sh sets: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code
 * DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD}.
 */
public final class Testbed {

  private Testbed() {}

  /** A lowercase id unique to this run, usable in schema, slot and topic names. */
  public static String runId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  public static String bootstrapServers() {
    return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
  }

  /**
   * The platform's configuration mapping, built by SmallRye Config from the given properties (keys
   * without the {@code billing.} prefix) plus the database and broker of the run; the mapping's own
   * defaults apply to the rest.
   */
  public static PlatformConfig config(
      String serviceName, String schema, Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("billing.service-name", serviceName);
    values.put("billing.db.host", env("DB_HOST", "127.0.0.1"));
    values.put("billing.db.port", env("DB_PORT", "5432"));
    values.put("billing.db.name", env("DB_NAME", "billing_test"));
    values.put("billing.db.user", env("DB_USER", "postgres"));
    values.put("billing.db.password", env("DB_PASSWORD", "postgres"));
    values.put("billing.db.schema", schema);
    values.put("billing.kafka.bootstrap-servers", bootstrapServers());
    values.put("billing.kafka.group-prefix", serviceName);
    values.put("billing.outbox.slot-name", schema + "_outbox");
    values.put("billing.outbox.publication-name", schema + "_outbox");
    overrides.forEach((key, value) -> values.put("billing." + key, value));
    return new SmallRyeConfigBuilder()
        .withMapping(PlatformConfig.class)
        .withConverter(Duration.class, 200, new DurationConverter())
        .withConverter(MemorySize.class, 200, new MemorySizeConverter())
        .withSources(new PropertiesConfigSource(values, "platform-test", 500))
        .build()
        .getConfigMapping(PlatformConfig.class);
  }

  /**
   * Creates the schema and applies the platform's migrations ({@code db/platform}) to it with
   * Flyway, as every service's start-up does, then the test's own statements.
   */
  public static void migrate(String schema, String... statements) {
    Flyway.configure()
        .dataSource(jdbcUrl(), env("DB_USER", "postgres"), env("DB_PASSWORD", "postgres"))
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/platform")
        .load()
        .migrate();
    execute(statements);
  }

  /** Drops the schema and everything in it. */
  public static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /**
   * Drops a replication slot and a publication; an active slot (a walsender still exiting) is
   * retried for a while.
   */
  public static void dropSlotAndPublication(String slot, String publication) {
    long until = System.currentTimeMillis() + 10_000;
    while (!query("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?", slot).isEmpty()) {
      try {
        query(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                + " WHERE slot_name = ? AND NOT active",
            slot);
      } catch (IllegalStateException e) {
        // it became active again or was dropped in between: look again
      }
      if (System.currentTimeMillis() > until) {
        throw new IllegalStateException("replication slot " + slot + " stays active");
      }
      sleep(100);
    }
    execute("DROP PUBLICATION IF EXISTS " + publication);
  }

  public static void execute(String... statements) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed: " + String.join("; ", statements), e);
    }
  }

  /** Rows of a query, each as column name to value. */
  public static List<Map<String, Object>> query(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  public static long count(String sql, Object... params) {
    return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
  }

  /** Creates the topics (with the platform's {@link TopicInitializer}) if they do not exist. */
  public static void createTopics(TopicSpec... topics) {
    TopicInitializer.ensure(bootstrapServers(), List.of(topics));
  }

  public static void deleteTopics(List<String> topics) {
    try (Admin admin = Admin.create(adminConfig())) {
      admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the run's broker is deleted at its end anyway
    }
  }

  public static Map<String, Object> adminConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return config;
  }

  /** Sends one message and returns where Kafka stored it. */
  public static RecordMetadata send(
      String topic, String key, String value, Map<String, String> headers) {
    Properties p = new Properties();
    p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((name, v) -> record.headers().add(name, v.getBytes()));
      return producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send to " + topic, e.getCause());
    }
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(), env("DB_USER", "postgres"), env("DB_PASSWORD", "postgres"));
  }

  private static String jdbcUrl() {
    return "jdbc:postgresql://%s:%s/%s"
        .formatted(
            env("DB_HOST", "127.0.0.1"), env("DB_PORT", "5432"), env("DB_NAME", "billing_test"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value != null && !value.isBlank() ? value : fallback;
  }
}
