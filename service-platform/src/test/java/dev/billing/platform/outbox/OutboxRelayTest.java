package dev.billing.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.kafka.TopicSpec;
import dev.billing.platform.kafka.Topics;
import dev.billing.platform.testbed.TestPool;
import dev.billing.platform.testbed.Testbed;
import dev.billing.platform.testbed.TopicTail;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay against the real PostgreSQL (logical decoding, a slot and publication of this
 * test's own) and the real Kafka broker, without Quarkus: rows appended with {@link OutboxWriter}
 * in committed transactions reach {@code billing.<aggregate_type>}, and none is lost when the relay
 * is stopped or restarted.
 */
class OutboxRelayTest {

  private static final String RUN = Testbed.runId();
  private static final String SCHEMA = "platform_relay_" + RUN;
  private static final String SLOT = SCHEMA + "_slot";
  private static final String PUBLICATION = SCHEMA + "_pub";
  private static final List<String> TOPICS = new CopyOnWriteArrayList<>();

  private static PlatformConfig config;
  private static TestPool db;
  private static OutboxRelay relay;
  private final OutboxWriter writer = new OutboxWriter();

  @BeforeAll
  static void startRelay() {
    Testbed.migrate(SCHEMA);
    config =
        Testbed.config(
            "platform-relay-test-" + RUN,
            SCHEMA,
            Map.of("outbox.slot-name", SLOT, "outbox.publication-name", PUBLICATION));
    db = new TestPool(config);
    relay = new OutboxRelay(config, new SimpleMeterRegistry());
    relay.start();
  }

  @AfterAll
  static void dropEverything() {
    if (relay != null) {
      relay.stop();
    }
    if (db != null) {
      db.close();
    }
    Testbed.dropSlotAndPublication(SLOT, PUBLICATION);
    Testbed.dropSchema(SCHEMA);
    Testbed.deleteTopics(TOPICS);
  }

  @BeforeEach
  void relayStreams() {
    relay.start(); // a test that stopped the relay and failed leaves it stopped
    assertThat(relay.isStreaming()).isTrue();
  }

  @Test
  void shouldPublishToTheAggregateTopicWithKeyAndHeadersWhenTheTransactionCommits() {
    String aggregateType = aggregateType("publish");
    try (TopicTail topic = new TopicTail(topicOf(aggregateType))) {
      UUID organization = UUID.randomUUID();
      OutboxMessage first =
          message(organization, aggregateType, "order-1", "order.created", "{\"n\":1}");
      OutboxMessage second =
          message(organization, aggregateType, "order-1", "order.updated", "{\"n\":2,\"é\":\"ü\"}");
      OutboxMessage system = message(null, aggregateType, "order-2", "order.created", "{\"n\":3}");
      // two rows in one transaction, one in another
      db.pool()
          .withTransaction(tx -> writer.append(tx, first).chain(() -> writer.append(tx, second)))
          .await()
          .indefinitely();
      commit(system);

      await().atMost(Duration.ofSeconds(15)).until(() -> topic.records().size() >= 3);
      List<ConsumerRecord<String, String>> records = topic.records();
      assertThat(records).hasSize(3);
      Map<String, ConsumerRecord<String, String>> byId =
          records.stream().collect(Collectors.toMap(TopicTail::id, r -> r));
      for (OutboxMessage sent : List.of(first, second, system)) {
        ConsumerRecord<String, String> record = byId.get(sent.id().toString());
        assertThat(record).as("record of %s", sent.id()).isNotNull();
        assertThat(record.key()).isEqualTo(sent.aggregateId());
        assertThat(record.value()).isEqualTo(sent.payload());
        Map<String, String> expectedHeaders = new LinkedHashMap<>();
        expectedHeaders.put("id", sent.id().toString());
        expectedHeaders.put("type", sent.type());
        expectedHeaders.put("schema_version", String.valueOf(sent.schemaVersion()));
        if (sent.organizationId() != null) {
          expectedHeaders.put("organization_id", sent.organizationId().toString());
        }
        assertThat(TopicTail.headers(record))
            .as("headers of %s (a system message has no organization_id)", sent.id())
            .containsExactlyInAnyOrderEntriesOf(expectedHeaders);
      }
      // one aggregate's messages keep their order
      assertThat(
              records.stream().filter(r -> r.key().equals("order-1")).map(TopicTail::id).toList())
          .containsExactly(first.id().toString(), second.id().toString());
    }
  }

  @Test
  void shouldPublishNothingWhenTheTransactionRollsBack() {
    String aggregateType = aggregateType("rollback");
    try (TopicTail topic = new TopicTail(topicOf(aggregateType))) {
      OutboxMessage rolledBack = message(UUID.randomUUID(), aggregateType, "a-1", "t", "{}");
      assertThatThrownBy(
              () ->
                  db.pool()
                      .withTransaction(
                          tx ->
                              writer
                                  .append(tx, rolledBack)
                                  .chain(
                                      () ->
                                          Uni.createFrom()
                                              .failure(new IllegalStateException("roll back"))))
                      .await()
                      .indefinitely())
          .hasMessageContaining("roll back");
      // committed after the rolled-back one, same key and partition: once it is there, the
      // rolled-back row would have been too
      OutboxMessage committed = message(UUID.randomUUID(), aggregateType, "a-1", "t", "{}");
      commit(committed);

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> ids(topic.records()).contains(committed.id().toString()));
      assertThat(ids(topic.records())).containsExactly(committed.id().toString());
      assertThat(
              Testbed.count(
                  "SELECT count(*) FROM " + SCHEMA + ".outbox WHERE id = ?", rolledBack.id()))
          .isZero();
    }
  }

  @Test
  void shouldPublishRowsCommittedWhileStoppedWhenTheRelayStartsAgain() throws Exception {
    String aggregateType = aggregateType("stopped");
    try (TopicTail topic = new TopicTail(topicOf(aggregateType))) {
      relay.stop();
      assertThat(relay.isStreaming()).isFalse();
      List<String> written = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        OutboxMessage m = message(UUID.randomUUID(), aggregateType, "agg-" + i, "t", "{}");
        commit(m);
        written.add(m.id().toString());
      }
      TimeUnit.MILLISECONDS.sleep(1000); // 50 poll intervals of a relay that would be running
      assertThat(topic.records()).as("published while the relay was stopped").isEmpty();

      relay.start();

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(unpublished(written, topic.records()))
                      .as("rows committed while stopped and not published after the start")
                      .isEmpty());
      TimeUnit.MILLISECONDS.sleep(300);
      // never sent before the start, so nothing to re-deliver: each exactly once
      assertThat(ids(topic.records())).containsExactlyInAnyOrderElementsOf(written);
    }
  }

  @Test
  void shouldLoseNoRowWhenTheRelayRestartsInTheMiddleOfAStream() throws Exception {
    String aggregateType = aggregateType("stream");
    int rows = 200;
    try (TopicTail topic = new TopicTail(topicOf(aggregateType))) {
      List<OutboxMessage> written = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> stream =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < rows; i++) {
                  OutboxMessage m =
                      message(
                          UUID.randomUUID(),
                          aggregateType,
                          "agg-" + (i % 10),
                          "t",
                          "{\"seq\":" + i + "}");
                  commit(m); // one transaction per row
                  written.add(m);
                  pause(5);
                }
              });

      await().atMost(Duration.ofSeconds(15)).until(() -> topic.records().size() >= 40);
      relay.stop();
      int publishedAtFirstStop = distinctIds(topic.records()).size();
      relay.start();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  stream.isDone()
                      || distinctIds(topic.records()).size() >= publishedAtFirstStop + 40);
      relay.stop();
      relay.start();
      stream.get(30, TimeUnit.SECONDS);

      assertThat(publishedAtFirstStop)
          .as("rows published when the relay was first stopped: it stopped mid-stream")
          .isLessThan(rows);
      Set<String> writtenIds =
          written.stream().map(m -> m.id().toString()).collect(Collectors.toSet());
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(unpublished(writtenIds, topic.records()))
                      .as("rows committed and never published (lost)")
                      .isEmpty());

      List<ConsumerRecord<String, String>> records = topic.records();
      assertThat(distinctIds(records))
          .as("every row written is published, and nothing else")
          .isEqualTo(writtenIds);
      Map<String, OutboxMessage> byId =
          written.stream().collect(Collectors.toMap(m -> m.id().toString(), m -> m));
      for (ConsumerRecord<String, String> record : records) {
        OutboxMessage sent = byId.get(TopicTail.id(record));
        assertThat(List.of(record.key(), record.value()))
            .as(
                "a record is its row (at-least-once: a row may be published more than once, but"
                    + " only as a re-delivery of the same id, key and payload)")
            .containsExactly(sent.aggregateId(), sent.payload());
      }
      // per aggregate, the rows first appear in the order they were committed
      Map<String, List<String>> committedOrder = new LinkedHashMap<>();
      written.forEach(
          m -> committedOrder.computeIfAbsent(m.aggregateId(), k -> new ArrayList<>()).add(id(m)));
      Map<String, List<String>> firstSeenOrder = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      for (ConsumerRecord<String, String> record : records) {
        if (seen.add(TopicTail.id(record))) {
          firstSeenOrder
              .computeIfAbsent(record.key(), k -> new ArrayList<>())
              .add(TopicTail.id(record));
        }
      }
      assertThat(firstSeenOrder).isEqualTo(committedOrder);
      System.out.printf(
          "relay restart mid-stream: %d rows, %d records, %d at the first stop%n",
          rows, records.size(), publishedAtFirstStop);
    }
  }

  private void commit(OutboxMessage message) {
    db.pool().withTransaction(tx -> writer.append(tx, message)).await().indefinitely();
  }

  private static OutboxMessage message(
      UUID organization, String aggregateType, String aggregateId, String type, String payload) {
    return new OutboxMessage(
        UUID.randomUUID(), organization, aggregateType, aggregateId, type, 1, payload);
  }

  private static String aggregateType(String testCase) {
    return "platform_test_" + RUN + "_" + testCase;
  }

  /** The topic the relay publishes the aggregate type to, created with 3 partitions. */
  private static String topicOf(String aggregateType) {
    String topic = Topics.forAggregateType(aggregateType);
    Testbed.createTopics(new TopicSpec(topic, 3, Map.of()));
    TOPICS.add(topic);
    return topic;
  }

  private static String id(OutboxMessage message) {
    return message.id().toString();
  }

  private static List<String> ids(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(TopicTail::id).toList();
  }

  private static Set<String> unpublished(
      Collection<String> written, List<ConsumerRecord<String, String>> records) {
    Set<String> missing = new TreeSet<>(written);
    missing.removeAll(distinctIds(records));
    return missing;
  }

  private static Set<String> distinctIds(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(TopicTail::id).collect(Collectors.toSet());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
