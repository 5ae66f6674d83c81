package dev.billing.rating.api.catalog;

import static dev.billing.rating.api.catalog.CatalogFixtures.charge;
import static dev.billing.rating.api.catalog.CatalogFixtures.createMetric;
import static dev.billing.rating.api.catalog.CatalogFixtures.createPlan;
import static dev.billing.rating.api.catalog.CatalogFixtures.graduated;
import static dev.billing.rating.api.catalog.CatalogFixtures.metric;
import static dev.billing.rating.api.catalog.CatalogFixtures.organization;
import static dev.billing.rating.api.catalog.CatalogFixtures.plan;
import static dev.billing.rating.api.catalog.CatalogFixtures.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/plans} with nested charges, in Lago's shapes. */
@QuarkusTest
class PlanApiTest {

  @Test
  void shouldCreateGetAndListAPlanWithItsChargesInLagosShapes() {
    TestOrganization org = organization("Plans");
    String calls = createMetric(org, metric("api_calls", "count_agg", null));
    Map<String, Object> input =
        plan(
            "startup",
            List.of(
                charge(
                    calls,
                    "standard",
                    Map.of("amount", "0.05"),
                    "invoice_display_name",
                    "API calls",
                    "min_amount_cents",
                    100),
                charge(
                    calls,
                    "package",
                    Map.of("amount", "5", "package_size", 1000, "free_units", 100))));
    input.put("trial_period", 5);
    input.put("description", "For startups");
    input.put("invoice_display_name", "Startup plan");
    input.put(
        "minimum_commitment", Map.of("amount_cents", 5000, "invoice_display_name", "Minimum"));
    String id = createPlan(org, input);

    JsonPath plan =
        org.api().get("/api/v1/plans/startup").then().statusCode(200).extract().jsonPath();
    assertPlan(plan, id, calls);

    org.api()
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("plans", hasSize(1))
        .body("plans[0].lago_id", equalTo(id))
        .body("plans[0].charges", hasSize(2))
        .body("meta.current_page", equalTo(1))
        .body("meta.total_count", equalTo(1));
    org.api()
        .get("/api/v1/billable_metrics/api_calls")
        .then()
        .body("billable_metric.plans_count", equalTo(1));
  }

  private static void assertPlan(JsonPath p, String id, String metricId) {
    assertThat(p.getMap("plan"))
        .containsEntry("lago_id", id)
        .containsEntry("name", "startup plan")
        .containsEntry("code", "startup")
        .containsEntry("interval", "monthly")
        .containsEntry("description", "For startups")
        .containsEntry("invoice_display_name", "Startup plan")
        .containsEntry("amount_cents", 1000)
        .containsEntry("amount_currency", "USD")
        .containsEntry("trial_period", 5)
        .containsEntry("pay_in_advance", false)
        .containsEntry("bill_charges_monthly", null)
        .containsEntry("pending_deletion", false)
        .containsEntry("active_subscriptions_count", 0)
        .containsEntry("taxes", List.of())
        .containsKey("created_at");
    assertThat(p.getMap("plan.minimum_commitment"))
        .containsEntry("amount_cents", 5000)
        .containsEntry("invoice_display_name", "Minimum")
        .containsEntry("commitment_type", "minimum_commitment")
        .containsEntry("plan_code", "startup");
    assertThat(p.getMap("plan.charges[0]"))
        .containsEntry("code", "api_calls")
        .containsEntry("lago_billable_metric_id", metricId)
        .containsEntry("billable_metric_code", "api_calls")
        .containsEntry("charge_model", "standard")
        .containsEntry("invoice_display_name", "API calls")
        .containsEntry("invoiceable", true)
        .containsEntry("pay_in_advance", false)
        .containsEntry("prorated", false)
        .containsEntry("min_amount_cents", 100)
        .containsEntry("properties", Map.of("amount", "0.05"))
        .containsEntry("filters", List.of())
        .containsEntry("regroup_paid_fees", null);
    assertThat(p.getMap("plan.charges[1]"))
        .containsEntry("code", "api_calls_2")
        .containsEntry("charge_model", "package")
        .containsEntry(
            "properties", Map.of("amount", "5", "package_size", 1000, "free_units", 100));
  }

