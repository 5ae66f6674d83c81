package dev.billing.invoicing.webhook;

import static dev.billing.invoicing.support.TestClockProducer.CLOCK;
import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.invoicing.support.TestPlans;
import dev.billing.invoicing.support.WebhookReceiver;
import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customers and subscriptions announce their changes to the organization's endpoints. */
@QuarkusTest
class LifecycleWebhooksTest {

  @Test
  void shouldAnnounceCustomerCreatedSubscriptionStartedAndTerminatedOnce() throws Exception {
    CLOCK.set(Instant.parse("2026-11-10T12:00:00Z"));
    TestOrganization org = createAuthenticatedOrganization("Lifecycle webhooks");
    TestPlans.publish(org.id(), "basic", 1_000, "USD");
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      receiver.registerWith(org, "/hooks");

      org.api()
          .body(Map.of("customer", Map.of("external_id", "cus_hook", "currency", "USD")))
          .post("/api/v1/customers")
          .then()
          .statusCode(200);
      org.api()
          .body(
              Map.of(
                  "subscription",
                  Map.of(
                      "external_customer_id", "cus_hook",
                      "external_id", "sub_hook",
                      "plan_code", "basic",
                      "subscription_at", "2026-11-01T00:00:00Z")))
          .post("/api/v1/subscriptions")
          .then()
          .statusCode(200);
      org.api().delete("/api/v1/subscriptions/sub_hook").then().statusCode(200);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  types(receiver)
                      .containsAll(
                          List.of(
                              "customer.created",
                              "subscription.started",
                              "subscription.terminated")));
      List<String> types = types(receiver);
      assertThat(types.stream().filter("subscription.started"::equals)).hasSize(1);
      assertThat(types.stream().filter("subscription.terminated"::equals)).hasSize(1);
      JsonPath started = body(receiver, "subscription.started");
      assertThat(started.getString("subscription.external_id")).isEqualTo("sub_hook");
      assertThat(started.getString("organization_id")).isEqualTo(org.id().toString());
      assertThat(body(receiver, "customer.created").getString("customer.external_id"))
          .isEqualTo("cus_hook");
      assertThat(body(receiver, "subscription.terminated").getString("subscription.status"))
          .isEqualTo("terminated");
    }
  }

  private static List<String> types(WebhookReceiver receiver) {
    return receiver.at("/hooks").stream()
        .map(r -> new JsonPath(r.body()).getString("webhook_type"))
        .toList();
  }

  private static JsonPath body(WebhookReceiver receiver, String type) {
    return receiver.at("/hooks").stream()
        .map(r -> new JsonPath(r.body()))
        .filter(j -> type.equals(j.getString("webhook_type")))
        .findFirst()
        .orElseThrow();
  }
}
