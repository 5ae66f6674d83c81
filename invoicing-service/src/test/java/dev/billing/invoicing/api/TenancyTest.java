package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static dev.billing.testkit.OperatorApi.operator;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An API key reaches its own organization and nothing else. */
@QuarkusTest
class TenancyTest {

  @Test
  void shouldNeitherReadNorChangeAnotherOrganizationWithAKey() {
    TestOrganization a = createAuthenticatedOrganization("Tenant A");
    TestOrganization b = createAuthenticatedOrganization("Tenant B");

    a.api()
        .get("/api/v1/organizations")
        .then()
        .body("organization.lago_id", equalTo(a.id().toString()));
    a.api()
        .body(
            Map.of("organization", Map.of("timezone", "Asia/Tokyo", "lago_id", b.id().toString())))
        .put("/api/v1/organizations")
        .then()
        .statusCode(200)
        .body("organization.lago_id", equalTo(a.id().toString()))
        .body("organization.timezone", equalTo("Asia/Tokyo"));

    b.api()
        .get("/api/v1/organizations")
        .then()
        .body("organization.lago_id", equalTo(b.id().toString()))
        .body("organization.timezone", equalTo("UTC"));
    operator()
        .get("/admin/v1/organizations/" + b.id())
        .then()
        .body("organization.timezone", equalTo("UTC"));
  }

  @Test
  void shouldUpdateOnlyTheGivenSettingsAndClearOnlyExplicitNulls() {
    TestOrganization org = createAuthenticatedOrganization("Settings");

    org.api()
        .body(
            Map.of(
                "organization",
                Map.of(
                    "timezone", "America/New_York",
                    "default_currency", "EUR",
                    "document_number_prefix", "acme",
                    "net_payment_term", 30,
                    "webhook_url", "https://hooks.example.com/lago",
                    "billing_configuration", Map.of("invoice_grace_period", 3))))
        .put("/api/v1/organizations")
        .then()
        .statusCode(200)
        .body("organization.document_number_prefix", equalTo("ACME"));

    org.api()
        .body("{\"organization\":{\"webhook_url\":null,\"net_payment_term\":15}}")
        .put("/api/v1/organizations")
        .then()
        .statusCode(200)
        .body("organization.webhook_url", equalTo(null))
        .body("organization.net_payment_term", equalTo(15))
        .body("organization.timezone", equalTo("America/New_York"))
        .body("organization.default_currency", equalTo("EUR"))
        .body("organization.billing_configuration.invoice_grace_period", equalTo(3));
  }
}
