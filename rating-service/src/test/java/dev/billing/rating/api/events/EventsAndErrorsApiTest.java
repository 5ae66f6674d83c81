package dev.billing.rating.api.events;

import static dev.billing.testkit.TestEvents.event;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger as clients read it ({@code GET /api/v1/events}), current_usage's errors, and the
 * operator's list of events that could not be billed as sent.
 */
@QuarkusTest
class EventsAndErrorsApiTest {

  private static final Instant DAY_2 = Instant.parse("2026-11-02T08:00:00Z");
  private static final Instant DAY_3 = Instant.parse("2026-11-03T08:00:00Z");

  @Test
  void shouldFindListAndPageTheLedgerOfOneOrganizationOnly() {
    TestOrganization org = Catalog.organization("Ledger");
    SubscriptionMessage subscription = storagePlanSubscription(org);
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("e1", "storage_gb", DAY_2, Map.of("gb", 4)),
            event("e2", "storage_gb", DAY_3, Map.of("gb", 6, "region", "eu")),
            event("e3", "other_code", DAY_3, Map.of("x", 1))));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> org.api().get("/api/v1/events").jsonPath().getInt("meta.total_count") == 3);

    org.api()
        .get("/api/v1/events/e2")
        .then()
        .statusCode(200)
        .body("event.transaction_id", equalTo("e2"))
        .body("event.code", equalTo("storage_gb"))
        .body("event.external_subscription_id", equalTo(subscription.externalId()))
        .body("event.timestamp", equalTo("2026-11-03T08:00:00Z"))
        .body("event.properties.region", equalTo("eu"));
    org.api()
        .queryParam("code", "storage_gb")
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("events.transaction_id", containsInAnyOrder("e1", "e2"));
    org.api()
        .queryParam("per_page", 1)
        .queryParam("page", 2)
        .queryParam("timestamp_from", "2026-11-03T00:00:00Z")
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .body("events", hasSize(1))
        .body("meta.total_count", equalTo(2))
        .body("meta.total_pages", equalTo(2))
        .body("meta.current_page", equalTo(2));
    org.api()
        .queryParam("timestamp_from", "yesterday")
        .get("/api/v1/events")
        .then()
        .statusCode(422)
        .body("error_details.timestamp_from", hasItem("invalid_date"));

    TestOrganization other = Catalog.organization("Not the ledger's");
    other
        .api()
        .get("/api/v1/events/e2")
        .then()
        .statusCode(404)
        .body("code", equalTo("event_not_found"));
    other.api().get("/api/v1/events").then().statusCode(200).body("events", hasSize(0));
  }

  @Test
  void shouldAnswerLagosErrorsForCurrentUsage() {
    TestOrganization org = Catalog.organization("Usage errors");
    SubscriptionMessage subscription = storagePlanSubscription(org);
    org.api()
        .get("/api/v1/customers/" + subscription.externalCustomerId() + "/current_usage")
        .then()
        .statusCode(422)
        .body("error_details.external_subscription_id", hasItem("value_is_mandatory"));
    org.api()
        .queryParam("external_subscription_id", "nobody")
        .get("/api/v1/customers/" + subscription.externalCustomerId() + "/current_usage")
        .then()
        .statusCode(404)
        .body("code", equalTo("subscription_not_found"));
    org.api()
        .queryParam("external_subscription_id", subscription.externalId())
        .get("/api/v1/customers/someone-else/current_usage")
        .then()
        .statusCode(404)
        .body("code", equalTo("customer_not_found"));
    Catalog.organization("Stranger")
        .api()
        .queryParam("external_subscription_id", subscription.externalId())
        .get("/api/v1/customers/" + subscription.externalCustomerId() + "/current_usage")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldReportEventsThatCannotBeBilledToTheOperator() {
    TestOrganization org = Catalog.organization("Event errors");
    SubscriptionMessage subscription = storagePlanSubscription(org);
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("bad-code", "no_such_metric", DAY_2, Map.of()),
            event("no-field", "storage_gb", DAY_2, Map.of("size", 3)),
            event("good", "storage_gb", DAY_2, Map.of("gb", 2))));
    TestEvents.send(
        org.id(),
        "no-such-subscription",
        List.of(event("lost", "storage_gb", DAY_2, Map.of("gb", 1))));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                OperatorApi.operator()
                        .queryParam("organization_id", org.id().toString())
                        .get("/admin/v1/event_errors")
                        .jsonPath()
                        .getInt("meta.total_count")
                    == 3);
    OperatorApi.operator()
        .queryParam("organization_id", org.id().toString())
        .queryParam("error", "invalid_code")
        .get("/admin/v1/event_errors")
        .then()
        .statusCode(200)
        .body("event_errors.transaction_id", contains("bad-code"))
        .body("event_errors[0].code", equalTo("no_such_metric"));
    OperatorApi.operator()
        .queryParam("organization_id", org.id().toString())
        .queryParam("error", "missing_aggregation_property")
        .get("/admin/v1/event_errors")
        .then()
        .body("event_errors.transaction_id", contains("no-field"));
    OperatorApi.operator()
        .queryParam("organization_id", org.id().toString())
        .queryParam("external_subscription_id", "no-such-subscription")
        .get("/admin/v1/event_errors")
        .then()
        .body("event_errors.error", contains("no_active_subscription"));
    // the bad events are kept in the ledger; the good one bills
    org.api().get("/api/v1/events/bad-code").then().statusCode(200);
    org.api()
        .queryParam("external_subscription_id", subscription.externalId())
        .get("/api/v1/customers/" + subscription.externalCustomerId() + "/current_usage")
        .then()
        .body("customer_usage.amount_cents", equalTo(200));

    OperatorApi.operator()
        .queryParam("organization_id", "not-a-uuid")
        .get("/admin/v1/event_errors")
        .then()
        .statusCode(422);
    org.api().get("/admin/v1/event_errors").then().statusCode(401);
  }

  private static SubscriptionMessage storagePlanSubscription(TestOrganization org) {
    String metric =
        Catalog.metric(
            org,
            Map.of(
                "name",
                "Storage",
                "code",
                "storage_gb",
                "aggregation_type",
                "sum_agg",
                "field_name",
                "gb"));
    Catalog.plan(org, Catalog.monthlyPlan("storage", metric, "standard", Map.of("amount", "1")));
    return Catalog.subscribe(org, "storage");
  }
}
