package dev.billing.rating.api.events;

import static dev.billing.testkit.TestEvents.event;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/events/estimate_fees}: what an event sent now costs in advance. */
@QuarkusTest
class EstimateFeesTest {

  private static final Instant NOVEMBER_3 = Instant.parse("2026-11-03T10:00:00Z");

  private TestOrganization org;
  private SubscriptionMessage subscription;

  @BeforeEach
  void plan() {
    org = Catalog.organization("Estimates");
    String calls = Catalog.metric(org, sum("API calls", "api_calls", "calls"));
    String payments = Catalog.metric(org, sum("Payments", "payments", "amount"));
    String storage = Catalog.metric(org, sum("Storage", "storage_gb", "gb"));
    Catalog.plan(
        org,
        Map.of(
            "name",
            "In advance",
            "code",
            "in_advance",
            "interval",
            "monthly",
            "amount_cents",
            0,
            "amount_currency",
            "USD",
            "charges",
            List.of(
                charge(
                    calls,
                    "graduated",
                    true,
                    Map.of(
                        "graduated_ranges",
                        List.of(range(0, 100, "1", "10"), range(101, null, "0.5", "20")))),
                charge(payments, "percentage", true, Map.of("rate", "2", "fixed_amount", "0.30")),
                charge(storage, "standard", false, Map.of("amount", "1")))));
    subscription = Catalog.subscribe(org, "in_advance");
  }

  @Test
  void shouldChargeTheNextTierWhenTheEventCrossesIntoIt() {
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(event("c1", "api_calls", NOVEMBER_3, Map.of("calls", 99))));
    Catalog.usageAfter(org, subscription, 1);

    estimate(Map.of("code", "api_calls", "properties", Map.of("calls", 3)))
        .statusCode(200)
        .body("fees", hasSize(1))
        // with it: 100 × $1 + $10 + 2 × $0.50 + $20 = $131; without: 99 × $1 + $10 = $109
        .body("fees[0].amount_cents", equalTo(2200))
        .body("fees[0].amount_currency", equalTo("USD"))
        .body("fees[0].units", equalTo("3"))
        .body("fees[0].total_aggregated_units", equalTo("102"))
        .body("fees[0].events_count", equalTo(1))
        .body("fees[0].pay_in_advance", equalTo(true))
        .body("fees[0].lago_id", equalTo(null))
        .body("fees[0].external_subscription_id", equalTo(subscription.externalId()))
        .body("fees[0].item.type", equalTo("charge"))
        .body("fees[0].item.code", equalTo("api_calls"))
        .body("fees[0].item.item_type", equalTo("BillableMetric"));

    // nothing was stored: the same estimate again gives the same fee
    estimate(Map.of("code", "api_calls", "properties", Map.of("calls", 3)))
        .statusCode(200)
        .body("fees[0].amount_cents", equalTo(2200));
  }

  @Test
  void shouldChargeTheFirstTierFlatAmountWithTheFirstEvent() {
    estimate(Map.of("code", "api_calls", "properties", Map.of("calls", 1)))
        .statusCode(200)
        // 1 × $1 + $10 flat − nothing yet = $11.00
        .body("fees[0].amount_cents", equalTo(1100));
  }

  @Test
  void shouldChargeRatePlusFixedAmountPerTransaction() {
    estimate(Map.of("code", "payments", "properties", Map.of("amount", "125.50")))
        .statusCode(200)
        // 2% × $125.50 + $0.30 = $2.51 + $0.30 = $2.81
        .body("fees[0].amount_cents", equalTo(281))
        .body("fees[0].precise_amount", equalTo("2.81"));
  }

  @Test
  void shouldAnswerLagosErrorsForWhatCannotBeEstimated() {
    estimate(Map.of("code", "storage_gb", "properties", Map.of("gb", 1)))
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.code", hasItem("does_not_match_an_instant_charge"));
    estimate(Map.of("code", "no_such_metric"))
        .statusCode(404)
        .body("code", equalTo("billable_metric_not_found"));
    estimate(Map.of("code", "api_calls"))
        .statusCode(422)
        .body("error_details.properties", hasItem("missing_aggregation_property"));
    org.api()
        .body(Map.of("event", Map.of("code", "api_calls", "external_subscription_id", "nobody")))
        .post("/api/v1/events/estimate_fees")
        .then()
        .statusCode(404)
        .body("code", equalTo("subscription_not_found"));
    org.api()
        .body(Map.of("event", Map.of("properties", Map.of())))
        .post("/api/v1/events/estimate_fees")
        .then()
        .statusCode(422)
        .body("error_details.code", hasItem("value_is_mandatory"))
        .body("error_details.external_subscription_id", hasItem("value_is_mandatory"));
    org.api()
        .body(Map.of("events", List.of()))
        .post("/api/v1/events/estimate_fees")
        .then()
        .statusCode(400);
  }

  @Test
  void shouldNotEstimateAnotherOrganizationsSubscription() {
    TestOrganization other = Catalog.organization("Other");
    other
        .api()
        .body(
            Map.of(
                "event",
                Map.of(
                    "code",
                    "api_calls",
                    "external_subscription_id",
                    subscription.externalId(),
                    "properties",
                    Map.of("calls", 1))))
        .post("/api/v1/events/estimate_fees")
        .then()
        .statusCode(404)
        .body("code", equalTo("subscription_not_found"));
  }

  private io.restassured.response.ValidatableResponse estimate(Map<String, Object> event) {
    Map<String, Object> body = new HashMap<>(event);
    body.put("external_subscription_id", subscription.externalId());
    return org.api().body(Map.of("event", body)).post("/api/v1/events/estimate_fees").then();
  }

  private static Map<String, Object> sum(String name, String code, String field) {
    return Map.of("name", name, "code", code, "aggregation_type", "sum_agg", "field_name", field);
  }

  private static Map<String, Object> charge(
      String metricId, String model, boolean inAdvance, Map<String, Object> properties) {
    return Map.of(
        "billable_metric_id",
        metricId,
        "charge_model",
        model,
        "pay_in_advance",
        inAdvance,
        "invoiceable",
        true,
        "properties",
        properties);
  }

  private static Map<String, Object> range(int from, Integer to, String perUnit, String flat) {
    Map<String, Object> range = new HashMap<>();
    range.put("from_value", from);
    range.put("to_value", to);
    range.put("per_unit_amount", perUnit);
    range.put("flat_amount", flat);
    return range;
  }
}
