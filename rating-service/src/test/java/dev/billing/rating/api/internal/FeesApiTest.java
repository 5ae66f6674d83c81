package dev.billing.rating.api.internal;

import static dev.billing.testkit.TestEvents.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fee lines invoicing puts on invoices: {@code GET /internal/v1/subscriptions/{id}/fees}, and
 * many periods at once with {@code POST /internal/v1/fees}.
 */
@QuarkusTest
class FeesApiTest {

  @Test
  void shouldAnswerThePeriodsLinesAndTheSpendingMinimumTrueUp() {
    SubscriptionMessage subscription = subscriptionWithStorage("Fees");

    OperatorApi.operator()
        .queryParam("from", "2026-11-01T00:00:00Z")
        .queryParam("to", "2026-12-01T00:00:00Z")
        .get("/internal/v1/subscriptions/" + subscription.subscriptionId() + "/fees")
        .then()
        .statusCode(200)
        .body("fees.currency", equalTo("USD"))
        .body("fees.period_from", equalTo("2026-11-01T00:00:00Z"))
        .body("fees.lines", hasSize(2))
        // 3.5 GB × $1.25 = $4.375 → $4.38 (HALF_UP, once)
        .body("fees.lines[0].billable_metric_name", equalTo("Storage"))
        .body("fees.lines[0].units", equalTo("3.5"))
        .body("fees.lines[0].events_count", equalTo(2))
        .body("fees.lines[0].amount_cents", equalTo(438))
        .body("fees.lines[0].precise_amount", equalTo("4.375"))
        // the $10.00 minimum for the whole month less what the charge bills: $10.00 − $4.38 =
        // $5.62, so the charge comes to the minimum exactly
        .body("fees.lines[1].true_up", equalTo(true))
        .body("fees.lines[1].amount_cents", equalTo(562))
        .body("fees.amount_cents", equalTo(1000));
  }

  @Test
  void shouldPriceManyPeriodsInOneCallAndLeaveUnknownSubscriptionsNull() {
    SubscriptionMessage subscription = subscriptionWithStorage("Batched fees");
    String id = subscription.subscriptionId().toString();

    OperatorApi.operator()
        .contentType("application/json")
        .body(
            Map.of(
                "periods",
                List.of(
                    period(id, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"),
                    period(UUID.randomUUID().toString(), "2026-11-01T00:00:00Z", null),
                    // terminated on the 16th: the $10.00 minimum prorated to 15 of 30 days
                    period(id, "2026-11-01T00:00:00Z", "2026-11-16T00:00:00Z"))))
        .post("/internal/v1/fees")
        .then()
        .statusCode(200)
        .body("fees", hasSize(3))
        // the same answer as the single-period API, to the cent
        .body("fees[0].subscription_id", equalTo(id))
        .body("fees[0].lines[0].amount_cents", equalTo(438))
        .body("fees[0].lines[0].precise_amount", equalTo("4.375"))
        .body("fees[0].lines[1].amount_cents", equalTo(562))
        .body("fees[0].amount_cents", equalTo(1000))
        .body("fees[1]", nullValue())
        // $5.00 − $4.38 = $0.62
        .body("fees[2].lines[1].amount_cents", equalTo(62))
        .body("fees[2].amount_cents", equalTo(500));
  }

  @Test
  void shouldRejectABatchWithoutPeriodsOrWithInvalidOnesInLagosEnvelope() {
    OperatorApi.operator()
        .contentType("application/json")
        .body(Map.of("periods", List.of()))
        .post("/internal/v1/fees")
        .then()
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.periods[0]", equalTo("value_is_mandatory"));
    OperatorApi.operator()
        .contentType("application/json")
        .body(
            Map.of(
                "periods",
                List.of(
                    period("not-a-uuid", "2026-11-01T00:00:00Z", null),
                    period(UUID.randomUUID().toString(), "November", null))))
        .post("/internal/v1/fees")
        .then()
        .statusCode(422)
        .body("status", equalTo(422))
        .body("error_details.'periods[0].subscription_id'[0]", equalTo("value_is_invalid"))
        .body("error_details.'periods[1].from'[0]", equalTo("invalid_date"));
    OperatorApi.operator()
        .contentType("application/json")
        .body("{\"periods\": [")
        .post("/internal/v1/fees")
        .then()
        .statusCode(400);
    Catalog.organization("Not an operator either")
        .api()
        .contentType("application/json")
        .body(
            Map.of(
                "periods",
                List.of(period(UUID.randomUUID().toString(), "2026-11-01T00:00:00Z", null))))
        .post("/internal/v1/fees")
        .then()
        .statusCode(401);
  }

  private static Map<String, Object> period(String subscriptionId, String from, String to) {
    Map<String, Object> period = new java.util.HashMap<>();
    period.put("subscription_id", subscriptionId);
    period.put("from", from);
    period.put("to", to);
    return period;
  }

  /** A subscription to a plan with a $1.25/GB storage charge and a $10.00 minimum; 3.5 GB used. */
  private static SubscriptionMessage subscriptionWithStorage(String organization) {
    TestOrganization org = Catalog.organization(organization);
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
    Catalog.plan(
        org,
        Map.of(
            "name", "Minimum",
            "code", "minimum",
            "interval", "monthly",
            "amount_cents", 0,
            "amount_currency", "USD",
            "charges",
                List.of(
                    Map.of(
                        "billable_metric_id",
                        metric,
                        "charge_model",
                        "standard",
                        "min_amount_cents",
                        1000,
                        "properties",
                        Map.of("amount", "1.25")))));
    SubscriptionMessage subscription = Catalog.subscribe(org, "minimum");
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("f1", "storage_gb", Instant.parse("2026-11-03T10:00:00Z"), Map.of("gb", 2)),
            event("f2", "storage_gb", Instant.parse("2026-11-04T10:00:00Z"), Map.of("gb", 1.5))));
    Catalog.usageAfter(org, subscription, 2);
    return subscription;
  }

  @Test
  void shouldAnswerOperatorsOnlyAndNotFoundForAnUnknownSubscription() {
    OperatorApi.operator()
        .queryParam("from", "2026-11-01T00:00:00Z")
        .get("/internal/v1/subscriptions/" + UUID.randomUUID() + "/fees")
        .then()
        .statusCode(404)
        .body("code", equalTo("subscription_not_found"));
    TestOrganization org = Catalog.organization("Not an operator");
    org.api()
        .queryParam("from", "2026-11-01T00:00:00Z")
        .get("/internal/v1/subscriptions/" + UUID.randomUUID() + "/fees")
        .then()
        .statusCode(401);
  }
}
