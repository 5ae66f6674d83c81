package dev.billing.ingest.messaging;

import static dev.billing.testkit.OperatorApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.RejectedEventMessage;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TestOrganizations;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Internal producers' events: validated like HTTP ones, forwarded or rejected with a reason. */
@QuarkusTest
class InboundTopicTest {

  private TopicTail accepted;
  private TopicTail rejected;

  @BeforeEach
  void tail() {
    accepted = TestKafka.tail(Topics.EVENTS_ACCEPTED);
    rejected = TestKafka.tail(Topics.EVENTS_REJECTED);
  }

  @AfterEach
  void close() {
    accepted.close();
    rejected.close();
  }

  @Test
  void shouldForwardAValidEventAndRejectAnInvalidOneWithItsReason() {
    TestOrganization org = published();
    send(
        org.id(),
        "{\"organization_id\":\"%s\",\"transaction_id\":\"k1\",\"code\":\"cpu\","
            + "\"external_subscription_id\":\"vm-1\",\"properties\":{\"hours\":2.5}}");
    send(
        org.id(),
        "{\"organization_id\":\"%s\",\"code\":\"cpu\",\"external_subscription_id\":\"vm-1\"}");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !accepted.withKey(org.id() + ":vm-1").isEmpty());
    AcceptedEventMessage forwarded =
        MessageCodec.decode(
            accepted.withKey(org.id() + ":vm-1").get(0).value(), AcceptedEventMessage.class);
    assertThat(forwarded.source()).isEqualTo("kafka");
    assertThat(forwarded.event().transactionId()).isEqualTo("k1");

    RejectedEventMessage why = onlyRejection(org.id());
    assertThat(why.reason()).isEqualTo("invalid_event");
    assertThat(why.errorDetails())
        .isEqualTo(Map.of("transaction_id", List.of("value_is_mandatory")));
    assertThat(accepted.withKey(org.id() + ":vm-1")).hasSize(1);
  }

  @Test
  void shouldRejectMessagesThatAreNotJsonNotAnObjectOrNameNoOrganization() {
    String marker = UUID.randomUUID().toString();
    TestKafka.send(
        Topics.EVENTS_INBOUND, marker, "{\"transaction_id\":\"" + marker + "\"", Map.of());
    TestKafka.send(Topics.EVENTS_INBOUND, marker, "[\"" + marker + "\"]", Map.of());
    TestKafka.send(
        Topics.EVENTS_INBOUND,
        marker,
        "{\"transaction_id\":\"" + marker + "\",\"code\":\"c\",\"external_subscription_id\":\"s\"}",
        Map.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> reasonsFor(marker).size() == 3);
    assertThat(reasonsFor(marker))
        .containsExactlyInAnyOrder("malformed_json", "not_an_object", "missing_organization_id");
  }

  private List<String> reasonsFor(String marker) {
    return rejected.records().stream()
        .map(r -> MessageCodec.decode(r.value(), RejectedEventMessage.class))
        .filter(m -> m.payload() != null && m.payload().contains(marker))
        .map(RejectedEventMessage::reason)
        .toList();
  }

  @Test
  void shouldListARejectionByOrganizationAndReasonAndReplayItOnceTheCauseIsFixed() {
    UUID future = UUID.randomUUID();
    send(
        future,
        "{\"organization_id\":\"%s\",\"transaction_id\":\"late\",\"code\":\"cpu\","
            + "\"external_subscription_id\":\"vm-2\"}");
    assertThat(onlyRejection(future).reason()).isEqualTo("unknown_organization");

    String id =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    operator()
                        .get(
                            "/admin/v1/rejected_events?organization_id="
                                + future
                                + "&reason=unknown_organization")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("rejected_events.id"),
                ids -> ids.size() == 1)
            .get(0);

    // the cause is fixed: the organization now exists
    TestOrganization org = TestOrganizations.publish(TestKafka.bootstrapServers(), "Late", future);
    OperatorApi.awaitAuthenticatesPost(org.apiKey(), "/api/v1/events");

    operator()
        .post("/admin/v1/rejected_events/" + id + "/replay")
        .then()
        .statusCode(200)
        .body("rejected_event.id", equalTo(id))
        .body("rejected_event.reason", equalTo("unknown_organization"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !accepted.withKey(future + ":vm-2").isEmpty());
  }

  @Test
  void shouldAnswer404ForAnUnknownRejectionAnd422ForABadFilter() {
    operator()
        .post("/admin/v1/rejected_events/" + UUID.randomUUID() + "/replay")
        .then()
        .statusCode(404)
        .body("code", equalTo("rejected_event_not_found"));
    operator()
        .get("/admin/v1/rejected_events?organization_id=nope")
        .then()
        .statusCode(422)
        .body("error_details.organization_id[0]", equalTo("value_is_invalid"));
  }

  private TestOrganization published() {
    TestOrganization org = TestOrganizations.publish("Inbound " + System.nanoTime());
    OperatorApi.awaitAuthenticatesPost(org.apiKey(), "/api/v1/events");
    return org;
  }

  private static void send(UUID org, String template) {
    TestKafka.send(Topics.EVENTS_INBOUND, org.toString(), template.formatted(org), Map.of());
  }

  private RejectedEventMessage onlyRejection(UUID org) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !rejected.withKey(org.toString()).isEmpty());
    List<ConsumerRecord<String, String>> records = rejected.withKey(org.toString());
    assertThat(records).hasSize(1);
    return MessageCodec.decode(records.get(0).value(), RejectedEventMessage.class);
  }
}
