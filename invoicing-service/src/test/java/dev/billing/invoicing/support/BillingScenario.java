package dev.billing.invoicing.support;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One organization's billing, through the real services: metrics and plans in rating-service,
 * customers and subscriptions in invoicing-service (waiting until each side has what the other
 * published), usage in rating, and billing runs as of an instant for this organization only.
 */
public final class BillingScenario {

  private final TestOrganization org;
  private final Map<String, String> lagoIds = new HashMap<>();

  private BillingScenario(TestOrganization org) {
    this.org = org;
  }

  /** A new organization, once rating-service authenticates its key. */
  public static BillingScenario start(String name) {
    TestOrganization org = OperatorApi.createAuthenticatedOrganization(name);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                RatingService.api(org.apiKey()).get("/api/v1/billable_metrics").statusCode()
                    == 200);
    return new BillingScenario(org);
  }

  public TestOrganization org() {
    return org;
  }

  public String metric(String name, String code, String aggregation, String field) {
    Map<String, Object> metric = new HashMap<>();
    metric.put("name", name);
    metric.put("code", code);
    metric.put("aggregation_type", aggregation);
    if (field != null) {
      metric.put("field_name", field);
    }
    return RatingService.api(org.apiKey())
        .body(Map.of("billable_metric", metric))
        .post("/api/v1/billable_metrics")
        .then()
        .statusCode(200)
        .extract()
        .path("billable_metric.lago_id");
  }

  public void plan(String code, long amountCents, boolean inAdvance, List<Object> charges) {
    RatingService.api(org.apiKey())
        .body(
            Map.of(
                "plan",
                Map.of(
                    "name", code,
                    "code", code,
                    "interval", "monthly",
                    "amount_cents", amountCents,
                    "amount_currency", "USD",
                    "pay_in_advance", inAdvance,
                    "charges", charges)))
        .post("/api/v1/plans")
        .then()
        .statusCode(200);
  }

  public void subscribe(
      String customer, String externalId, String plan, String at, String timezone) {
    subscribe(customer, externalId, plan, at, timezone, "calendar");
  }

  public void subscribe(
      String customer,
      String externalId,
      String plan,
      String at,
      String timezone,
      String billingTime) {
    Map<String, Object> customerBody = new HashMap<>();
    customerBody.put("external_id", customer);
    customerBody.put("name", customer);
    customerBody.put("currency", "USD");
    if (timezone != null) {
      customerBody.put("timezone", timezone);
    }
    org.api()
        .body(Map.of("customer", customerBody))
        .post("/api/v1/customers")
        .then()
        .statusCode(200);
    // the plan reaches invoicing through billing.catalog, the subscription rating through
    // billing.subscriptions
    String[] lagoId = new String[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              var response =
                  org.api()
                      .body(
                          Map.of(
                              "subscription",
                              Map.of(
                                  "external_customer_id", customer,
                                  "external_id", externalId,
                                  "plan_code", plan,
                                  "billing_time", billingTime,
                                  "subscription_at", at)))
                      .post("/api/v1/subscriptions");
              lagoId[0] =
                  response.statusCode() == 200 ? response.path("subscription.lago_id") : null;
              return lagoId[0] != null;
            });
    RatingService.awaitSubscription(lagoId[0]);
    lagoIds.put(externalId, lagoId[0]);
  }

  /**
   * Waits until rating-service has metered {@code events} events of the subscription in its usage
   * period holding {@code inPeriod} (the internal fees API: current_usage would show the period
   * holding the real today, not the test's).
   */
  public void awaitUsage(String subscription, Instant inPeriod, int events) {
    String lagoId = lagoIds.get(subscription);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var response =
                  RatingService.internal()
                      .queryParam("from", inPeriod.toString())
                      .get("/internal/v1/subscriptions/" + lagoId + "/fees");
              if (response.statusCode() != 200) {
                return false;
              }
              List<Integer> counts = response.jsonPath().getList("fees.lines.events_count");
              return counts.stream().mapToInt(Integer::intValue).sum() == events;
            });
  }

  public JsonPath run(String asOf) {
    return OperatorApi.operator()
        .body(Map.of("billing_run", Map.of("as_of", asOf, "organization_id", org.id().toString())))
        .post("/admin/v1/billing_runs")
        .then()
        .statusCode(200)
        .body("billing_run.failures.size()", equalTo(0))
        .extract()
        .jsonPath();
  }

  public JsonPath invoice(String id) {
    return org.api().get("/api/v1/invoices/" + id).then().statusCode(200).extract().jsonPath();
  }
}
