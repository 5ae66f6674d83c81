package dev.billing.rating.api.catalog;

import static dev.billing.rating.api.catalog.CatalogFixtures.createMetric;
import static dev.billing.rating.api.catalog.CatalogFixtures.metric;
import static dev.billing.rating.api.catalog.CatalogFixtures.organization;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/billable_metrics} in Lago's shapes, with Lago's validation codes. */
@QuarkusTest
class BillableMetricApiTest {

  @Test
  void shouldCreateGetListUpdateAndDeleteAMetricInLagosShapes() {
    TestOrganization org = organization("Metrics");
    Map<String, Object> input =
        metric(
            "tokens",
            "sum_agg",
            "tokens",
            "description",
            "LLM tokens",
            "rounding_function",
            "ceil",
            "rounding_precision",
            2,
            "filters",
            List.of(Map.of("key", "model", "values", List.of("gpt-4o", "gpt-4o-mini"))));
    String id = createMetric(org, input);

    org.api()
        .get("/api/v1/billable_metrics/tokens")
        .then()
        .statusCode(200)
        .body("billable_metric.lago_id", equalTo(id))
        .body("billable_metric.name", equalTo("tokens metric"))
        .body("billable_metric.description", equalTo("LLM tokens"))
        .body("billable_metric.aggregation_type", equalTo("sum_agg"))
        .body("billable_metric.field_name", equalTo("tokens"))
        .body("billable_metric.recurring", equalTo(false))
        .body("billable_metric.weighted_interval", nullValue())
        .body("billable_metric.rounding_function", equalTo("ceil"))
        .body("billable_metric.rounding_precision", equalTo(2))
        .body("billable_metric.expression", nullValue())
        .body("billable_metric.created_at", notNullValue())
        .body("billable_metric.filters[0].key", equalTo("model"))
        .body("billable_metric.filters[0].values", contains("gpt-4o", "gpt-4o-mini"))
        .body("billable_metric.active_subscriptions_count", equalTo(0))
        .body("billable_metric.draft_invoices_count", equalTo(0))
        .body("billable_metric.plans_count", equalTo(0));

    createMetric(org, metric("calls", "count_agg", null));
    org.api()
        .get("/api/v1/billable_metrics?per_page=1&page=2")
        .then()
        .statusCode(200)
        .body("billable_metrics", hasSize(1))
        .body("meta.current_page", equalTo(2))
        .body("meta.prev_page", equalTo(1))
        .body("meta.next_page", nullValue())
        .body("meta.total_pages", equalTo(2))
        .body("meta.total_count", equalTo(2));

    org.api()
        .body(Map.of("billable_metric", Map.of("name", "Tokens", "aggregation_type", "max_agg")))
        .put("/api/v1/billable_metrics/tokens")
        .then()
        .statusCode(200)
        .body("billable_metric.lago_id", equalTo(id))
        .body("billable_metric.name", equalTo("Tokens"))
        .body("billable_metric.aggregation_type", equalTo("max_agg"))
        .body("billable_metric.field_name", equalTo("tokens"))
        .body("billable_metric.filters", hasSize(1));

    org.api()
        .delete("/api/v1/billable_metrics/tokens")
        .then()
        .statusCode(200)
        .body("billable_metric.lago_id", equalTo(id))
        .body("billable_metric.code", equalTo("tokens"));
    org.api()
        .get("/api/v1/billable_metrics/tokens")
        .then()
        .statusCode(404)
        .body("code", equalTo("billable_metric_not_found"));
    // a deleted metric frees its code
    String again = createMetric(org, metric("tokens", "count_agg", null));
    org.api()
        .get("/api/v1/billable_metrics/tokens")
        .then()
        .body("billable_metric.lago_id", equalTo(again));
  }

