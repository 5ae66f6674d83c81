package dev.billing.rating.api.catalog;

import static dev.billing.rating.api.catalog.CatalogFixtures.charge;
import static dev.billing.rating.api.catalog.CatalogFixtures.createMetric;
import static dev.billing.rating.api.catalog.CatalogFixtures.createPlan;
import static dev.billing.rating.api.catalog.CatalogFixtures.graduated;
import static dev.billing.rating.api.catalog.CatalogFixtures.metric;
import static dev.billing.rating.api.catalog.CatalogFixtures.organization;
import static dev.billing.rating.api.catalog.CatalogFixtures.plan;
import static dev.billing.rating.api.catalog.CatalogFixtures.tier;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad plan or charge input is Lago's 422 (or 404, 400), never a 500. */
@QuarkusTest
class PlanValidationTest {

  private TestOrganization org;
  private String sum;
  private String count;
  private String max;
  private String latest;
  private String recurringSum;
  private String weighted;
  private String filtered;

  @BeforeEach
  void catalog() {
    org = organization("Plan validation");
    sum = createMetric(org, metric("sum", "sum_agg", "v"));
    count = createMetric(org, metric("count", "count_agg", null));
    max = createMetric(org, metric("max", "max_agg", "v"));
    latest = createMetric(org, metric("latest", "latest_agg", "v"));
    recurringSum = createMetric(org, metric("rsum", "sum_agg", "v", "recurring", true));
    weighted = createMetric(org, metric("gb", "weighted_sum_agg", "gb", "recurring", true));
    filtered =
        createMetric(
            org,
            metric(
                "tokens",
                "sum_agg",
                "tokens",
                "filters",
                List.of(Map.of("key", "model", "values", List.of("gpt-4o", "gpt-4o-mini")))));
  }

  @Test
  void shouldAnswerLagosCodesForPlanFields() {
    expectPlan(p -> p.remove("name"), "name", "value_is_mandatory");
    expectPlan(p -> p.remove("code"), "code", "value_is_mandatory");
    expectPlan(p -> p.put("interval", "daily"), "interval", "value_is_invalid");
    expectPlan(p -> p.remove("interval"), "interval", "value_is_mandatory");
    expectPlan(p -> p.put("amount_cents", -1), "amount_cents", "value_is_invalid");
    expectPlan(p -> p.put("amount_cents", 10.5), "amount_cents", "value_is_invalid");
    expectPlan(p -> p.remove("amount_cents"), "amount_cents", "value_is_mandatory");
    expectPlan(p -> p.put("amount_currency", "usd"), "amount_currency", "value_is_invalid");
    expectPlan(p -> p.put("amount_currency", "XYZ"), "amount_currency", "value_is_invalid");
    expectPlan(p -> p.put("pay_in_advance", "yes"), "pay_in_advance", "value_is_invalid");
    expectPlan(p -> p.put("trial_period", "abc"), "trial_period", "value_is_invalid");
    expectPlan(p -> p.put("trial_period", -1), "trial_period", "value_is_invalid");
    expectPlan(p -> p.put("charges", "none"), "charges", "value_is_invalid");
    expectPlan(
        p -> p.put("minimum_commitment", Map.of("invoice_display_name", "x")),
        "minimum_commitment.amount_cents",
        "value_is_mandatory");

    createPlan(org, plan("taken", List.of()));
    expectPlan(p -> p.put("code", "taken"), "code", "value_already_exist");
    org.api()
        .body(Map.of("plan", Map.of("code", "taken")))
        .put("/api/v1/plans/other")
        .then()
        .statusCode(404);
    createPlan(org, plan("other", List.of()));
    org.api()
        .body(Map.of("plan", Map.of("code", "taken")))
        .put("/api/v1/plans/other")
        .then()
        .statusCode(422)
        .body("error_details.code", hasItem("value_already_exist"));
    org.api()
        .body(Map.of("plan", Map.of("name", "no")))
        .put("/api/v1/plans/other")
        .then()
        .statusCode(200);
    org.api()
        .body(Map.of("plan", Map.of()))
        .post("/api/v1/plans")
        .then()
        .statusCode(400)
        .body("error", equalTo("BadRequest: param is missing or the value is empty: plan"));
  }

  @Test
  void shouldAnswerLagosCodesForChargePrices() {
    expectCharge(
        charge(sum, "graduated", graduated(tier(1, null, "1", "0"))),
        "properties",
        "invalid_graduated_ranges");
    expectCharge(
        charge(sum, "graduated", graduated(tier(0, 10L, "1", "0"), tier(20, null, "1", "0"))),
        "properties",
        "invalid_graduated_ranges");
    expectCharge(
        charge(sum, "graduated", Map.of("graduated_ranges", List.of())),
        "properties",
        "missing_graduated_ranges");
    expectCharge(
        charge(sum, "volume", Map.of("volume_ranges", List.of(tier(0, 5L, "1", "0")))),
        "properties",
        "invalid_volume_ranges");
    expectCharge(charge(sum, "standard", Map.of("amount", 0.05)), "properties", "invalid_amount");
    expectCharge(charge(sum, "standard", Map.of("amount", "-1")), "properties", "invalid_amount");
    expectCharge(
        charge(sum, "package", Map.of("amount", "1", "package_size", 0, "free_units", 0)),
        "properties",
        "invalid_package_size");
    expectCharge(charge(sum, "percentage", Map.of("rate", "x")), "properties", "invalid_rate");
    expectCharge(
        charge(sum, "standard", Map.of("amount", "1", "pricing_group_keys", "agent")),
        "properties",
        "invalid_type");
    expectCharge(charge(sum, "custom", Map.of()), "charge_model", "value_is_invalid");
    Map<String, Object> noModel = charge(sum, "standard", Map.of());
    noModel.remove("charge_model");
    expectCharge(noModel, "charge_model", "value_is_mandatory");
    Map<String, Object> noMetric = charge(sum, "standard", Map.of());
    noMetric.remove("billable_metric_id");
    expectCharge(noMetric, "billable_metric_id", "value_is_mandatory");
    expectCharge(
        charge(sum, "standard", Map.of(), "min_amount_cents", -5),
        "min_amount_cents",
        "value_is_invalid");
  }

