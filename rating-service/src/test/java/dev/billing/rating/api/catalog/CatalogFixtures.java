package dev.billing.rating.api.catalog;

import static org.hamcrest.Matchers.equalTo;

import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestOrganizations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Organizations, metrics and plans for the catalog API tests: each test makes its own. */
final class CatalogFixtures {

  private CatalogFixtures() {}

  /** A fresh organization whose key authenticates on this service. */
  static TestOrganization organization(String name) {
    TestOrganization org = TestOrganizations.publish(name + " " + UUID.randomUUID());
    OperatorApi.awaitAuthenticates(org.apiKey(), "/api/v1/billable_metrics");
    return org;
  }

  /** A metric input; {@code more} are key, value pairs. */
  static Map<String, Object> metric(String code, String aggregation, String field, Object... more) {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("name", code + " metric");
    metric.put("code", code);
    metric.put("aggregation_type", aggregation);
    if (field != null) {
      metric.put("field_name", field);
    }
    for (int i = 0; i < more.length; i += 2) {
      metric.put((String) more[i], more[i + 1]);
    }
    return metric;
  }

  /** Creates the metric and answers its lago_id. */
  static String createMetric(TestOrganization org, Map<String, Object> metric) {
    return org.api()
        .body(Map.of("billable_metric", metric))
        .post("/api/v1/billable_metrics")
        .then()
        .statusCode(200)
        .body("billable_metric.code", equalTo(metric.get("code")))
        .extract()
        .path("billable_metric.lago_id");
  }

  /** A monthly USD plan input with these charges. */
  static Map<String, Object> plan(String code, List<?> charges) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("name", code + " plan");
    plan.put("code", code);
    plan.put("interval", "monthly");
    plan.put("amount_cents", 1000);
    plan.put("amount_currency", "USD");
    plan.put("pay_in_advance", false);
    plan.put("charges", charges);
    return plan;
  }

  /** A charge input on a metric; {@code more} are key, value pairs. */
  static Map<String, Object> charge(
      String metricId, String model, Map<String, ?> properties, Object... more) {
    Map<String, Object> charge = new LinkedHashMap<>();
    charge.put("billable_metric_id", metricId);
    charge.put("charge_model", model);
    charge.put("properties", properties);
    for (int i = 0; i < more.length; i += 2) {
      charge.put((String) more[i], more[i + 1]);
    }
    return charge;
  }

  /** Creates the plan and answers its lago_id. */
  static String createPlan(TestOrganization org, Map<String, Object> plan) {
    return org.api()
        .body(Map.of("plan", plan))
        .post("/api/v1/plans")
        .then()
        .statusCode(200)
        .extract()
        .path("plan.lago_id");
  }

  static Map<String, Object> graduated(Object... tiers) {
    return Map.of("graduated_ranges", List.of(tiers));
  }

  static Map<String, Object> tier(long from, Long to, String perUnit, String flat) {
    Map<String, Object> tier = new LinkedHashMap<>();
    tier.put("from_value", from);
    tier.put("to_value", to);
    tier.put("per_unit_amount", perUnit);
    tier.put("flat_amount", flat);
    return tier;
  }
}
