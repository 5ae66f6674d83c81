package dev.billing.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.kafka.TopicSpec;
import dev.billing.platform.kafka.Topics;
import dev.billing.platform.testbed.Testbed;
import dev.billing.platform.testbed.TopicTail;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotent consumers ({@link ConsumerRunners} running {@link IdempotentConsumer}) against the
 * real Kafka broker and PostgreSQL, without Quarkus: a test {@link MessageHandler} writes every
 * message it applies into a table of the test's own schema, so a message applied twice would show
 * as two rows.
 */
class IdempotentConsumerTest {

  private static final String RUN = Testbed.runId();
  private static final String SCHEMA = "platform_consumer_" + RUN;
  private static final List<String> TOPICS = new CopyOnWriteArrayList<>();

  private static PlatformConfig config;
  private static BackgroundPool pool;
  private static DeadLetterPublisher deadLetters;
  private static BackgroundGate gate;
  private ConsumerRunners runners;

  @BeforeAll
  static void connect() {
    Testbed.migrate(
        SCHEMA,
        "CREATE TABLE "
            + SCHEMA
            + ".applied_messages (consumer varchar(128) NOT NULL, message_id varchar(255) NOT"
            + " NULL, payload text NOT NULL, applied_at timestamptz NOT NULL DEFAULT"
            + " clock_timestamp())");
    config = Testbed.config("platform-consumer-test-" + RUN, SCHEMA, Map.of());
    pool = new BackgroundPool(config);
    deadLetters = new DeadLetterPublisher(config);
    gate = new BackgroundGate(new ForegroundRequests(), config);
  }

  @AfterAll
  static void dropEverything() {
    if (deadLetters != null) {
      deadLetters.close();
    }
    if (pool != null) {
      pool.close();
    }
    Testbed.dropSchema(SCHEMA);
    Testbed.deleteTopics(TOPICS);
  }

  @AfterEach
  void stopConsumers() {
    if (runners != null) {
      runners.stop();
      runners = null;
    }
  }

  @Test
  void shouldApplyOnceWhenTheSameMessageIsDeliveredTwice() {
    String topic = topic("twice");
    AppliedTable handler = new AppliedTable("twice-" + RUN, topic);
    String id = UUID.randomUUID().toString();
    String before = UUID.randomUUID().toString();
    // the same id twice in one batch (both are there before the consumer starts) ...
    send(topic, "k", id, "{\"delivery\":1}");
    send(topic, "k", id, "{\"delivery\":2}");
    send(topic, "k", before, "{\"delivery\":1}");
    start(handler);
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(handler, before) == 1);

