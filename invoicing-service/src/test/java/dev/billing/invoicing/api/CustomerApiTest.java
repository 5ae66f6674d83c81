package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.platform.contracts.CustomerMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi.TestOrganization;
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

/** Lago's customers API: create-or-update by external id, get, list, delete, and its messages. */
@QuarkusTest
class CustomerApiTest {

  private TestOrganization org;
  private TopicTail customers;

  @BeforeEach
  void setUp() {
    customers = TestKafka.tail(Topics.CUSTOMERS);
    org = createAuthenticatedOrganization("Customers");
  }

  @AfterEach
  void close() {
    customers.close();
  }

  @Test
  void shouldCreateThenUpdateOnlyTheGivenFieldsWhenTheSameExternalIdIsPostedAgain() {
    String lagoId =
        org.api()
            .body(
                Map.of(
                    "customer",
                    Map.ofEntries(
                        Map.entry("external_id", "cus_1"),
                        Map.entry("name", "Acme"),
                        Map.entry("email", "billing@acme.test"),
                        Map.entry("currency", "EUR"),
                        Map.entry("timezone", "Europe/Paris"),
                        Map.entry("country", "FR"),
                        Map.entry("legal_name", "Acme SAS"),
                        Map.entry("tax_identification_number", "FR123"),
                        Map.entry("net_payment_term", 30),
                        Map.entry(
                            "billing_configuration",
                            Map.of(
                                "payment_provider", "stripe",
                                "provider_customer_id", "cus_stripe_1",
                                "invoice_grace_period", 3)),
                        Map.entry("metadata", List.of(Map.of("key", "po", "value", "42"))))))
            .post("/api/v1/customers")
            .then()
            .statusCode(200)
            .body("customer.external_id", equalTo("cus_1"))
            .body("customer.sequential_id", equalTo(1))
            .body("customer.currency", equalTo("EUR"))
            .body("customer.timezone", equalTo("Europe/Paris"))
            .body("customer.applicable_timezone", equalTo("Europe/Paris"))
            .body("customer.billing_configuration.payment_provider", equalTo("stripe"))
            .body("customer.billing_configuration.provider_customer_id", equalTo("cus_stripe_1"))
            .body("customer.billing_configuration.invoice_grace_period", equalTo(3))
            .body("customer.net_payment_term", equalTo(30))
            .body("customer.metadata[0].key", equalTo("po"))
            .body("customer.metadata[0].display_in_invoice", equalTo(false))
            .extract()
            .path("customer.lago_id");

    // absent fields stay, an explicit null clears
    org.api()
        .body(
            "{\"customer\":{\"external_id\":\"cus_1\",\"name\":\"Acme Corp\",\"timezone\":null,"
                + "\"billing_configuration\":{\"provider_customer_id\":null}}}")
        .post("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("customer.lago_id", equalTo(lagoId))
        .body("customer.name", equalTo("Acme Corp"))
        .body("customer.email", equalTo("billing@acme.test"))
        .body("customer.timezone", nullValue())
        .body("customer.applicable_timezone", equalTo("UTC"))
        .body("customer.billing_configuration.payment_provider", equalTo("stripe"))
        .body("customer.billing_configuration.provider_customer_id", nullValue())
        .body("customer.metadata", hasSize(1));

    org.api()
        .get("/api/v1/customers/cus_1")
        .then()
        .statusCode(200)
        .body("customer.lago_id", equalTo(lagoId))
        .body("customer.legal_name", equalTo("Acme SAS"))
        .body("customer.tax_identification_number", equalTo("FR123"));

    await().atMost(Duration.ofSeconds(10)).until(() -> customers.withKey(lagoId).size() >= 2);
    List<ConsumerRecord<String, String>> messages = customers.withKey(lagoId);
    assertThat(messages).hasSize(2);
    assertThat(TopicTail.headers(messages.get(0)))
        .containsEntry("type", CustomerMessage.TYPE)
        .containsEntry("organization_id", org.id().toString());
    CustomerMessage first = MessageCodec.decode(messages.get(0).value(), CustomerMessage.class);
    CustomerMessage second = MessageCodec.decode(messages.get(1).value(), CustomerMessage.class);
    assertThat(first.revision()).isEqualTo(1);
    assertThat(first.timezone()).isEqualTo("Europe/Paris");
    assertThat(first.paymentProvider()).isEqualTo("stripe");
    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.name()).isEqualTo("Acme Corp");
    assertThat(second.timezone()).isNull();
    assertThat(second.currency()).isEqualTo("EUR");
    assertThat(second.organizationId()).isEqualTo(org.id());
  }

