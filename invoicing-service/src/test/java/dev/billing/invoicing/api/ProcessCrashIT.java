package dev.billing.invoicing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.ServiceProcess;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TopicTail;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The packaged service killed with SIGKILL, then started again: every organization whose
 * transaction committed reaches {@code billing.organizations}, whether the relay had not published
 * it yet or was in the middle of publishing.
 */
class ProcessCrashIT {

  private static final int PORT = 18183;
  private static final String ADMIN_TOKEN = "crash-it-admin-token";
  private static final Map<String, String> ENV =
      Map.of(
          "BILLING_ADMIN_TOKEN",
          ADMIN_TOKEN,
          "BILLING_KAFKA_GROUP_PREFIX",
          "invoicing-service-crash-it");

  @Test
  void shouldPublishACommittedOrganizationAfterTheProcessDiedBeforeTheRelaySentIt()
      throws Exception {
    String run = "Crash-before-publish " + System.nanoTime();
    try (TopicTail topic = TestKafka.tail(Topics.ORGANIZATIONS)) {
      Map<String, String> relayOff = new java.util.HashMap<>(ENV);
      relayOff.put("BILLING_OUTBOX_ENABLED", "false");
      ServiceProcess withoutRelay = ServiceProcess.start(PORT, relayOff, "crash-it.log");
      String id = createOrganization(withoutRelay, run);
      withoutRelay.kill();
      assertThat(keys(topic)).doesNotContain(id);

      try (ServiceProcess restarted = ServiceProcess.start(PORT, ENV, "crash-it.log")) {
        await().atMost(Duration.ofSeconds(15)).until(() -> keys(topic).contains(id));
      }
    }
  }

  @Test
  void shouldPublishEveryCommittedOrganizationAfterTheProcessDiedWhilePublishing()
      throws Exception {
    String run = "Crash-mid-stream " + System.nanoTime();
    try (TopicTail topic = TestKafka.tail(Topics.ORGANIZATIONS)) {
      ServiceProcess service = ServiceProcess.start(PORT, ENV, "crash-it.log");
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService writers = Executors.newFixedThreadPool(4);
      for (int w = 0; w < 4; w++) {
        int writer = w;
        writers.submit(
            () -> {
              for (int i = 0; writing.get(); i++) {
                try {
                  acknowledged.add(createOrganization(service, run + " " + writer + "-" + i));
                } catch (RuntimeException | AssertionError processGone) {
                  return;
                }
              }
            });
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 100);
      service.kill();
      writing.set(false);
      writers.shutdown();
      writers.awaitTermination(10, TimeUnit.SECONDS);

      Set<String> committed = committedOrganizations(run);
      assertThat(committed).containsAll(acknowledged);
      try (ServiceProcess restarted = ServiceProcess.start(PORT, ENV, "crash-it.log")) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> new HashSet<>(keys(topic)).containsAll(committed));
      }
    }
  }

  private static String createOrganization(ServiceProcess service, String name) {
    return given()
        .baseUri(service.baseUrl())
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("organization", Map.of("name", name)))
        .post("/admin/v1/organizations")
        .then()
        .statusCode(200)
        .extract()
        .path("organization.lago_id");
  }

  private static List<String> keys(TopicTail topic) {
    return topic.records().stream().map(ConsumerRecord::key).toList();
  }

  private static Set<String> committedOrganizations(String run) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/billing_test", "postgres", "postgres");
        var statement =
            c.prepareStatement("SELECT id FROM invoicing.organizations WHERE name LIKE ?")) {
      statement.setString(1, run + "%");
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }
}