  @Test
  void shouldReplaceChargesOnUpdateAndDeleteSoftly() {
    TestOrganization org = organization("Plan update");
    String calls = createMetric(org, metric("calls", "count_agg", null));
    String seats =
        createMetric(org, metric("seats", "unique_count_agg", "user", "recurring", true));
    createPlan(
        org,
        plan(
            "pro",
            List.of(
                charge(calls, "standard", Map.of("amount", "1")),
                charge(calls, "standard", Map.of("amount", "2"), "code", "extra"))));
    String kept =
        org.api().get("/api/v1/plans/pro").then().extract().path("plan.charges[0].lago_id");

    Map<String, Object> update =
        Map.of(
            "name",
            "Pro",
            "interval",
            "yearly",
            "bill_charges_monthly",
            true,
            "charges",
            List.of(
                Map.of("id", kept, "properties", Map.of("amount", "1.5")),
                charge(
                    seats,
                    "graduated",
                    graduated(tier(0, 10L, "0", "0"), tier(11, null, "3", "0")),
                    "prorated",
                    true)));
    org.api()
        .body(Map.of("plan", update))
        .put("/api/v1/plans/pro")
        .then()
        .statusCode(200)
        .body("plan.name", equalTo("Pro"))
        .body("plan.interval", equalTo("yearly"))
        .body("plan.bill_charges_monthly", equalTo(true))
        .body("plan.amount_cents", equalTo(1000))
        .body("plan.charges", hasSize(2))
        .body("plan.charges[0].lago_id", equalTo(kept))
        .body("plan.charges[0].code", equalTo("calls"))
        .body("plan.charges[0].properties.amount", equalTo("1.5"))
        .body("plan.charges[1].code", equalTo("seats"))
        .body("plan.charges[1].prorated", equalTo(true))
        .body("plan.charges[1].properties.graduated_ranges", hasSize(2));

    // without charges, the charges stay; {} removes the commitment
    org.api()
        .body(Map.of("plan", Map.of("description", "d", "minimum_commitment", Map.of())))
        .put("/api/v1/plans/pro")
        .then()
        .statusCode(200)
        .body("plan.description", equalTo("d"))
        .body("plan.charges", hasSize(2))
        .body("plan.minimum_commitment", nullValue());
    org.api()
        .body(Map.of("plan", Map.of("code", "pro-2024")))
        .put("/api/v1/plans/pro")
        .then()
        .statusCode(200)
        .body("plan.code", equalTo("pro-2024"));

    org.api()
        .delete("/api/v1/plans/pro-2024")
        .then()
        .statusCode(200)
        .body("plan.code", equalTo("pro-2024"))
        .body("plan.pending_deletion", equalTo(true))
        .body("plan.charges", hasSize(2));
    org.api()
        .get("/api/v1/plans/pro-2024")
        .then()
        .statusCode(404)
        .body("code", equalTo("plan_not_found"));
    org.api().delete("/api/v1/plans/pro-2024").then().statusCode(404);
    org.api()
        .get("/api/v1/billable_metrics/seats")
        .then()
        .body("billable_metric.plans_count", equalTo(0));
    String again = createPlan(org, plan("pro-2024", List.of()));
    org.api().get("/api/v1/plans/pro-2024").then().body("plan.lago_id", equalTo(again));
  }

  @Test
  void shouldKeepAPlanAndItsMetricsToItsOwnOrganization() {
    TestOrganization a = organization("Plan tenant A");
    TestOrganization b = organization("Plan tenant B");
    String metricOfA = createMetric(a, metric("calls", "count_agg", null));
    createPlan(a, plan("secret", List.of(charge(metricOfA, "standard", Map.of("amount", "1")))));

    b.api()
        .get("/api/v1/plans/secret")
        .then()
        .statusCode(404)
        .body("code", equalTo("plan_not_found"));
    b.api()
        .get("/api/v1/plans")
        .then()
        .body("plans", hasSize(0))
        .body("meta.total_count", equalTo(0));
    b.api()
        .body(Map.of("plan", Map.of("name", "mine now")))
        .put("/api/v1/plans/secret")
        .then()
        .statusCode(404);
    b.api().delete("/api/v1/plans/secret").then().statusCode(404);
    b.api()
        .body(
            Map.of(
                "plan",
                plan("theft", List.of(charge(metricOfA, "standard", Map.of("amount", "1"))))))
        .post("/api/v1/plans")
        .then()
        .statusCode(404)
        .body("code", equalTo("billable_metrics_not_found"));
    a.api()
        .get("/api/v1/plans/secret")
        .then()
        .statusCode(200)
        .body("plan.name", not(equalTo("mine now")));
  }

  @Test
  void shouldTakeChargesAlongWhenTheirMetricIsDeletedAndPruneUndeclaredFilters() {
    TestOrganization org = organization("Metric cascade");
    String tokens =
        createMetric(
            org,
            metric(
                "tokens",
                "sum_agg",
                "tokens",
                "filters",
                List.of(Map.of("key", "model", "values", List.of("a", "b")))));
    String calls = createMetric(org, metric("calls", "count_agg", null));
    createPlan(
        org,
        plan(
            "llm",
            List.of(
                charge(
                    tokens,
                    "standard",
                    Map.of("amount", "0"),
                    "filters",
                    List.of(
                        Map.of(
                            "values",
                            Map.of("model", List.of("a")),
                            "properties",
                            Map.of("amount", "1")),
                        Map.of(
                            "values",
                            Map.of("model", List.of("b")),
                            "properties",
                            Map.of("amount", "2")))),
                charge(calls, "standard", Map.of("amount", "1")))));

    // a metric priced by a plan only changes its name, description and filters, as in Lago
    org.api()
        .body(
            Map.of(
                "billable_metric",
                Map.of(
                    "name",
                    "LLM tokens",
                    "aggregation_type",
                    "count_agg",
                    "filters",
                    List.of(Map.of("key", "model", "values", List.of("a", "c"))))))
        .put("/api/v1/billable_metrics/tokens")
        .then()
        .statusCode(200)
        .body("billable_metric.name", equalTo("LLM tokens"))
        .body("billable_metric.aggregation_type", equalTo("sum_agg"))
        .body("billable_metric.filters[0].values", contains("a", "c"))
        .body("billable_metric.plans_count", equalTo(1));
    org.api()
        .get("/api/v1/plans/llm")
        .then()
        .body("plan.charges[0].filters", hasSize(1))
        .body("plan.charges[0].filters[0].values.model", contains("a"))
        .body("plan.charges[0].filters[0].lago_id", notNullValue());

    org.api()
        .delete("/api/v1/billable_metrics/tokens")
        .then()
        .statusCode(200)
        .body("billable_metric.lago_id", equalTo(tokens));
    org.api()
        .get("/api/v1/plans/llm")
        .then()
        .statusCode(200)
        .body("plan.charges", hasSize(1))
        .body("plan.charges[0].billable_metric_code", equalTo("calls"));
  }
}