  @Test
  void shouldListWithLagosPaginationMeta() {
    for (int i = 1; i <= 3; i++) {
      org.api()
          .body(Map.of("customer", Map.of("external_id", "list_" + i)))
          .post("/api/v1/customers")
          .then()
          .statusCode(200);
    }
    org.api()
        .get("/api/v1/customers?page=1&per_page=2")
        .then()
        .statusCode(200)
        .body("customers", hasSize(2))
        .body("meta.current_page", equalTo(1))
        .body("meta.next_page", equalTo(2))
        .body("meta.prev_page", nullValue())
        .body("meta.total_pages", equalTo(2))
        .body("meta.total_count", equalTo(3));
    org.api()
        .get("/api/v1/customers?page=2&per_page=2")
        .then()
        .body("customers", hasSize(1))
        .body("meta.next_page", nullValue())
        .body("meta.prev_page", equalTo(1));
  }

  @Test
  void shouldDeleteACustomerAndPublishTheDeletion() {
    String lagoId =
        org.api()
            .body(Map.of("customer", Map.of("external_id", "gone", "name", "Gone")))
            .post("/api/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .path("customer.lago_id");

    org.api()
        .delete("/api/v1/customers/gone")
        .then()
        .statusCode(200)
        .body("customer.lago_id", equalTo(lagoId));
    org.api()
        .get("/api/v1/customers/gone")
        .then()
        .statusCode(404)
        .body("code", equalTo("customer_not_found"));
    org.api().delete("/api/v1/customers/gone").then().statusCode(404);
    org.api()
        .get("/api/v1/customers")
        .then()
        .body("customers", hasSize(0))
        .body("meta.current_page", equalTo(0))
        .body("meta.total_count", equalTo(0));

    await().atMost(Duration.ofSeconds(10)).until(() -> customers.withKey(lagoId).size() >= 2);
    CustomerMessage last =
        MessageCodec.decode(customers.withKey(lagoId).get(1).value(), CustomerMessage.class);
    assertThat(last.deleted()).isTrue();

    // the external id is free again: a new customer
    org.api()
        .body(Map.of("customer", Map.of("external_id", "gone")))
        .post("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("customer.sequential_id", equalTo(2));
  }

  @Test
  void shouldAnswer422WithEveryInvalidFieldAndStoreNothing() {
    org.api()
        .body(
            Map.of(
                "customer",
                Map.of(
                    "external_id", "bad",
                    "timezone", "Mars/Olympus_Mons",
                    "currency", "XYZ",
                    "country", "ZZ",
                    "email", "not-an-email",
                    "billing_configuration", Map.of("payment_provider", "paypal"))))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("status", equalTo(422))
        .body("error", equalTo("Unprocessable Entity"))
        .body("code", equalTo("validation_errors"))
        .body("error_details.timezone[0]", equalTo("invalid_timezone"))
        .body("error_details.currency[0]", equalTo("value_is_invalid"))
        .body("error_details.country[0]", equalTo("not_a_valid_country_code"))
        .body("error_details.email[0]", equalTo("invalid_email_format"))
        .body("error_details.payment_provider[0]", equalTo("value_is_invalid"));
    org.api().get("/api/v1/customers/bad").then().statusCode(404);
  }

  @Test
  void shouldAnswer422WhenTheExternalIdIsMissingAnd400WithoutTheRootKey() {
    org.api()
        .body(Map.of("customer", Map.of("name", "No id")))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("error_details.external_id[0]", equalTo("value_is_mandatory"));
    org.api()
        .body(Map.of("name", "No root"))
        .post("/api/v1/customers")
        .then()
        .statusCode(400)
        .body("error", equalTo("BadRequest: param is missing or the value is empty: customer"));
    org.api()
        .body("{\"customer\":{\"external_id\":\"x\",\"net_payment_term\":\"thirty\"}}")
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("error_details.net_payment_term[0]", equalTo("value_is_invalid"));
  }

  @Test
  void shouldNeverShowOrChangeAnotherOrganizationsCustomer() {
    TestOrganization other = createAuthenticatedOrganization("Other tenant");
    org.api()
        .body(Map.of("customer", Map.of("external_id", "shared_id", "name", "Mine")))
        .post("/api/v1/customers")
        .then()
        .statusCode(200);

    other
        .api()
        .get("/api/v1/customers/shared_id")
        .then()
        .statusCode(404)
        .body("code", equalTo("customer_not_found"));
    other.api().get("/api/v1/customers").then().body("customers", hasSize(0));
    other.api().delete("/api/v1/customers/shared_id").then().statusCode(404);
    // the same external id in another organization is another customer
    other
        .api()
        .body(Map.of("customer", Map.of("external_id", "shared_id", "name", "Theirs")))
        .post("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("customer.sequential_id", equalTo(1));
    org.api().get("/api/v1/customers/shared_id").then().body("customer.name", equalTo("Mine"));
  }
}
