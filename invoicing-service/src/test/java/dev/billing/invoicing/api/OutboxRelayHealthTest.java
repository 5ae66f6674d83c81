package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createOrganization;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.kafka.Topics;
import dev.billing.platform.outbox.OutboxRelay;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestDatabase;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of the outbox relay: its lag while it is stopped, and a slot that lost
 * changes, which the relay reports and recovers from without losing what was committed since.
 */
@QuarkusTest
class OutboxRelayHealthTest {

  private static final Pattern LAG_BYTES =
      Pattern.compile("(?m)^outbox_relay_lag_bytes(?:\\{[^}]*})? (\\S+)$");

  @Inject OutboxRelay relay;

  @ConfigProperty(name = "billing.outbox.slot-name")
  String slotName;

  @AfterEach
  void relayRuns() {
    relay.start();
  }

  @Test
  void shouldShowTheLagInHealthAndMetricsWhileTheRelayIsStopped() {
    relay.stop();
    createOrganization("Lagging " + System.nanoTime());

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Map<String, Object> relayCheck = relayCheck();
              assertThat(relayCheck).containsEntry("status", "UP");
              Map<String, Object> data = data(relayCheck);
              assertThat(data).containsEntry("state", "stopped");
              assertThat(((Number) data.get("lag_bytes")).longValue()).isPositive();
              assertThat(Double.parseDouble((String) data.get("lag_seconds"))).isPositive();
              assertThat(lagBytesMetric()).isPositive();
            });

    relay.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Map<String, Object> data = data(relayCheck());
              assertThat(data).containsEntry("state", "streaming");
              assertThat(Double.parseDouble((String) data.get("lag_seconds"))).isZero();
            });
  }

  @Test
  void shouldReportALostSlotAndStillPublishWhatWasCommittedAfterTheLoss() throws Exception {
    try (TopicTail topic = TestKafka.tail(Topics.ORGANIZATIONS)) {
      relay.stop();
      dropSlot();
      TestOrganization afterLoss = createOrganization("After the slot loss " + System.nanoTime());

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                Map<String, Object> relayCheck = relayCheck();
                assertThat(relayCheck).containsEntry("status", "DOWN");
                assertThat(data(relayCheck)).containsEntry("slot_status", "missing");
                assertThat((String) data(relayCheck).get("problem")).contains("lost changes");
              });
      assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(503);

      relay.start();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  topic.records().stream()
                      .anyMatch(r -> r.key().equals(afterLoss.id().toString())));
      Map<String, Object> relayCheck = relayCheck();
      assertThat(relayCheck).containsEntry("status", "UP");
      assertThat(data(relayCheck)).containsKey("last_recovery");
      assertThat(data(relayCheck).get("slot_status")).isNotEqualTo("missing");
    }
  }

  private void dropSlot() throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement drop = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
      drop.setString(1, slotName);
      drop.executeQuery().close();
    }
  }

  private static Map<String, Object> relayCheck() {
    JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
    return health.getMap("checks.find { it.name == 'outbox-relay' }");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> check) {
    return (Map<String, Object>) check.get("data");
  }

  private static double lagBytesMetric() {
    Matcher m = LAG_BYTES.matcher(given().get("/q/metrics").asString());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
