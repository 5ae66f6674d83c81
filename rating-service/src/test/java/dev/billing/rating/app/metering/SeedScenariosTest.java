package dev.billing.rating.app.metering;

import static dev.billing.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's customers, through the HTTP API against the running service: catalog created with
 * Lago's API, events on billing.events.accepted, usage read with current_usage, to the cent. Now is
 * 2026-11-25T12:00Z (a test clock), so the period is November 2026.
 */
@QuarkusTest
class SeedScenariosTest {

  @Test
  void shouldPriceTokensPerThousandPerModelThroughOneMetricWithFilters() {
    TestOrganization org = Catalog.organization("AI company");
    String metric =
        Catalog.metric(
            org,
            Map.of(
                "name", "LLM tokens",
                "code", "llm_tokens",
                "aggregation_type", "sum_agg",
                "field_name", "tokens",
                "filters",
                    List.of(Map.of("key", "model", "values", List.of("gpt-4o", "gpt-4o-mini")))));
    Catalog.plan(
        org,
        Map.of(
            "name",
            "AI platform",
            "code",
            "ai_platform",
            "interval",
            "monthly",
            "amount_cents",
            4900,
            "amount_currency",
            "USD",
            "charges",
            List.of(
                Map.of(
                    "billable_metric_id",
                    metric,
                    "charge_model",
                    "package",
                    "properties",
                    perThousand("0.002"),
                    "filters",
                    List.of(
                        Map.of(
                            "invoice_display_name", "GPT-4o",
                            "values", Map.of("model", List.of("gpt-4o")),
                            "properties", perThousand("0.005")),
                        Map.of(
                            "invoice_display_name", "GPT-4o mini",
                            "values", Map.of("model", List.of("gpt-4o-mini")),
                            "properties", perThousand("0.00015")))))));
    SubscriptionMessage subscription = Catalog.subscribe(org, "ai_platform");

    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("t1", "llm_tokens", day(3), Map.of("model", "gpt-4o", "tokens", 200_000)),
            event("t2", "llm_tokens", day(4), Map.of("model", "gpt-4o", "tokens", 50_500)),
            event("t3", "llm_tokens", day(5), Map.of("model", "gpt-4o-mini", "tokens", 600_000)),
            event("t4", "llm_tokens", day(6), Map.of("model", "gpt-4o-mini", "tokens", "400000")),
            event("t5", "llm_tokens", day(7), Map.of("model", "llama-3", "tokens", 40_000))));

    JsonPath usage = Catalog.usageAfter(org, subscription, 5);
    // gpt-4o: 250,500 tokens = ceil(250.5) = 251 packages × $0.005 = $1.255 → $1.26 (HALF_UP)
    // gpt-4o-mini: 1,000,000 tokens = 1,000 packages × $0.00015 = $0.15
    // llama-3 is not a declared model value: default price, 40 packages × $0.002 = $0.08
    assertThat(usage.getInt("customer_usage.amount_cents")).isEqualTo(126 + 15 + 8);
    assertThat(usage.getString("customer_usage.currency")).isEqualTo("USD");
    assertThat(usage.getString("customer_usage.from_datetime")).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(usage.getString("customer_usage.to_datetime")).isEqualTo("2026-11-30T23:59:59Z");
    assertThat(usage.getString("customer_usage.charges_usage[0].units")).isEqualTo("1290500");
    assertThat(usage.getString("customer_usage.charges_usage[0].billable_metric.code"))
        .isEqualTo("llm_tokens");
    assertThat(usage.getList("customer_usage.charges_usage[0].filters.amount_cents", Integer.class))
        .containsExactly(126, 15, 8);
    assertThat(usage.getList("customer_usage.charges_usage[0].filters.units", String.class))
        .containsExactly("250500", "1000000", "40000");
    assertThat(
            usage.getList(
                "customer_usage.charges_usage[0].filters.invoice_display_name", String.class))
        .containsExactly("GPT-4o", "GPT-4o mini", null);
  }

  @Test
  void shouldTakeTwoPercentPlusThirtyCentsPerMarketplaceTransaction() {
    TestOrganization org = Catalog.organization("Marketplace");
    String metric =
        Catalog.metric(
            org,
            Map.of(
                "name", "GMV",
                "code", "gmv",
                "aggregation_type", "sum_agg",
                "field_name", "amount"));
    Catalog.plan(
        org,
        Catalog.monthlyPlan(
            "marketplace", metric, "percentage", Map.of("rate", "2", "fixed_amount", "0.30")));
    SubscriptionMessage subscription = Catalog.subscribe(org, "marketplace");

    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("o1", "gmv", day(2), Map.of("amount", "100.00")),
            event("o2", "gmv", day(9), Map.of("amount", "250.50")),
            event("o3", "gmv", day(20), Map.of("amount", "49.99"))));

    JsonPath usage = Catalog.usageAfter(org, subscription, 3);
    // 2% of 400.49 = 8.0098, plus 3 × $0.30 = 0.90: $8.9098 → $8.91
    assertThat(usage.getInt("customer_usage.amount_cents")).isEqualTo(891);
    assertThat(usage.getString("customer_usage.charges_usage[0].units")).isEqualTo("400.49");
  }

  @Test
  void shouldBillCpuRamStorageAndInstancesOfACloudProvider() {
    TestOrganization org = Catalog.organization("Cloud");
    String cpu = Catalog.metric(org, sum("CPU hours", "cpu_hours", "hours"));
    String ram = Catalog.metric(org, sum("RAM GB-hours", "ram_gb_hours", "gb_hours"));
    String peak =
        Catalog.metric(
            org,
            Map.of(
                "name",
                "Storage peak",
                "code",
                "storage_peak",
                "aggregation_type",
                "max_agg",
                "field_name",
                "gb"));
    String average =
        Catalog.metric(
            org,
            Map.of(
                "name",
                "Storage average",
                "code",
                "storage_avg",
                "aggregation_type",
                "weighted_sum_agg",
                "field_name",
                "gb",
                "weighted_interval",
                "seconds"));
    String instances =
        Catalog.metric(
            org,
            Map.of(
                "name",
                "Instances",
                "code",
                "instances",
                "aggregation_type",
                "unique_count_agg",
                "field_name",
                "instance_id"));
    Catalog.plan(
        org,
        Map.of(
            "name",
            "Cloud",
            "code",
            "cloud",
            "interval",
            "monthly",
            "amount_cents",
            0,
            "amount_currency",
            "USD",
            "charges",
            List.of(
                Map.of(
                    "billable_metric_id",
                    cpu,
                    "charge_model",
                    "graduated",
                    "properties",
                    Map.of(
                        "graduated_ranges",
                        List.of(range(0, 100, "0.04"), range(101, null, "0.03")))),
                Map.of(
                    "billable_metric_id",
                    ram,
                    "charge_model",
                    "standard",
                    "properties",
                    Map.of("amount", "0.005")),
                Map.of(
                    "billable_metric_id",
                    peak,
                    "charge_model",
                    "volume",
                    "properties",
                    Map.of(
                        "volume_ranges", List.of(range(0, 100, "0.10"), range(101, null, "0.08")))),
                Map.of(
                    "billable_metric_id",
                    average,
                    "charge_model",
                    "standard",
                    "properties",
                    Map.of("amount", "0.10")),
                Map.of(
                    "billable_metric_id",
                    instances,
                    "charge_model",
                    "standard",
                    "properties",
                    Map.of("amount", "5")))));
    SubscriptionMessage subscription = Catalog.subscribe(org, "cloud");

    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("c1", "cpu_hours", day(2), Map.of("hours", 60)),
            event("c2", "cpu_hours", day(3), Map.of("hours", "70.5")),
            event("r1", "ram_gb_hours", day(2), Map.of("gb_hours", 1500)),
            event("r2", "ram_gb_hours", day(4), Map.of("gb_hours", 500)),
            event("p1", "storage_peak", day(2), Map.of("gb", 50)),
            event("p2", "storage_peak", day(5), Map.of("gb", 120)),
            event("p3", "storage_peak", day(8), Map.of("gb", 80)),
            event("w1", "storage_avg", Instant.parse("2026-11-16T00:00:00Z"), Map.of("gb", 30)),
            event("i1", "instances", day(2), Map.of("instance_id", "i-1")),
            event("i2", "instances", day(3), Map.of("instance_id", "i-2")),
            event("i3", "instances", day(4), Map.of("instance_id", "i-1")),
            event("i4", "instances", day(5), Map.of("instance_id", "i-3")),
            event(
                "i5",
                "instances",
                day(6),
                Map.of("instance_id", "i-2", "operation_type", "remove"))));

    JsonPath usage = Catalog.usageAfter(org, subscription, 13);
    // CPU 130.5 h graduated: 100 × $0.04 = 4.00, then (130.5 − 101 + 1) = 30.5 × $0.03 = 0.915:
    // $4.915 → $4.92
    assertThat(amountOf(usage, "cpu_hours")).isEqualTo(492);
    // RAM 2,000 GB-h × $0.005 = $10.00
    assertThat(amountOf(usage, "ram_gb_hours")).isEqualTo(1000);
    // storage peak: max 120 GB falls in the 101+ tier: 120 × $0.08 = $9.60
    assertThat(amountOf(usage, "storage_peak")).isEqualTo(960);
    // storage average: +30 GB on Nov 16 lasts 15 of November's 30 days: 15 GB × $0.10 = $1.50
    assertThat(amountOf(usage, "storage_avg")).isEqualTo(150);
    assertThat(unitsOf(usage, "storage_avg")).isEqualTo("15");
    // instances: i-1 and i-3 present, i-2 removed: 2 × $5 = $10.00
    assertThat(amountOf(usage, "instances")).isEqualTo(1000);
    assertThat(usage.getInt("customer_usage.amount_cents"))
        .isEqualTo(492 + 1000 + 960 + 150 + 1000);
  }

  static Instant day(int dayOfNovember) {
    return Instant.parse("2026-11-01T10:00:00Z").plusSeconds((dayOfNovember - 1) * 86_400L);
  }

  static Map<String, Object> perThousand(String amount) {
    return Map.of("amount", amount, "package_size", 1000, "free_units", 0);
  }

  static Map<String, Object> sum(String name, String code, String field) {
    return Map.of("name", name, "code", code, "aggregation_type", "sum_agg", "field_name", field);
  }

  static Map<String, Object> range(int from, Integer to, String perUnit) {
    java.util.HashMap<String, Object> range = new java.util.HashMap<>();
    range.put("from_value", from);
    range.put("to_value", to);
    range.put("per_unit_amount", perUnit);
    range.put("flat_amount", "0");
    return range;
  }

  private static int amountOf(JsonPath usage, String metricCode) {
    return usage.getInt(
        "customer_usage.charges_usage.find { it.billable_metric.code == '"
            + metricCode
            + "' }.amount_cents");
  }

  private static String unitsOf(JsonPath usage, String metricCode) {
    return usage.getString(
        "customer_usage.charges_usage.find { it.billable_metric.code == '"
            + metricCode
            + "' }.units");
  }
}
