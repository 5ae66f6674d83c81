package dev.billing.invoicing.webhook;

import static dev.billing.invoicing.support.TestClockProducer.CLOCK;
import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lago's {@code /api/v1/webhook_endpoints}: CRUD, its 422s, and tenancy. */
@QuarkusTest
class WebhookEndpointApiTest {

  private static Map<String, Object> endpoint(Map<String, Object> fields) {
    return Map.of("webhook_endpoint", fields);
  }

  private static String create(TestOrganization org, Map<String, Object> fields) {
    return org.api()
        .body(endpoint(fields))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(200)
        .extract()
        .path("webhook_endpoint.lago_id");
  }

  @Test
  void shouldCreateReadUpdateListAndDeleteAnEndpoint() {
    TestOrganization org = createAuthenticatedOrganization("Hooks CRUD");

    String id =
        org.api()
            .body(endpoint(Map.of("webhook_url", "https://hooks.example.com/a", "name", "prod")))
            .post("/api/v1/webhook_endpoints")
            .then()
            .statusCode(200)
            .body("webhook_endpoint.lago_organization_id", equalTo(org.id().toString()))
            .body("webhook_endpoint.webhook_url", equalTo("https://hooks.example.com/a"))
            .body("webhook_endpoint.signature_algo", equalTo("jwt"))
            .body("webhook_endpoint.name", equalTo("prod"))
            .body("webhook_endpoint.event_types", nullValue())
            .extract()
            .path("webhook_endpoint.lago_id");

    org.api()
        .get("/api/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("webhook_endpoint.lago_id", equalTo(id));

    org.api()
        .body(
            endpoint(
                Map.of(
                    "webhook_url",
                    "https://hooks.example.com/b",
                    "signature_algo",
                    "hmac",
                    "event_types",
                    List.of("invoice.created", "customer.created"))))
        .put("/api/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("webhook_endpoint.webhook_url", equalTo("https://hooks.example.com/b"))
        .body("webhook_endpoint.signature_algo", equalTo("hmac"))
        .body("webhook_endpoint.name", equalTo("prod"))
        .body("webhook_endpoint.event_types", contains("invoice.created", "customer.created"));

    org.api()
        .body(
            "{\"webhook_endpoint\":{\"webhook_url\":\"https://hooks.example.com/b\","
                + "\"name\":null,\"event_types\":null}}")
        .put("/api/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("webhook_endpoint.signature_algo", equalTo("hmac"))
        .body("webhook_endpoint.name", nullValue())
        .body("webhook_endpoint.event_types", nullValue());

    // the test clock stands still: the second endpoint is created a second later
    CLOCK.advance(Duration.ofSeconds(1));
    create(org, Map.of("webhook_url", "https://hooks.example.com/c"));
    org.api()
        .get("/api/v1/webhook_endpoints?per_page=1")
        .then()
        .statusCode(200)
        .body("webhook_endpoints", hasSize(1))
        .body("webhook_endpoints[0].lago_id", equalTo(id))
        .body("meta.total_count", equalTo(2))
        .body("meta.total_pages", equalTo(2));

    org.api()
        .delete("/api/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("webhook_endpoint.lago_id", equalTo(id));
    org.api()
        .get("/api/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(404)
        .body("code", equalTo("webhook_endpoint_not_found"));
    org.api().get("/api/v1/webhook_endpoints").then().body("meta.total_count", equalTo(1));
  }

  @Test
  void shouldAnswer422ForABadUrlAlgorithmOrEventType() {
    TestOrganization org = createAuthenticatedOrganization("Hooks 422");
    org.api()
        .body(
            endpoint(
                Map.of(
                    "webhook_url", "ftp://hooks.example.com",
                    "signature_algo", "md5",
                    "event_types", List.of("invoice.created", "invoice.exploded"))))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.webhook_url[0]", equalTo("url_is_invalid"))
        .body("error_details.signature_algo[0]", equalTo("value_is_invalid"))
        .body("error_details.event_types[0]", equalTo("value_is_invalid"));
    org.api()
        .body(endpoint(Map.of("name", "no url")))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(422)
        .body("error_details.webhook_url[0]", equalTo("value_is_mandatory"));
    org.api()
        .body(Map.of("webhook_url", "https://hooks.example.com"))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(400)
        .body(
            "error",
            equalTo("BadRequest: param is missing or the value is empty: webhook_endpoint"));
    org.api().get("/api/v1/webhook_endpoints").then().body("meta.total_count", equalTo(0));
  }

  @Test
  void shouldRefuseADuplicateUrlAndAnEleventhEndpoint() {
    TestOrganization org = createAuthenticatedOrganization("Hooks limits");
    String first = create(org, Map.of("webhook_url", "https://hooks.example.com/0"));
    org.api()
        .body(endpoint(Map.of("webhook_url", "https://hooks.example.com/0")))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(422)
        .body("error_details.webhook_url[0]", equalTo("value_already_exist"));
    for (int i = 1; i < 10; i++) {
      create(org, Map.of("webhook_url", "https://hooks.example.com/" + i));
    }
    org.api()
        .body(endpoint(Map.of("webhook_url", "https://hooks.example.com/10")))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(422)
        .body("error_details.base[0]", equalTo("exceeded_limit"));
    org.api()
        .body(endpoint(Map.of("webhook_url", "https://hooks.example.com/9")))
        .put("/api/v1/webhook_endpoints/" + first)
        .then()
        .statusCode(422)
        .body("error_details.webhook_url[0]", equalTo("value_already_exist"));
    org.api().get("/api/v1/webhook_endpoints").then().body("meta.total_count", equalTo(10));
  }

  @Test
  void shouldKeepEachOrganizationsEndpointsToItself() {
    TestOrganization a = createAuthenticatedOrganization("Hooks A");
    TestOrganization b = createAuthenticatedOrganization("Hooks B");
    String id = create(a, Map.of("webhook_url", "https://a.example.com/hook"));

    b.api().get("/api/v1/webhook_endpoints/" + id).then().statusCode(404);
    b.api()
        .body(endpoint(Map.of("webhook_url", "https://b.example.com/stolen")))
        .put("/api/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(404);
    b.api().delete("/api/v1/webhook_endpoints/" + id).then().statusCode(404);
    b.api().get("/api/v1/webhook_endpoints").then().body("meta.total_count", equalTo(0));
    // the same URL is free in another organization
    create(b, Map.of("webhook_url", "https://a.example.com/hook"));

    a.api()
        .get("/api/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("webhook_endpoint.webhook_url", equalTo("https://a.example.com/hook"));
  }
}
