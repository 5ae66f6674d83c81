package dev.billing.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.TopicInitializer;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.ScratchKafka;
import dev.billing.testkit.ServiceProcess;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TestOrganizations;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away under load: requests get 503 in Lago's envelope within a bounded time, and
 * every event that got 200 is on the topic once the broker is back.
 */
class KafkaUnavailableIT {

  @Test
  void shouldAnswer503WhileKafkaIsDownAndNeverAcknowledgeAnEventThatIsNotOnTheTopic()
      throws Exception {
    try (ScratchKafka kafka = new ScratchKafka(19092, 19093)) {
      kafka.start();
      TopicInitializer.ensure(kafka.bootstrapServers(), Topics.ALL);
      TestOrganization org = TestOrganizations.publish(kafka.bootstrapServers(), "Outage");
      Map<String, String> env =
          Map.of(
              "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
              "BILLING_KAFKA_GROUP_PREFIX", "ingest-outage-it",
              "INGEST_INBOUND_INSTANCE_ID", "outage-it",
              "INGEST_PRODUCER_DELIVERY_TIMEOUT", "3s");
      try (ServiceProcess service = ServiceProcess.start(18191, env, "outage-it.log")) {
        awaitAuthenticated(service, org);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Long> unavailableMillis = new CopyOnWriteArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong sequence = new AtomicLong();
        Thread sender =
            new Thread(
                () -> {
                  while (sending.get()) {
                    String tx = "tx-" + sequence.incrementAndGet();
                    long started = System.nanoTime();
                    Response response = post(service, org, tx);
                    if (response.statusCode() == 200) {
                      acknowledged.add(tx);
                    } else if (response.statusCode() == 503) {
                      assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
                      unavailableMillis.add((System.nanoTime() - started) / 1_000_000);
                    }
                  }
                });
        sender.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 50);

        kafka.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> unavailableMillis.size() >= 3);
        kafka.start();
        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() > before + 50);
        sending.set(false);
        sender.join();

        assertThat(unavailableMillis).allMatch(ms -> ms < 10_000);
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(transactionsOnTopic(kafka, org));
        assertThat(missing).as("events answered 200 but not on the topic").isEmpty();
      }
    }
  }

  private static Set<String> transactionsOnTopic(ScratchKafka kafka, TestOrganization org) {
    Set<String> found = new HashSet<>();
    TestKafka.readAll(kafka.bootstrapServers(), Topics.EVENTS_ACCEPTED).stream()
        .filter(r -> r.key().startsWith(org.id().toString()))
        .map(
            r -> MessageCodec.decode(r.value(), AcceptedEventMessage.class).event().transactionId())
        .forEach(found::add);
    return found;
  }

  private static Response post(ServiceProcess service, TestOrganization org, String tx) {
    return given()
        .baseUri(service.baseUrl())
        .header("Authorization", "Bearer " + org.apiKey())
        .contentType(ContentType.JSON)
        .body(
            "{\"event\":{\"transaction_id\":\""
                + tx
                + "\",\"code\":\"c\",\"external_subscription_id\":\"s\"}}")
        .post("/api/v1/events");
  }

  private static void awaitAuthenticated(ServiceProcess service, TestOrganization org) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> post(service, org, "probe").statusCode() == 200);
  }
}
