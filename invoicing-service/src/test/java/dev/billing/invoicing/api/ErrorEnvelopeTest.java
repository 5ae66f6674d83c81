package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static dev.billing.testkit.OperatorApi.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client mistake comes back in Lago's envelope with the right status, never a 500. */
@QuarkusTest
class ErrorEnvelopeTest {

  private TestOrganization org;

  @BeforeEach
  void organization() {
    org = createAuthenticatedOrganization("Errors");
  }

  @Test
  void shouldAnswer400WhenTheJsonIsMalformed() {
    org.api()
        .body("{\"organization\": {")
        .put("/api/v1/organizations")
        .then()
        .statusCode(400)
        .body("status", equalTo(400))
        .body("error", equalTo("BadRequest: malformed JSON"))
        .body("code", equalTo("invalid_json"));
  }

  @Test
  void shouldAnswer400LikeLagoWhenTheRootKeyIsMissing() {
    org.api()
        .body("{\"timezone\": \"UTC\"}")
        .put("/api/v1/organizations")
        .then()
        .statusCode(400)
        .body("status", equalTo(400))
        .body("error", equalTo("BadRequest: param is missing or the value is empty: organization"));
  }

  @Test
  void shouldAnswer400WhenTheBodyIsNotAnObject() {
    org.api()
        .body("[1, 2]")
        .put("/api/v1/organizations")
        .then()
        .statusCode(400)
        .body("code", equalTo("bad_request"));
  }

  @Test
  void shouldAnswer422NamingTheFieldWhenAValueHasTheWrongType() {
    org.api()
        .body("{\"organization\": {\"net_payment_term\": \"thirty\"}}")
        .put("/api/v1/organizations")
        .then()
        .statusCode(422)
        .body("status", equalTo(422))
        .body("error", equalTo("Unprocessable Entity"))
        .body("code", equalTo("validation_errors"))
        .body("error_details.net_payment_term[0]", equalTo("value_is_invalid"));
  }

  @Test
  void shouldAnswer422WithEveryInvalidFieldAndChangeNothing() {
    org.api()
        .body(
            Map.of(
                "organization",
                Map.of(
                    "timezone", "Mars/Olympus_Mons",
                    "default_currency", "XYZ",
                    "document_number_prefix", "WAY-TOO-LONG-PREFIX",
                    "net_payment_term", -1,
                    "webhook_url", "ftp://example.com",
                    "billing_configuration", Map.of("invoice_grace_period", 366))))
        .put("/api/v1/organizations")
        .then()
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.timezone[0]", equalTo("invalid_timezone"))
        .body("error_details.default_currency[0]", equalTo("value_is_invalid"))
        .body("error_details.document_number_prefix[0]", equalTo("value_is_too_long"))
        .body("error_details.net_payment_term[0]", equalTo("value_is_out_of_range"))
        .body("error_details.webhook_url[0]", equalTo("url_is_invalid"))
        .body("error_details.invoice_grace_period[0]", equalTo("value_is_out_of_range"));

    org.api()
        .get("/api/v1/organizations")
        .then()
        .statusCode(200)
        .body("organization.timezone", equalTo("UTC"))
        .body("organization.default_currency", equalTo("USD"));
  }

  @Test
  void shouldAnswer404ForAnUnknownRouteAndAnUnknownOrganization() {
    org.api()
        .get("/api/v1/no_such_thing")
        .then()
        .statusCode(404)
        .body("status", equalTo(404))
        .body("error", equalTo("Not Found"))
        .body("code", equalTo("resource_not_found"));
    operator()
        .get("/admin/v1/organizations/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404)
        .body("code", equalTo("organization_not_found"));
    operator()
        .get("/admin/v1/organizations/not-a-uuid")
        .then()
        .statusCode(404)
        .body("code", equalTo("organization_not_found"));
  }

  @Test
  void shouldAnswer405ForAMethodTheRouteDoesNotHave() {
    org.api()
        .delete("/api/v1/organizations")
        .then()
        .statusCode(405)
        .body("status", equalTo(405))
        .body("error", equalTo("Method Not Allowed"))
        .body("code", equalTo("method_not_allowed"));
  }

  @Test
  void shouldAnswer401OnTheOperatorApiWithoutTheOperatorToken() {
    given()
        .header("Authorization", "Bearer " + org.apiKey())
        .get("/admin/v1/organizations")
        .then()
        .statusCode(401)
        .body(equalTo("{\"status\":401,\"error\":\"Unauthorized\"}"));
    given().get("/admin/v1/organizations").then().statusCode(401);
  }

  @Test
  void shouldAnswer422WhenTheOperatorGivesNoNameOrAShortKey() {
    operator()
        .body(Map.of("organization", Map.of("name", " ", "api_key", "short")))
        .post("/admin/v1/organizations")
        .then()
        .statusCode(422)
        .body("error_details.name[0]", equalTo("value_is_mandatory"))
        .body("error_details.api_key[0]", equalTo("value_is_too_short"));
  }

  @Test
  void shouldAnswer422WhenAnOperatorChosenKeyIsAlreadyUsed() {
    operator()
        .body(Map.of("organization", Map.of("name", "Copycat", "api_key", org.apiKey())))
        .post("/admin/v1/organizations")
        .then()
        .statusCode(422)
        .body("error_details.api_key[0]", equalTo("value_already_exist"));
  }

  @Test
  void shouldAnswer422ForAnInvalidPageParameter() {
    operator()
        .get("/admin/v1/organizations?page=zero")
        .then()
        .statusCode(422)
        .body("error_details.page[0]", equalTo("value_is_invalid"));
  }

  @Test
  void shouldAnswer415InTheEnvelopeForANonJsonBody() {
    given()
        .header("Authorization", "Bearer " + org.apiKey())
        .contentType("text/plain")
        .body("timezone=UTC")
        .put("/api/v1/organizations")
        .then()
        .statusCode(415)
        .body("status", equalTo(415))
        .body("error", startsWith("Unsupported"));
  }
}