  @Test
  void shouldAnswerLagosValidationCodesAndNeverA500() {
    TestOrganization org = organization("Metric validation");
    expect422(
        org, Map.of("code", "x", "aggregation_type", "sum_agg"), "name", "value_is_mandatory");
    expect422(org, metric("x", "sum_agg", null), "field_name", "value_is_mandatory");
    expect422(org, metric("x", "median_agg", "v"), "aggregation_type", "value_is_invalid");
    expect422(
        org,
        metric("x", "max_agg", "v", "recurring", true),
        "recurring",
        "not_compatible_with_aggregation_type");
    expect422(
        org,
        metric("x", "sum_agg", "v", "rounding_function", "up"),
        "rounding_function",
        "value_is_invalid");
    expect422(
        org,
        metric(
            "x", "sum_agg", "v", "filters", List.of(Map.of("key", "region", "values", List.of()))),
        "filters",
        "invalid_filter_values");
    expect422(
        org,
        metric("x", "sum_agg", "v", "expression", "round(("),
        "expression",
        "invalid_expression");
    expect422(
        org,
        metric("x", "weighted_sum_agg", "gb", "weighted_interval", "hours"),
        "weighted_interval",
        "value_is_invalid");

    createMetric(org, metric("dup", "count_agg", null));
    expect422(org, metric("dup", "count_agg", null), "code", "value_already_exist");

    org.api()
        .body(Map.of("other", Map.of()))
        .post("/api/v1/billable_metrics")
        .then()
        .statusCode(400)
        .body(
            "error",
            equalTo("BadRequest: param is missing or the value is empty: billable_metric"));
    org.api()
        .body("{\"billable_metric\": {\"name\": ")
        .post("/api/v1/billable_metrics")
        .then()
        .statusCode(400);
  }

  @Test
  void shouldDefaultAWeightedSumToSecondsAndRenameAnUnusedMetric() {
    TestOrganization org = organization("Metric update");
    createMetric(org, metric("storage", "weighted_sum_agg", "gb", "recurring", true));
    org.api()
        .get("/api/v1/billable_metrics/storage")
        .then()
        .body("billable_metric.weighted_interval", equalTo("seconds"))
        .body("billable_metric.recurring", equalTo(true));
    createMetric(org, metric("other", "count_agg", null));

    org.api()
        .body(Map.of("billable_metric", Map.of("code", "other")))
        .put("/api/v1/billable_metrics/storage")
        .then()
        .statusCode(422)
        .body("error_details.code", hasItem("value_already_exist"));
    org.api()
        .body(Map.of("billable_metric", Map.of("code", "disk")))
        .put("/api/v1/billable_metrics/storage")
        .then()
        .statusCode(200)
        .body("billable_metric.code", equalTo("disk"));
    org.api().get("/api/v1/billable_metrics/storage").then().statusCode(404);
    org.api()
        .body(Map.of("billable_metric", Map.of("name", "x")))
        .put("/api/v1/billable_metrics/missing")
        .then()
        .statusCode(404)
        .body("code", equalTo("billable_metric_not_found"));
    org.api().delete("/api/v1/billable_metrics/missing").then().statusCode(404);
  }

  @Test
  void shouldNeitherShowNorChangeAnotherOrganizationsMetrics() {
    TestOrganization a = organization("Tenant A");
    TestOrganization b = organization("Tenant B");
    createMetric(a, metric("secret", "count_agg", null));

    b.api().get("/api/v1/billable_metrics/secret").then().statusCode(404);
    b.api()
        .get("/api/v1/billable_metrics")
        .then()
        .body("billable_metrics", hasSize(0))
        .body("meta.current_page", equalTo(0))
        .body("meta.total_pages", equalTo(0));
    b.api()
        .body(Map.of("billable_metric", Map.of("name", "stolen")))
        .put("/api/v1/billable_metrics/secret")
        .then()
        .statusCode(404);
    b.api().delete("/api/v1/billable_metrics/secret").then().statusCode(404);
    // the same code is free in another organization
    createMetric(b, metric("secret", "count_agg", null));
    a.api()
        .get("/api/v1/billable_metrics/secret")
        .then()
        .statusCode(200)
        .body("billable_metric.name", equalTo("secret metric"));
  }

  private static void expect422(
      TestOrganization org, Map<String, Object> metric, String field, String code) {
    org.api()
        .body(Map.of("billable_metric", metric))
        .post("/api/v1/billable_metrics")
        .then()
        .statusCode(422)
        .body("status", equalTo(422))
        .body("error", equalTo("Unprocessable Entity"))
        .body("code", equalTo("validation_errors"))
        .body("error_details.'" + field + "'", hasItem(code));
  }
}
