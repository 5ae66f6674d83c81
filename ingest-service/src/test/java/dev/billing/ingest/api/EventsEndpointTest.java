package dev.billing.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TestOrganizations;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events over HTTP land on billing.events.accepted, keyed for order, with Lago's answers. */
@QuarkusTest
class EventsEndpointTest {

  private TestOrganization org;
  private TopicTail accepted;

  @BeforeEach
  void setUp() {
    accepted = TestKafka.tail(Topics.EVENTS_ACCEPTED);
    org = TestOrganizations.publish("Ingest " + System.nanoTime());
    OperatorApi.awaitAuthenticatesPost(org.apiKey(), "/api/v1/events");
  }

  @AfterEach
  void close() {
    accepted.close();
  }

  @Test
  void shouldAnswerLikeLagoAndWriteTheEventKeyedByOrganizationAndSubscription() {
    String body =
        """
        {"event":{"transaction_id":"tx-1","code":"llm_tokens","external_subscription_id":"sub-9",
          "timestamp":1764072000.123,"precise_total_amount_cents":"12.5",
          "properties":{"model":"gpt-4o","tokens":1200,"cached":true}}}""";

    org.api()
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(200)
        .body("event.transaction_id", equalTo("tx-1"))
        .body("event.code", equalTo("llm_tokens"))
        .body("event.external_subscription_id", equalTo("sub-9"))
        .body("event.timestamp", equalTo("2025-11-25T12:00:00.123Z"))
        .body("event.precise_total_amount_cents", equalTo("12.5"))
        .body("event.properties.model", equalTo("gpt-4o"))
        .body("event.properties.tokens", equalTo(1200))
        .body("event.lago_customer_id", nullValue())
        .body(
            "event.lago_id",
            equalTo(AcceptedEventMessage.lagoId(org.id(), "sub-9", "tx-1").toString()));

    ConsumerRecord<String, String> record = onlyRecord(org.id() + ":sub-9");
    AcceptedEventMessage message = MessageCodec.decode(record.value(), AcceptedEventMessage.class);
    assertThat(message.organizationId()).isEqualTo(org.id());
    assertThat(message.source()).isEqualTo("http");
    assertThat(message.timestampMs()).isEqualTo(1_764_072_000_123L);
    assertThat(message.ingestedAtMs()).isPositive();
    assertThat(message.event().transactionId()).isEqualTo("tx-1");
    assertThat(message.event().preciseTotalAmountCents()).isEqualTo("12.5");
    assertThat(message.event().properties())
        .containsEntry("model", "gpt-4o")
        .containsEntry("tokens", 1200)
        .containsEntry("cached", true);
  }

  @Test
  void shouldTakeTheReceiveTimeWhenTheEventHasNoTimestampAndAcceptNumericStrings() {
    long before = System.currentTimeMillis();
    org.api()
        .body(
            Map.of(
                "events",
                List.of(
                    Map.of("transaction_id", "a", "code", "c", "external_subscription_id", "s1"),
                    Map.of(
                        "transaction_id",
                        "b",
                        "code",
                        "c",
                        "external_subscription_id",
                        "s1",
                        "timestamp",
                        "1764072000"))))
        .post("/api/v1/events/batch")
        .then()
        .statusCode(200)
        .body("events", hasSize(2))
        .body("events[1].timestamp", equalTo("2025-11-25T12:00:00.000Z"));

    await().until(() -> accepted.withKey(org.id() + ":s1").size() == 2);
    List<AcceptedEventMessage> messages =
        accepted.withKey(org.id() + ":s1").stream()
            .map(r -> MessageCodec.decode(r.value(), AcceptedEventMessage.class))
            .toList();
    assertThat(messages.get(0).timestampMs()).isBetween(before, System.currentTimeMillis());
    assertThat(messages.get(0).event().timestamp()).isNull();
    assertThat(messages.get(1).timestampMs()).isEqualTo(1_764_072_000_000L);
    assertThat(new BigDecimal(messages.get(1).event().timestamp().toString()))
        .isEqualByComparingTo("1764072000");
  }

  @Test
  void shouldPassRetriesAndCorrectionsThroughForRatingToResolve() {
    String first =
        "{\"event\":{\"transaction_id\":\"dup\",\"code\":\"c\",\"external_subscription_id\":\"s2\","
            + "\"properties\":{\"gb\":10}}}";
    String correction = first.replace("10", "12");

    org.api().body(first).post("/api/v1/events").then().statusCode(200);
    org.api().body(first).post("/api/v1/events").then().statusCode(200);
    org.api().body(correction).post("/api/v1/events").then().statusCode(200);

    await().until(() -> accepted.withKey(org.id() + ":s2").size() == 3);
    assertThat(accepted.withKey(org.id() + ":s2"))
        .extracting(r -> MessageCodec.decode(r.value(), AcceptedEventMessage.class))
        .extracting(m -> m.event().properties().get("gb"))
        .containsExactly(10, 10, 12);
  }

  @Test
  void shouldCountAcceptedEventsInMetrics() {
    org.api()
        .body(
            "{\"event\":{\"transaction_id\":\"m\",\"code\":\"c\",\"external_subscription_id\":\"s\"}}")
        .post("/api/v1/events")
        .then()
        .statusCode(200);

    String metrics = given().get("/q/metrics").asString();
    assertThat(metrics)
        .contains("ingest_events_accepted_total{source=\"http\"}")
        .contains("ingest_request_latency_seconds");
  }

  private ConsumerRecord<String, String> onlyRecord(String key) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !accepted.withKey(key).isEmpty());
    List<ConsumerRecord<String, String>> records = accepted.withKey(key);
    assertThat(records).hasSize(1);
    return records.get(0);
  }
}
