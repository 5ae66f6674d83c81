package dev.billing.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TestOrganizations;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad input gets its status and Lago's error body, and nothing is published. */
@QuarkusTest
class BadEventInputTest {

  private static final String VALID =
      "\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\"";

  private TestOrganization org;
  private TopicTail accepted;

  @BeforeEach
  void setUp() {
    accepted = TestKafka.tail(Topics.EVENTS_ACCEPTED);
    org = TestOrganizations.publish("Bad input " + System.nanoTime());
    OperatorApi.awaitAuthenticatesPost(org.apiKey(), "/api/v1/events");
  }

  @AfterEach
  void nothingWasPublished() {
    // a valid event sent last: once it is on the topic, anything sent before it would be too
    org.api().body("{\"event\":{" + VALID + "}}").post("/api/v1/events").then().statusCode(200);
    await().until(() -> !accepted.withKey(org.id() + ":s").isEmpty());
    assertThat(accepted.records())
        .filteredOn(r -> r.key().startsWith(org.id().toString()))
        .hasSize(1);
    accepted.close();
  }

  @ParameterizedTest(name = "{0} missing")
  @CsvSource({"transaction_id", "code", "external_subscription_id"})
  void shouldAnswer422WhenARequiredFieldIsMissing(String field) {
    String event = "{" + VALID.replaceAll("\"" + field + "\":\"[a-z]\",?", "") + "}";

    single(event.replace(",}", "}"))
        .statusCode(422)
        .body("status", equalTo(422))
        .body("error", equalTo("Unprocessable Entity"))
        .body("code", equalTo("validation_errors"))
        .body("error_details." + field + "[0]", equalTo("value_is_mandatory"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "code|5|value_is_invalid",
        "transaction_id|{\"a\":1}|value_is_invalid",
        "external_subscription_id|\"  \"|value_is_mandatory",
        "timestamp|\"yesterday\"|invalid_format",
        "timestamp|true|invalid_format",
        "precise_total_amount_cents|\"12,5\"|invalid_format",
        "properties|[1,2]|value_is_invalid",
        "transaction_id|\"t\\u0000x\"|value_is_invalid",
        "external_subscription_id|\"s\\udc00\"|value_is_invalid"
      })
  void shouldAnswer422WhenAFieldHasTheWrongType(String field, String json, String code) {
    String rest = VALID.replaceAll("\"" + field + "\":\"[a-z]\",?", "").replaceAll(",$", "");
    String event = "{" + rest + ",\"" + field + "\":" + json + "}";

    single(event).statusCode(422).body("error_details." + field + "[0]", equalTo(code));
  }

  @Test
  void shouldRefuseAPropertyThatIsAnObjectOrAnArray() {
    single("{" + VALID + ",\"properties\":{\"nested\":{\"a\":1},\"list\":[1]}}")
        .statusCode(422)
        .body("error_details.'properties.nested'[0]", equalTo("nested_value_not_allowed"))
        .body("error_details.'properties.list'[0]", equalTo("nested_value_not_allowed"));
  }

  /** Accepted, such an event would fail in rating's ledger and never be billed. */
  @Test
  void shouldRefuseTextTheLedgerCannotStoreANulCharacterOrALoneSurrogate() {
    single(
            "{"
                + VALID
                + ",\"properties\":{\"nul\":\"a\\u0000b\",\"half\":\"\\ud800\","
                + "\"pair\":\"\\ud83d\\ude00\",\"a\\u0000\":1}}")
        .statusCode(422)
        .body("error_details.'properties.nul'[0]", equalTo("value_is_invalid"))
        .body("error_details.'properties.half'[0]", equalTo("value_is_invalid"))
        .body("error_details.properties[0]", equalTo("value_is_invalid"))
        .body("error_details.'properties.pair'", equalTo(null));
  }

  @Test
  void shouldRefuseNotANumberAndInfinity() {
    single("{" + VALID + ",\"properties\":{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}}")
        .statusCode(422)
        .body("error_details.'properties.a'[0]", equalTo("value_is_not_a_finite_number"))
        .body("error_details.'properties.b'[0]", equalTo("value_is_not_a_finite_number"))
        .body("error_details.'properties.c'[0]", equalTo("value_is_not_a_finite_number"));
  }

  @Test
  void shouldRefuseAPropertyStringOverTheLengthLimit() {
    String long1025 = "x".repeat(1025);
    single(
            "{"
                + VALID
                + ",\"properties\":{\"note\":\""
                + long1025
                + "\",\"ok\":\""
                + "y".repeat(1024)
                + "\"}}")
        .statusCode(422)
        .body("error_details.'properties.note'[0]", equalTo("value_is_too_long"))
        .body("error_details.'properties.ok'", equalTo(null));
  }

  @Test
  void shouldNameTheIndexOfEachBadEventInABatchAndPublishNoneOfIt() {
    String good = "{" + VALID + "}";
    given()
        .header("Authorization", "Bearer " + org.apiKey())
        .contentType("application/json")
        .body("{\"events\":[" + good + ",{\"code\":\"c\"}," + good + ",7]}")
        .post("/api/v1/events/batch")
        .then()
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.'1'.transaction_id[0]", equalTo("value_is_mandatory"))
        .body("error_details.'1'.external_subscription_id[0]", equalTo("value_is_mandatory"))
        .body("error_details.'3'.event[0]", equalTo("value_is_invalid"))
        .body("error_details.'0'", equalTo(null));
  }

  @Test
  void shouldAnswer422ForAnEmptyBatchAndForMoreThanTheBatchLimit() {
    batch("{\"events\":[]}").statusCode(422).body("error_details.events[0]", equalTo("no_events"));
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      events.add("{" + VALID + "}");
    }
    batch("{\"events\":[" + String.join(",", events) + "]}")
        .statusCode(422)
        .body("error_details.events[0]", equalTo("too_many_events"));
  }

  @Test
  void shouldAnswer400ForMalformedJsonAndForAMissingRootKey() {
    single("{\"transaction_id\": ").statusCode(400).body("code", equalTo("invalid_json"));
    org.api()
        .body(Map.of("events", List.of()))
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .body("error", equalTo("BadRequest: param is missing or the value is empty: event"));
    org.api()
        .body("{\"event\":{}}")
        .post("/api/v1/events/batch")
        .then()
        .statusCode(400)
        .body("error", equalTo("BadRequest: param is missing or the value is empty: events"));
  }

  @Test
  void shouldAnswer413InLagosEnvelopeOverTheBodyLimit() {
    String big =
        "{\"events\":["
            + ("{" + VALID + ",\"properties\":{\"p\":\"" + "z".repeat(1000) + "\"}},").repeat(1100)
            + "{"
            + VALID
            + "}]}";

    batch(big)
        .statusCode(413)
        .body("status", equalTo(413))
        .body("code", equalTo("payload_too_large"));
  }

  @Test
  void shouldAnswer401WithoutAValidKey() {
    given()
        .contentType("application/json")
        .body("{\"event\":{" + VALID + "}}")
        .post("/api/v1/events")
        .then()
        .statusCode(401)
        .body(equalTo("{\"status\":401,\"error\":\"Unauthorized\"}"));
    given()
        .header("Authorization", "Bearer not-a-key")
        .contentType("application/json")
        .body("{\"event\":{" + VALID + "}}")
        .post("/api/v1/events")
        .then()
        .statusCode(401);
  }

  private ValidatableResponse single(String event) {
    return org.api().body("{\"event\":" + event + "}").post("/api/v1/events").then();
  }

  private ValidatableResponse batch(String body) {
    return org.api().body(body).post("/api/v1/events/batch").then();
  }
}
