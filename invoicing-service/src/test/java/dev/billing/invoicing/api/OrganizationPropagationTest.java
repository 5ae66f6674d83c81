package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createOrganization;
import static dev.billing.testkit.OperatorApi.operator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.platform.auth.ApiKeys;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.OrganizationMessage;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestDatabase;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An organization travels outbox → Debezium → Kafka → read model, and its key authenticates. */
@QuarkusTest
class OrganizationPropagationTest {

  private TopicTail organizations;

  @BeforeEach
  void tailTopic() {
    organizations = TestKafka.tail(Topics.ORGANIZATIONS);
  }

  @AfterEach
  void close() {
    organizations.close();
  }

  @Test
  void shouldPublishExactlyOneMessageAndAuthenticateWithinFiveSecondsWhenAnOrganizationIsCreated() {
    long created = System.nanoTime();
    TestOrganization org = createOrganization("Propagation " + System.nanoTime());

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> org.api().get("/api/v1/organizations").statusCode() == 200);
    long elapsedMs = (System.nanoTime() - created) / 1_000_000;
    assertThat(elapsedMs).isLessThan(5_000);

    // nothing else will be published for this organization, so whatever arrived is all there is
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    List<ConsumerRecord<String, String>> messages = organizations.withKey(org.id().toString());
    assertThat(messages).hasSize(1);
    ConsumerRecord<String, String> message = messages.get(0);
    assertThat(TopicTail.headers(message))
        .containsEntry("type", OrganizationMessage.TYPE)
        .containsEntry("schema_version", "1")
        .containsEntry("organization_id", org.id().toString())
        .containsKey("id");
    OrganizationMessage payload = MessageCodec.decode(message.value(), OrganizationMessage.class);
    assertThat(payload.organizationId()).isEqualTo(org.id());
    assertThat(payload.revision()).isEqualTo(1);
    assertThat(payload.apiKeyHashes()).containsExactly(ApiKeys.hash(org.apiKey()));
    assertThat(message.value()).doesNotContain(org.apiKey());
  }

  @Test
  void shouldAnswer401ForAnUnknownKeyAMissingHeaderOrAnotherScheme() {
    given().get("/api/v1/organizations").then().statusCode(401).body(equalTo(UNAUTHORIZED));
    given()
        .header("Authorization", "Bearer " + ApiKeys.generate())
        .get("/api/v1/organizations")
        .then()
        .statusCode(401)
        .body(equalTo(UNAUTHORIZED));
    given()
        .header("Authorization", "Basic dXNlcjpwYXNz")
        .get("/api/v1/organizations")
        .then()
        .statusCode(401)
        .body(equalTo(UNAUTHORIZED));
  }

  @Test
  void shouldStopAcceptingTheOldKeyAndAcceptTheNewOneWhenTheKeyIsRotated() {
    TestOrganization org = createOrganization("Rotation " + System.nanoTime());
    awaitStatus(org.apiKey(), 200);

    String newKey =
        operator()
            .post("/admin/v1/organizations/" + org.id() + "/api_keys/rotate")
            .then()
            .statusCode(200)
            .extract()
            .path("organization.api_key");

    awaitStatus(newKey, 200);
    awaitStatus(org.apiKey(), 401);
  }

  @Test
  void shouldChangeNothingWhenAnOldMessageIsDeliveredAgain() {
    TestOrganization org = createOrganization("Replay " + System.nanoTime());
    awaitStatus(org.apiKey(), 200);
    await().until(() -> !organizations.withKey(org.id().toString()).isEmpty());
    ConsumerRecord<String, String> first = organizations.withKey(org.id().toString()).get(0);

    String newKey =
        operator()
            .body(Map.of("api_key", "rotated-" + org.id()))
            .post("/admin/v1/organizations/" + org.id() + "/api_keys/rotate")
            .then()
            .statusCode(200)
            .extract()
            .path("organization.api_key");
    awaitStatus(org.apiKey(), 401);

    // the same message again (same id), then a copy of it under a new id: both carry revision 1
    TestKafka.send(Topics.ORGANIZATIONS, first.key(), first.value(), TopicTail.headers(first));
    Map<String, String> newId = new java.util.HashMap<>(TopicTail.headers(first));
    newId.put("id", java.util.UUID.randomUUID().toString());
    TestKafka.send(Topics.ORGANIZATIONS, first.key(), first.value(), newId);
    // a later change on the same partition: once it is applied, the replays were handled before it
    org.withKey(newKey)
        .api()
        .body(Map.of("organization", Map.of("timezone", "Europe/Paris")))
        .put("/api/v1/organizations")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                TestDatabase.query(
                        "SELECT timezone FROM organization_read_model WHERE organization_id = ?",
                        org.id())
                    .get(0)
                    .get("timezone")
                    .equals("Europe/Paris"));

    given()
        .header("Authorization", "Bearer " + org.apiKey())
        .get("/api/v1/organizations")
        .then()
        .statusCode(401);
    org.withKey(newKey).api().get("/api/v1/organizations").then().statusCode(200);
    assertThat(
            TestDatabase.query(
                "SELECT count(*) AS n FROM processed_messages WHERE message_id = ?",
                TopicTail.headers(first).get("id")))
        .containsExactly(Map.of("n", 1L));
    assertThat(
            TestDatabase.query(
                "SELECT revision FROM organization_read_model WHERE organization_id = ?", org.id()))
        .containsExactly(Map.of("revision", 3L));
  }

  private static final String UNAUTHORIZED = "{\"status\":401,\"error\":\"Unauthorized\"}";

  static void awaitStatus(String apiKey, int status) {
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                given()
                        .header("Authorization", "Bearer " + apiKey)
                        .get("/api/v1/organizations")
                        .statusCode()
                    == status);
  }
}
