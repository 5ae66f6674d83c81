package dev.billing.rating.support;

import static org.awaitility.Awaitility.await;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.ServiceProcess;
import dev.billing.testkit.TestOrganizations;
import dev.billing.testkit.TestSubscriptions;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds what a metering test needs through rating's own API and invoicing's topics. */
public final class Catalog {

  public static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");

  private Catalog() {}

  public static TestOrganization organization(String name) {
    TestOrganization org = TestOrganizations.publish(name + " " + UUID.randomUUID());
    OperatorApi.awaitAuthenticates(org.apiKey(), "/api/v1/billable_metrics");
    return org;
  }

  /** Creates a billable metric; returns its lago_id. */
  public static String metric(TestOrganization org, Map<String, Object> metric) {
    return metric(org.api(), metric);
  }

  /**
   * Creates a billable metric through {@code api} (e.g. another process's); returns its lago_id.
   */
  public static String metric(RequestSpecification api, Map<String, Object> metric) {
    return api.body(Map.of("billable_metric", metric))
        .post("/api/v1/billable_metrics")
        .then()
        .statusCode(200)
        .extract()
        .path("billable_metric.lago_id");
  }

  /** Creates a plan; returns the answer. */
  public static JsonPath plan(TestOrganization org, Map<String, Object> plan) {
    return plan(org.api(), plan);
  }

  /** Creates a plan through {@code api} (e.g. another process's); returns the answer. */
  public static JsonPath plan(RequestSpecification api, Map<String, Object> plan) {
    return api.body(Map.of("plan", plan))
        .post("/api/v1/plans")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A monthly USD plan named after its code, without a base fee, with one charge on a metric. */
  public static Map<String, Object> monthlyPlan(
      String code, String metricId, String chargeModel, Map<String, Object> properties) {
    return Map.of(
        "name",
        code,
        "code",
        code,
        "interval",
        "monthly",
        "amount_cents",
        0,
        "amount_currency",
        "USD",
        "charges",
        List.of(
            Map.of(
                "billable_metric_id", metricId,
                "charge_model", chargeModel,
                "properties", properties)));
  }

  /** Publishes an active subscription on the plan, started on November 1st, and waits for it. */
  public static SubscriptionMessage subscribe(TestOrganization org, String planCode) {
    SubscriptionMessage subscription =
        TestSubscriptions.active(
            org.id(), "sub-" + UUID.randomUUID(), "cust-" + UUID.randomUUID(), planCode, NOVEMBER);
    TestSubscriptions.publish(subscription);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> usage(org, subscription).statusCode() == 200);
    return subscription;
  }

  public static io.restassured.response.Response usage(
      TestOrganization org, SubscriptionMessage subscription) {
    return usage(org.api(), subscription);
  }

  /** The subscription's current usage as another process of the service answers it. */
  public static io.restassured.response.Response usage(
      ServiceProcess service, TestOrganization org, SubscriptionMessage subscription) {
    return usage(api(service, org), subscription);
  }

  private static io.restassured.response.Response usage(
      RequestSpecification api, SubscriptionMessage subscription) {
    return api.queryParam("external_subscription_id", subscription.externalId())
        .get("/api/v1/customers/" + subscription.externalCustomerId() + "/current_usage");
  }

  /** Requests to another process of the service, as the organization. */
  public static RequestSpecification api(ServiceProcess service, TestOrganization org) {
    return RestAssured.given()
        .baseUri(service.baseUrl())
        .header("Authorization", "Bearer " + org.apiKey())
        .contentType(ContentType.JSON);
  }

  /** Waits until the subscription's usage counts {@code events} events, and returns it. */
  public static JsonPath usageAfter(
      TestOrganization org, SubscriptionMessage subscription, int events) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> eventsCount(usage(org, subscription).jsonPath()) == events);
    return usage(org, subscription).jsonPath();
  }

  private static int eventsCount(JsonPath usage) {
    List<Integer> counts = usage.getList("customer_usage.charges_usage.events_count");
    return counts == null ? -1 : counts.stream().mapToInt(Integer::intValue).sum();
  }
}
