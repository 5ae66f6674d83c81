package dev.billing.rating.api.internal;

import static dev.billing.testkit.TestEvents.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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

/** The fee lines invoicing puts on invoices: {@code GET /internal/v1/subscriptions/{id}/fees}. */
@QuarkusTest
class FeesApiTest {

  @Test
  void shouldAnswerThePeriodsLinesAndTheSpendingMinimumTrueUp() {
    TestOrganization org = Catalog.organization("Fees");
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
