package dev.billing.invoicing.coupon;

import static dev.billing.invoicing.coupon.AddOnAndCouponApiTest.apply;
import static dev.billing.invoicing.coupon.AddOnAndCouponApiTest.coupon;
import static dev.billing.invoicing.coupon.AddOnAndCouponApiTest.fixed;
import static dev.billing.invoicing.coupon.AddOnAndCouponApiTest.percentage;
import static dev.billing.invoicing.support.TestClockProducer.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.invoicing.support.BillingScenario;
import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coupons on the invoices of real billing runs (invoicing + the rating-service process, Kafka,
 * Postgres): Lago's order and caps, what is left carried to the next invoice, durations counted per
 * invoice, nothing consumed twice by a re-run, and a terminated applied coupon no longer applied.
 * Plans are flat monthly fees in arrears, calendar billing from November 1st.
 */
@QuarkusTest
class CouponBillingTest {

  private static final Instant NOV_10 = Instant.parse("2026-11-10T12:00:00Z");

  private BillingScenario scenario;
  private TestOrganization org;

  @BeforeEach
  void organization() {
    CLOCK.set(NOV_10);
    scenario = BillingScenario.start("Coupon billing " + UUID.randomUUID());
    org = scenario.org();
  }

  @Test
  void shouldCarryWhatIsLeftOfAFixedOnceCouponToTheNextInvoice() {
    scenario.plan("small", 710, false, List.of());
    scenario.subscribe("fixed-cust", "fixed-sub", "small", "2026-11-01T00:00:00Z", null);
    coupon(org, fixed("ten_off", 1000, "USD", "once")).then().statusCode(200);
    String appliedId = applied("fixed-cust", "ten_off", Map.of());

    // November: fees $7.10; the $10.00 coupon is capped at the invoice: credit $7.10, total $0,
    // already settled; $10.00 − $7.10 = $2.90 left
    JsonPath december = scenario.invoice(single(scenario.run("2026-12-01T00:00:00Z")));
    assertTotals(december, 710, 710, 0);
    assertThat(december.getString("invoice.payment_status")).isEqualTo("succeeded");
    assertThat(december.getLong("invoice.credits[0].amount_cents")).isEqualTo(710);
    assertThat(december.getString("invoice.credits[0].amount_currency")).isEqualTo("USD");
    assertThat(december.getBoolean("invoice.credits[0].before_taxes")).isTrue();
    assertThat(december.getString("invoice.credits[0].item.type")).isEqualTo("coupon");
    assertThat(december.getString("invoice.credits[0].item.code")).isEqualTo("ten_off");
    assertThat(december.getString("invoice.credits[0].item.lago_item_id")).isEqualTo(appliedId);
    // the subscription fee carries the whole credit: 710 cents
    assertThat(december.getString("invoice.fees[0].precise_coupons_amount_cents")).isEqualTo("710");
    assertApplied(appliedId, "active", 290, null);

    // the same run again makes no invoice and consumes nothing
    assertThat(scenario.run("2026-12-01T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();
    assertApplied(appliedId, "active", 290, null);

    // December: $7.10 − the $2.90 left = $4.20; the coupon is used up
    JsonPath january = scenario.invoice(single(scenario.run("2027-01-01T00:00:00Z")));
    assertTotals(january, 710, 290, 420);
    assertThat(january.getString("invoice.payment_status")).isEqualTo("pending");
    assertApplied(appliedId, "terminated", 0, null);

    // January: no coupon left
    assertTotals(scenario.invoice(single(scenario.run("2027-02-01T00:00:00Z"))), 710, 0, 710);
    org.api()
        .queryParam("external_customer_id", "fixed-cust")
        .get("/api/v1/applied_coupons")
        .then()
        .statusCode(200)
        .body("applied_coupons[0].credits.size()", equalTo(2))
        .body("applied_coupons[0].credits[0].amount_cents", equalTo(710))
        .body("applied_coupons[0].credits[1].amount_cents", equalTo(290));
  }

  @Test
  void shouldApplyARecurringPercentageOnItsNumberOfInvoicesOnly() {
    scenario.plan("mid", 4999, false, List.of());
    scenario.subscribe("pct-cust", "pct-sub", "mid", "2026-11-01T00:00:00Z", null);
    Map<String, Object> tenPercent = percentage("ten_pct", "10", "recurring");
    tenPercent.put("frequency_duration", 2);
    coupon(org, tenPercent).then().statusCode(200);
    String appliedId = applied("pct-cust", "ten_pct", Map.of());

    // $49.99 × 10 % = $4.999 → $5.00 (HALF_UP); total $44.99; one period left
    assertTotals(scenario.invoice(single(scenario.run("2026-12-01T00:00:00Z"))), 4999, 500, 4499);
    assertApplied(appliedId, "active", null, 1);
    assertThat(scenario.run("2026-12-01T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();
    assertApplied(appliedId, "active", null, 1);
    // second and last period
    assertTotals(scenario.invoice(single(scenario.run("2027-01-01T00:00:00Z"))), 4999, 500, 4499);
    assertApplied(appliedId, "terminated", null, 0);
    // over
    assertTotals(scenario.invoice(single(scenario.run("2027-02-01T00:00:00Z"))), 4999, 0, 4999);
  }

  @Test
  void shouldApplyForeverCouponsInApplicationOrderUntilOneIsDeleted() {
    scenario.plan("team", 4999, false, List.of());
    scenario.subscribe("forever-cust", "forever-sub", "team", "2026-11-01T00:00:00Z", null);
    coupon(org, percentage("twenty_pct", "20", "forever")).then().statusCode(200);
    coupon(org, fixed("five_off", 500, "USD", "forever")).then().statusCode(200);
    applied("forever-cust", "twenty_pct", Map.of());
    CLOCK.set(NOV_10.plusSeconds(60));
    String fiveOff = applied("forever-cust", "five_off", Map.of());

    // percentage first (applied first): $49.99 × 20 % = $9.998 → $10.00, leaving $39.99;
    // then $5.00 → total $34.99; coupons $15.00
    JsonPath december = scenario.invoice(single(scenario.run("2026-12-01T00:00:00Z")));
    assertTotals(december, 4999, 1500, 3499);
    assertThat(december.getString("invoice.credits[0].item.code")).isEqualTo("twenty_pct");
    assertThat(december.getLong("invoice.credits[0].amount_cents")).isEqualTo(1000);
    assertThat(december.getString("invoice.credits[1].item.code")).isEqualTo("five_off");
    assertThat(december.getLong("invoice.credits[1].amount_cents")).isEqualTo(500);
    // forever: the same again next month
    assertTotals(scenario.invoice(single(scenario.run("2027-01-01T00:00:00Z"))), 4999, 1500, 3499);
    assertApplied(fiveOff, "active", null, null);

    org.api()
        .delete("/api/v1/customers/forever-cust/applied_coupons/" + fiveOff)
        .then()
        .statusCode(200)
        .body("applied_coupon.status", equalTo("terminated"));
    // only the 20 %: $10.00 off → $39.99
    JsonPath february = scenario.invoice(single(scenario.run("2027-02-01T00:00:00Z")));
    assertTotals(february, 4999, 1000, 3999);
    assertThat(february.getList("invoice.credits")).hasSize(1);
  }

  private void assertTotals(JsonPath invoice, long fees, long coupons, long total) {
    assertThat(invoice.getString("invoice.status")).isEqualTo("finalized");
    assertThat(invoice.getLong("invoice.fees_amount_cents")).isEqualTo(fees);
    assertThat(invoice.getLong("invoice.coupons_amount_cents")).isEqualTo(coupons);
    assertThat(invoice.getLong("invoice.sub_total_excluding_taxes_amount_cents"))
        .isEqualTo(fees - coupons);
    assertThat(invoice.getLong("invoice.total_amount_cents")).isEqualTo(total);
    long credited =
        invoice.getList("invoice.credits.amount_cents", Long.class).stream()
            .mapToLong(Long::longValue)
            .sum();
    assertThat(credited).isEqualTo(coupons);
  }

  private void assertApplied(String id, String status, Integer amountLeft, Integer periodsLeft) {
    List<Map<String, Object>> all =
        org.api()
            .get("/api/v1/applied_coupons")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("applied_coupons");
    Map<String, Object> applied =
        all.stream().filter(a -> id.equals(a.get("lago_id"))).findFirst().orElseThrow();
    assertThat(applied.get("status")).isEqualTo(status);
    assertThat(applied.get("amount_cents_remaining")).isEqualTo(amountLeft);
    assertThat(applied.get("frequency_duration_remaining")).isEqualTo(periodsLeft);
  }

  private String applied(String customer, String coupon, Map<String, Object> overrides) {
    return apply(org, customer, coupon, overrides)
        .then()
        .statusCode(200)
        .extract()
        .path("applied_coupon.lago_id");
  }

  private static String single(JsonPath run) {
    assertThat(run.getInt("billing_run.invoices_created")).isEqualTo(1);
    return run.getString("billing_run.lago_invoice_ids[0]");
  }
}
