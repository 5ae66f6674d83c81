package dev.billing.bench.soak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A fresh organization (operator API), so reruns never collide, then through the edge with its key:
 * five billable metrics, one plan (a flat fee in arrears and five usage charges) and {@code n}
 * customers, each with a calendar subscription from the period start.
 *
 * @param organizationId the organization
 * @param edge the public API with its key
 * @param subscriptions how many
 */
record Setup(String organizationId, Api edge, int subscriptions) {

  static final String PLAN = "soak";

  static Setup run(Api operator, String edgeUrl, int subscriptions, Instant periodStart)
      throws Exception {
    Map<?, ?> organization =
        (Map<?, ?>)
            operator
                .ok(
                    "POST",
                    "/admin/v1/organizations",
                    Map.of("organization", Map.of("name", "Soak " + UUID.randomUUID())))
                .get("organization");
    String org = (String) organization.get("lago_id");
    Api edge = new Api(edgeUrl, (String) organization.get("api_key"));
    await(
        "the key authenticates at every service",
        60,
        () ->
            edge.status("GET", "/api/v1/organizations", null) == 200
                && edge.status("GET", "/api/v1/billable_metrics", null) == 200
                && edge.status("POST", "/api/v1/events/batch", Map.of("events", List.of())) == 422);

    String apiCalls = metric(edge, "api_calls", "count_agg", null, null);
    String tokens =
        metric(
            edge,
            "tokens",
            "sum_agg",
            "tokens",
            List.of(Map.of("key", "model", "values", List.of(Workload.MODELS))));
    String storage = metric(edge, "storage_gb", "max_agg", "gb", null);
    String users = metric(edge, "active_users", "unique_count_agg", "user_id", null);
    String cpu = metric(edge, "cpu_hours", "sum_agg", "hours", null);
    List<Map<String, Object>> tokenFilters = new ArrayList<>();
    for (String model : Workload.MODELS) {
      tokenFilters.add(
          Map.of(
              "invoice_display_name", model + " tokens",
              "properties",
                  packageOf(Expected.TOKEN_PRICE.get(model), Expected.TOKEN_FREE.get(model)),
              "values", Map.of("model", List.of(model))));
    }
    List<Object> charges =
        List.of(
            charge(apiCalls, "standard", Map.of("amount", Expected.API_CALL_PRICE)),
            Map.of(
                "billable_metric_id",
                tokens,
                "charge_model",
                "package",
                "properties",
                packageOf("0", 0),
                "filters",
                tokenFilters),
            charge(
                storage,
                "volume",
                Map.of(
                    "volume_ranges",
                    ranges(
                        Expected.VOLUME_BOUNDS, Expected.VOLUME_PER_UNIT, Expected.VOLUME_FLAT))),
            charge(
                users,
                "graduated",
                Map.of(
                    "graduated_ranges",
                    ranges(
                        Expected.GRADUATED_BOUNDS,
                        Expected.GRADUATED_PER_UNIT,
                        Expected.GRADUATED_FLAT))),
            charge(cpu, "standard", Map.of("amount", Expected.CPU_HOUR_PRICE)));
    edge.ok(
        "POST",
        "/api/v1/plans",
        Map.of(
            "plan",
            Map.of(
                "name",
                "Soak",
                "code",
                PLAN,
                "interval",
                "monthly",
                "amount_cents",
                Expected.FLAT_FEE_CENTS,
                "amount_currency",
                "USD",
                "pay_in_advance",
                false,
                "charges",
                charges)));

    for (int s = 0; s < subscriptions; s++) {
      edge.ok(
          "POST",
          "/api/v1/customers",
          Map.of(
              "customer",
              Map.of(
                  "external_id",
                  Workload.customerId(s),
                  "name",
                  "Soak customer " + s,
                  "currency",
                  "USD")));
      Map<String, Object> subscription =
          Map.of(
              "external_customer_id", Workload.customerId(s),
              "external_id", Workload.subscriptionId(s),
              "plan_code", PLAN,
              "billing_time", "calendar",
              "subscription_at", periodStart.toString());
      // the plan reaches invoicing through billing.catalog: the first ones may wait for it
      await(
          "subscription " + s,
          60,
          () ->
              edge.status("POST", "/api/v1/subscriptions", Map.of("subscription", subscription))
                  == 200);
    }
    for (int s = 0; s < subscriptions; s++) {
      String path =
          "/api/v1/customers/"
              + Workload.customerId(s)
              + "/current_usage?external_subscription_id="
              + Workload.subscriptionId(s);
      await("rating knows subscription " + s, 120, () -> edge.status("GET", path, null) == 200);
    }
    Soak.log(
        "organization %s: 5 metrics, plan %s, %d customers and subscriptions from %s",
        org, PLAN, subscriptions, periodStart);
    return new Setup(org, edge, subscriptions);
  }

  private static String metric(
      Api edge, String code, String aggregation, String field, List<Map<String, Object>> filters)
      throws Exception {
    Map<String, Object> metric = new HashMap<>();
    metric.put("name", code.replace('_', ' '));
    metric.put("code", code);
    metric.put("aggregation_type", aggregation);
    if (field != null) {
      metric.put("field_name", field);
    }
    if (filters != null) {
      metric.put("filters", filters);
    }
    Map<?, ?> answer =
        edge.ok("POST", "/api/v1/billable_metrics", Map.of("billable_metric", metric));
    return (String) ((Map<?, ?>) answer.get("billable_metric")).get("lago_id");
  }

  private static Map<String, Object> packageOf(String amount, long free) {
    return Map.of("amount", amount, "package_size", Expected.TOKEN_PACKAGE, "free_units", free);
  }

  private static Map<String, Object> charge(
      String metric, String model, Map<String, Object> properties) {
    return Map.of("billable_metric_id", metric, "charge_model", model, "properties", properties);
  }

  private static List<Map<String, Object>> ranges(
      long[][] bounds, String[] perUnit, String[] flat) {
    List<Map<String, Object>> ranges = new ArrayList<>();
    for (int t = 0; t < bounds.length; t++) {
      Map<String, Object> range = new HashMap<>();
      range.put("from_value", bounds[t][0]);
      range.put("to_value", bounds[t][1] < 0 ? null : bounds[t][1]);
      range.put("per_unit_amount", perUnit[t]);
      range.put("flat_amount", flat[t]);
      ranges.add(range);
    }
    return ranges;
  }

  static void await(String what, int seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not in " + seconds + " s: " + what);
      }
      Thread.sleep(200);
    }
  }
}