  @Test
  void shouldEnforceLagosRulesBetweenModelOptionsAndAggregation() {
    String incompatible = "invalid_aggregation_type_or_charge_model";
    expectCharge(
        charge(sum, "volume", Map.of(), "pay_in_advance", true), "pay_in_advance", incompatible);
    expectCharge(
        charge(max, "standard", Map.of(), "pay_in_advance", true), "pay_in_advance", incompatible);
    expectCharge(
        charge(weighted, "standard", Map.of(), "pay_in_advance", true),
        "pay_in_advance",
        incompatible);
    expectCharge(charge(count, "dynamic", Map.of()), "charge_model", incompatible);
    expectCharge(charge(latest, "percentage", Map.of("rate", "1")), "charge_model", incompatible);
    String prorate = "invalid_billable_metric_or_charge_model";
    expectCharge(charge(sum, "standard", Map.of(), "prorated", true), "prorated", prorate);
    expectCharge(charge(weighted, "standard", Map.of(), "prorated", true), "prorated", prorate);
    expectCharge(charge(recurringSum, "package", Map.of(), "prorated", true), "prorated", prorate);
    expectCharge(
        charge(recurringSum, "graduated", Map.of(), "prorated", true, "pay_in_advance", true),
        "prorated",
        prorate);
    expectCharge(
        charge(sum, "standard", Map.of(), "invoiceable", false),
        "invoiceable",
        "must_be_true_unless_pay_in_advance");
    expectCharge(
        charge(sum, "standard", Map.of(), "pay_in_advance", true, "min_amount_cents", 100),
        "min_amount_cents",
        "not_compatible_with_pay_in_advance");

    // and what the rules allow
    createPlan(
        org,
        plan(
            "allowed",
            List.of(
                charge(sum, "dynamic", Map.of()),
                charge(sum, "standard", Map.of(), "pay_in_advance", true, "invoiceable", false),
                charge(recurringSum, "volume", Map.of(), "prorated", true),
                charge(
                    recurringSum, "standard", Map.of(), "prorated", true, "pay_in_advance", true),
                charge(count, "percentage", Map.of("rate", "1"), "pay_in_advance", true))));
  }

  @Test
  void shouldCheckFilterValuesAndChargeCodesAndMetrics() {
    Map<String, Object> price = Map.of("amount", "1");
    expectCharge(
        charge(filtered, "standard", price, "filters", List.of(filter("model", "claude"))),
        "values",
        "value_is_invalid");
    expectCharge(
        charge(filtered, "standard", price, "filters", List.of(filter("region", "eu"))),
        "values",
        "value_is_invalid");
    expectCharge(
        charge(filtered, "standard", price, "filters", List.of(Map.of("properties", price))),
        "values",
        "value_is_mandatory");
    expectCharge(
        charge(
            filtered,
            "standard",
            price,
            "filters",
            List.of(filter("model", "gpt-4o"), filter("model", "gpt-4o"))),
        "values",
        "value_already_exist");
    expectCharge(
        charge(
            filtered,
            "standard",
            price,
            "filters",
            List.of(Map.of("values", Map.of("model", List.of("gpt-4o")), "properties", Map.of()))),
        "properties",
        "invalid_amount");
    createPlan(
        org,
        plan(
            "all-values",
            List.of(
                charge(
                    filtered,
                    "standard",
                    price,
                    "filters",
                    List.of(filter("model", "__ALL_FILTER_VALUES__"))))));

    org.api()
        .body(
            Map.of(
                "plan",
                plan(
                    "codes",
                    List.of(
                        charge(sum, "standard", price, "code", "same"),
                        charge(count, "standard", price, "code", "same")))))
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .body("error_details.code", hasItem("value_already_exist"));
    org.api()
        .body(
            Map.of(
                "plan",
                plan(
                    "unknown",
                    List.of(charge("7d5c5b3e-0d7c-4c55-9d2e-4bde5bd3f3c1", "standard", price)))))
        .post("/api/v1/plans")
        .then()
        .statusCode(404)
        .body("code", equalTo("billable_metrics_not_found"));
    org.api()
        .body(Map.of("plan", plan("unknown", List.of(charge("not-a-uuid", "standard", price)))))
        .post("/api/v1/plans")
        .then()
        .statusCode(404);
  }

  private static Map<String, Object> filter(String key, String value) {
    return Map.of("values", Map.of(key, List.of(value)), "properties", Map.of("amount", "2"));
  }

  private void expectPlan(Consumer<Map<String, Object>> change, String field, String code) {
    Map<String, Object> input = new LinkedHashMap<>(plan("bad", List.of()));
    change.accept(input);
    expect(input, field, code);
  }

  private void expectCharge(Map<String, Object> charge, String field, String code) {
    expect(plan("bad", List.of(charge)), field, code);
  }

  private void expect(Map<String, Object> input, String field, String code) {
    org.api()
        .body(Map.of("plan", input))
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.'" + field + "'", hasItem(code));
  }
}