    // ... and once more in a later batch
    String after = UUID.randomUUID().toString();
    send(topic, "k", id, "{\"delivery\":3}");
    send(topic, "k", after, "{\"delivery\":1}");
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(handler, after) == 1);

    assertThat(handler.decoded(id)).as("deliveries of %s consumed", id).isEqualTo(3);
    assertThat(payloads(handler, id))
        .as("%s applied once, as first delivered", id)
        .containsExactly("{\"delivery\":1}");
    assertThat(
            Testbed.count(
                "SELECT count(*) FROM "
                    + SCHEMA
                    + ".processed_messages WHERE consumer = ? AND message_id = ?",
                handler.name(),
                id))
        .isEqualTo(1);
  }

  @Test
  void shouldApplyOnceWhenRedeliveredAfterARestartWithoutCommittedOffsets() throws Exception {
    String topic = topic("restart");
    AppliedTable handler = new AppliedTable("restart-" + RUN, topic);
    List<String> ids = List.of(uuid(), uuid(), uuid());
    RecordMetadata first = null;
    for (String id : ids) {
      RecordMetadata stored = send(topic, "k-" + id, id, "{\"id\":\"" + id + "\"}");
      first = first == null ? stored : first;
    }
    start(handler);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ids.stream().allMatch(id -> applied(handler, id) == 1));
    runners.stop();
    runners = null;

    // The consumer's transaction committed but its offsets did not (a crash between the two):
    // the group's committed position is put back before the messages, as if never committed.
    try (Admin admin = Admin.create(Testbed.adminConfig())) {
      admin
          .alterConsumerGroupOffsets(
              groupId(handler),
              Map.of(
                  new TopicPartition(topic, first.partition()),
                  new OffsetAndMetadata(first.offset())))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    String afterRestart = uuid();
    send(topic, "k", afterRestart, "{}");
    start(handler);
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(handler, afterRestart) == 1);

    for (String id : ids) {
      assertThat(handler.decoded(id)).as("%s was redelivered after the restart", id).isEqualTo(2);
      assertThat(applied(handler, id)).as("%s applied once", id).isEqualTo(1);
    }
  }

  @Test
  void shouldDeadLetterAnUndecodableMessageAndApplyTheOnesAfterIt() {
    String topic = topic("poison");
    String deadLetterTopic = Topics.deadLetter(topic);
    createTopic(deadLetterTopic, 1);
    AppliedTable handler = new AppliedTable("poison-" + RUN, topic);
    try (TopicTail dlq = new TopicTail(deadLetterTopic)) {
      String before = uuid();
      String poison = uuid();
      String after = uuid();
      send(topic, "k", before, "{\"n\":1}");
      RecordMetadata poisoned =
          Testbed.send(
              topic,
              "poison-key",
              "{not json",
              Map.of("id", poison, "type", "thing.updated", "schema_version", "1"));
      send(topic, "k", after, "{\"n\":3}");
      start(handler);

      await().atMost(Duration.ofSeconds(20)).until(() -> applied(handler, after) == 1);
      assertThat(applied(handler, before)).isEqualTo(1);
      assertThat(applied(handler, poison)).isZero();

      await().atMost(Duration.ofSeconds(10)).until(() -> !dlq.records().isEmpty());
      List<ConsumerRecord<String, String>> dead = dlq.records();
      assertThat(dead).hasSize(1);
      ConsumerRecord<String, String> record = dead.get(0);
      assertThat(record.key()).isEqualTo("poison-key");
      assertThat(record.value()).isEqualTo("{not json");
      assertThat(TopicTail.headers(record))
          .containsEntry("id", poison)
          .containsEntry("type", "thing.updated")
          .containsEntry("schema_version", "1")
          .containsEntry("dlq_consumer", handler.name())
          .containsEntry("dlq_original_topic", topic)
          .containsEntry("dlq_original_partition", String.valueOf(poisoned.partition()))
          .containsEntry("dlq_original_offset", String.valueOf(poisoned.offset()))
          .hasEntrySatisfying(
              "dlq_reason", reason -> assertThat(reason).startsWith("undecodable: "));

      // and the consumer goes on with what comes next
      String later = uuid();
      send(topic, "k", later, "{\"n\":4}");
      await().atMost(Duration.ofSeconds(20)).until(() -> applied(handler, later) == 1);
    }
  }

  /** Applies a message by inserting it into {@code applied_messages}; payloads must be JSON. */
  private static final class AppliedTable implements MessageHandler<JsonObject> {

    private final String name;
    private final String topic;
    private final Map<String, AtomicInteger> decoded = new ConcurrentHashMap<>();

    AppliedTable(String name, String topic) {
      this.name = name;
      this.topic = topic;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String topic() {
      return topic;
    }

    @Override
    public JsonObject decode(InboundMessage message) {
      decoded.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
      return new JsonObject(message.value());
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, List<Decoded<JsonObject>> messages) {
      return transaction
          .preparedQuery(
              "INSERT INTO applied_messages (consumer, message_id, payload) VALUES ($1, $2, $3)")
          .executeBatch(
              messages.stream()
                  .map(m -> Tuple.of(name, m.message().id(), m.value().encode()))
                  .toList())
          .replaceWithVoid();
    }

    int decoded(String id) {
      AtomicInteger count = decoded.get(id);
      return count == null ? 0 : count.get();
    }
  }

  private void start(MessageHandler<?> handler) {
    runners = new ConsumerRunners(List.of(handler), config, pool, deadLetters, gate);
    runners.start();
  }

  private String groupId(MessageHandler<?> handler) {
    return new ConsumerRunners(List.of(), config, pool, deadLetters, gate).groupId(handler);
  }

  private static long applied(MessageHandler<?> handler, String id) {
    return Testbed.count(
        "SELECT count(*) FROM "
            + SCHEMA
            + ".applied_messages WHERE consumer = ? AND message_id = ?",
        handler.name(),
        id);
  }

  private static List<Object> payloads(MessageHandler<?> handler, String id) {
    return Testbed.query(
            "SELECT payload FROM "
                + SCHEMA
                + ".applied_messages WHERE consumer = ? AND message_id = ? ORDER BY applied_at",
            handler.name(),
            id)
        .stream()
        .map(row -> row.get("payload"))
        .toList();
  }

  private static RecordMetadata send(String topic, String key, String id, String json) {
    return Testbed.send(
        topic, key, json, Map.of("id", id, "type", "thing.updated", "schema_version", "1"));
  }

  /** A topic of this run with one partition, so that offsets and order are simple to state. */
  private static String topic(String testCase) {
    String topic = "platform-test." + RUN + "." + testCase;
    createTopic(topic, 1);
    return topic;
  }

  private static void createTopic(String topic, int partitions) {
    Testbed.createTopics(new TopicSpec(topic, partitions, Map.of()));
    TOPICS.add(topic);
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
