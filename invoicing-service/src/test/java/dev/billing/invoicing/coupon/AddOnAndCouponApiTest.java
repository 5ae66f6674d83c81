package dev.billing.invoicing.coupon;

import static dev.billing.invoicing.support.TestClockProducer.CLOCK;
import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Add-ons, coupons, applied coupons and one-off invoices through the real service and Postgres. */
@QuarkusTest
class AddOnAndCouponApiTest {

  private TestOrganization org;
  private TestOrganization other;

  @BeforeEach
  void organizations() {
    CLOCK.set(Instant.parse("2026-11-10T12:00:00Z"));
    org = createAuthenticatedOrganization("Coupons " + UUID.randomUUID());
    other = createAuthenticatedOrganization("Other " + UUID.randomUUID());
  }

  @Test
  void shouldCreateReadUpdateListAndDeleteAddOnsWithLagosErrorsPerOrganization() {
    addOn(org, "setup", 12000, "USD")
        .then()
        .statusCode(200)
        .body("add_on.code", equalTo("setup"))
        .body("add_on.name", equalTo("Setup setup"))
        .body("add_on.amount_cents", equalTo(12000))
        .body("add_on.amount_currency", equalTo("USD"))
        .body("add_on.invoice_display_name", equalTo("Setup fee"));
    addOn(org, "setup", 1, "USD")
        .then()
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.code[0]", equalTo("value_already_exist"));
    org.api()
        .body(Map.of("add_on", Map.of("description", "nothing else")))
        .post("/api/v1/add_ons")
        .then()
        .statusCode(422)
        .body("error_details.name[0]", equalTo("value_is_mandatory"))
        .body("error_details.code[0]", equalTo("value_is_mandatory"))
        .body("error_details.amount_cents[0]", equalTo("value_is_mandatory"))
        .body("error_details.amount_currency[0]", equalTo("value_is_invalid"));
    addOn(org, "negative", -1, "USD")
        .then()
        .statusCode(422)
        .body("error_details.amount_cents[0]", equalTo("value_is_out_of_range"));
    org.api().body(Map.of()).post("/api/v1/add_ons").then().statusCode(400);

    org.api()
        .body(Map.of("add_on", Map.of("amount_cents", 15000)))
        .put("/api/v1/add_ons/setup")
        .then()
        .statusCode(200)
        .body("add_on.amount_cents", equalTo(15000))
        .body("add_on.name", equalTo("Setup setup"));
    org.api().get("/api/v1/add_ons/setup").then().statusCode(200);
    org.api()
        .get("/api/v1/add_ons")
        .then()
        .statusCode(200)
        .body("add_ons", hasSize(1))
        .body("meta.total_count", equalTo(1));

    // another organization sees nothing of it and may use the same code
    other
        .api()
        .get("/api/v1/add_ons/setup")
        .then()
        .statusCode(404)
        .body("code", equalTo("add_on_not_found"));
    other.api().delete("/api/v1/add_ons/setup").then().statusCode(404);
    addOn(other, "setup", 100, "EUR").then().statusCode(200);

    org.api()
        .delete("/api/v1/add_ons/setup")
        .then()
        .statusCode(200)
        .body("add_on.code", equalTo("setup"));
    org.api().get("/api/v1/add_ons/setup").then().statusCode(404);
    addOn(org, "setup", 100, "USD").then().statusCode(200);
  }

  @Test
  void shouldValidateCouponsAsLagoDoesAndKeepThemPerOrganization() {
    coupon(org, fixed("ten_off", 1000, "USD", "once"))
        .then()
        .statusCode(200)
        .body("coupon.coupon_type", equalTo("fixed_amount"))
        .body("coupon.amount_cents", equalTo(1000))
        .body("coupon.frequency", equalTo("once"))
        .body("coupon.expiration", equalTo("no_expiration"))
        .body("coupon.reusable", equalTo(true))
        .body("coupon.limited_plans", equalTo(false))
        .body("coupon.percentage_rate", nullValue());
    coupon(org, fixed("ten_off", 1000, "USD", "once"))
        .then()
        .statusCode(422)
        .body("error_details.code[0]", equalTo("value_already_exist"));
    Map<String, Object> noRate = percentage("pct", null, "forever");
    coupon(org, noRate)
        .then()
        .statusCode(422)
        .body("error_details.percentage_rate[0]", equalTo("value_is_out_of_range"));
    Map<String, Object> noDuration = percentage("rec", "10", "recurring");
    coupon(org, noDuration)
        .then()
        .statusCode(422)
        .body("error_details.frequency_duration[0]", equalTo("value_is_mandatory"));
    Map<String, Object> badType = fixed("bad", 100, "USD", "once");
    badType.put("coupon_type", "bogus");
    coupon(org, badType)
        .then()
        .statusCode(422)
        .body("error_details.coupon_type[0]", equalTo("value_is_invalid"));
    Map<String, Object> zero = fixed("zero", 0, "XXY", "once");
    coupon(org, zero)
        .then()
        .statusCode(422)
        .body("error_details.amount_cents[0]", equalTo("value_is_out_of_range"))
        .body("error_details.amount_currency[0]", equalTo("value_is_invalid"));
    Map<String, Object> past = fixed("past", 100, "USD", "once");
    past.put("expiration", "time_limit");
    past.put("expiration_at", "2026-11-01T00:00:00Z");
    coupon(org, past)
        .then()
        .statusCode(422)
        .body("error_details.expiration_at[0]", equalTo("invalid_date"));
    Map<String, Object> unknownPlan = fixed("plans", 100, "USD", "once");
    unknownPlan.put("applies_to", Map.of("plan_codes", List.of("nope")));
    coupon(org, unknownPlan).then().statusCode(404).body("code", equalTo("plans_not_found"));

    Map<String, Object> limited = percentage("limited", "12.5", "recurring");
    limited.put("frequency_duration", 3);
    limited.put("expiration", "time_limit");
    limited.put("expiration_at", "2027-01-01T00:00:00Z");
    limited.put("reusable", false);
    coupon(org, limited)
        .then()
        .statusCode(200)
        .body("coupon.percentage_rate", equalTo("12.5"))
        .body("coupon.frequency_duration", equalTo(3))
        .body("coupon.expiration", equalTo("time_limit"))
        .body("coupon.expiration_at", equalTo("2027-01-01T00:00:00Z"))
        .body("coupon.reusable", equalTo(false));

    org.api()
        .body(Map.of("coupon", Map.of("name", "Ten dollars off", "amount_cents", 1500)))
        .put("/api/v1/coupons/ten_off")
        .then()
        .statusCode(200)
        .body("coupon.name", equalTo("Ten dollars off"))
        .body("coupon.amount_cents", equalTo(1500));
    org.api().get("/api/v1/coupons").then().statusCode(200).body("meta.total_count", equalTo(2));
    other
        .api()
        .get("/api/v1/coupons/ten_off")
        .then()
        .statusCode(404)
        .body("code", equalTo("coupon_not_found"));
    other.api().get("/api/v1/coupons").then().statusCode(200).body("meta.total_count", equalTo(0));

    org.api()
        .delete("/api/v1/coupons/ten_off")
        .then()
        .statusCode(200)
        .body("coupon.terminated_at", equalTo("2026-11-10T12:00:00Z"));
    org.api().get("/api/v1/coupons/ten_off").then().statusCode(404);
  }

  @Test
  void shouldApplyCouponsToCustomersWithLagosRules() {
    customer(org, "cust", "USD");
    Map<String, Object> single = fixed("single", 500, "USD", "once");
    single.put("reusable", false);
    coupon(org, single).then().statusCode(200);
    String first =
        apply(org, "cust", "single", Map.of())
            .then()
            .statusCode(200)
            .body("applied_coupon.coupon_code", equalTo("single"))
            .body("applied_coupon.external_customer_id", equalTo("cust"))
            .body("applied_coupon.status", equalTo("active"))
            .body("applied_coupon.amount_cents", equalTo(500))
            .body("applied_coupon.amount_cents_remaining", equalTo(500))
            .extract()
            .path("applied_coupon.lago_id");
    apply(org, "cust", "single", Map.of())
        .then()
        .statusCode(422)
        .body("error_details.coupon[0]", equalTo("coupon_is_not_reusable"));
    coupon(org, fixed("euros", 500, "EUR", "once")).then().statusCode(200);
    apply(org, "cust", "euros", Map.of())
        .then()
        .statusCode(422)
        .body("error_details.currency[0]", equalTo("currencies_does_not_match"));
    apply(org, "cust", "missing", Map.of())
        .then()
        .statusCode(404)
        .body("code", equalTo("coupon_not_found"));
    apply(org, "nobody", "single", Map.of())
        .then()
        .statusCode(404)
        .body("code", equalTo("customer_not_found"));
    // the coupon belongs to org: another organization cannot apply it
    customer(other, "cust", "USD");
    apply(other, "cust", "single", Map.of())
        .then()
        .statusCode(404)
        .body("code", equalTo("coupon_not_found"));

    coupon(org, percentageWithRate("pct", "10", "forever")).then().statusCode(200);
    apply(
            org,
            "cust",
            "pct",
            Map.of("percentage_rate", "25", "frequency", "recurring", "frequency_duration", 3))
        .then()
        .statusCode(200)
        .body("applied_coupon.percentage_rate", equalTo("25.0"))
        .body("applied_coupon.frequency", equalTo("recurring"))
        .body("applied_coupon.frequency_duration_remaining", equalTo(3))
        .body("applied_coupon.amount_cents", nullValue());
    org.api()
        .queryParam("external_customer_id", "cust")
        .get("/api/v1/applied_coupons")
        .then()
        .statusCode(200)
        .body("applied_coupons", hasSize(2))
        .body("meta.total_count", equalTo(1 + 1));
    other
        .api()
        .get("/api/v1/applied_coupons")
        .then()
        .statusCode(200)
        .body("meta.total_count", equalTo(0));

    other.api().delete("/api/v1/customers/cust/applied_coupons/" + first).then().statusCode(404);
    org.api()
        .delete("/api/v1/customers/cust/applied_coupons/" + first)
        .then()
        .statusCode(200)
        .body("applied_coupon.status", equalTo("terminated"))
        .body("applied_coupon.terminated_at", equalTo("2026-11-10T12:00:00Z"));
    org.api()
        .delete("/api/v1/customers/cust/applied_coupons/" + first)
        .then()
        .statusCode(404)
        .body("code", equalTo("applied_coupon_not_found"));
    // terminated, it still counts: a non-reusable coupon is applied once per customer
    apply(org, "cust", "single", Map.of())
        .then()
        .statusCode(422)
        .body("error_details.coupon[0]", equalTo("coupon_is_not_reusable"));
    org.api()
        .queryParam("status", "active")
        .get("/api/v1/customers/cust/applied_coupons")
        .then()
        .statusCode(200)
        .body("applied_coupons", hasSize(1))
        .body("applied_coupons[0].coupon_code", equalTo("pct"));
  }

  @Test
  void shouldInvoiceAddOnsOneOffToTheCentAndRefuseWhatLagoRefuses() {
    org.api()
        .body(
            Map.of(
                "webhook_endpoint",
                Map.of("webhook_url", "http://127.0.0.1:9/hook", "signature_algo", "hmac")))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(200);
    addOn(org, "setup", 12000, "USD").then().statusCode(200);
    addOn(org, "training", 2500, "USD").then().statusCode(200);
    customer(org, "buyer", "USD");

    Map<String, Object> training = new HashMap<>();
    training.put("add_on_code", "training");
    training.put("units", "2.5");
    training.put("unit_amount_cents", 3333);
    training.put("description", "Training days");
    training.put("invoice_display_name", "Training (2.5 days)");
    JsonPath invoice =
        oneOff(org, "buyer", "USD", List.of(Map.of("add_on_code", "setup"), training))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // setup: 1 × $120.00 = $120.00; training: 2.5 × $33.33 = $83.325 → $83.33 (HALF_UP)
    // fees = $203.33, no coupons on one-off invoices, total $203.33
    assertThat(invoice.getString("invoice.invoice_type")).isEqualTo("one_off");
    assertThat(invoice.getString("invoice.status")).isEqualTo("finalized");
    assertThat(invoice.getLong("invoice.fees_amount_cents")).isEqualTo(20333);
    assertThat(invoice.getLong("invoice.coupons_amount_cents")).isZero();
    assertThat(invoice.getLong("invoice.total_amount_cents")).isEqualTo(20333);
    assertThat(invoice.getString("invoice.number")).endsWith("-001-001");
    List<Map<String, Object>> fees = invoice.getList("invoice.fees");
    assertThat(fees).hasSize(2);
    Map<String, Object> trainingFee =
        fees.stream()
            .filter(f -> ((Number) f.get("amount_cents")).longValue() == 8333)
            .findFirst()
            .orElseThrow();
    assertThat(trainingFee.get("units")).isEqualTo("2.5");
    assertThat(trainingFee.get("precise_amount")).isEqualTo("83.325");
    @SuppressWarnings("unchecked")
    Map<String, Object> item = (Map<String, Object>) trainingFee.get("item");
    assertThat(item).containsEntry("type", "add_on").containsEntry("code", "training");
    assertThat(item)
        .containsEntry("name", "Training days")
        .containsEntry("invoice_display_name", "Training (2.5 days)");

    // invoice.one_off_created, not invoice.created
    OperatorApi.operator()
        .queryParam("organization_id", org.id().toString())
        .queryParam("webhook_type", "invoice.one_off_created")
        .get("/admin/v1/webhooks")
        .then()
        .statusCode(200)
        .body("meta.total_count", equalTo(1))
        .body("webhooks[0].object_id", equalTo(invoice.getString("invoice.lago_id")));
    OperatorApi.operator()
        .queryParam("organization_id", org.id().toString())
        .queryParam("webhook_type", "invoice.created")
        .get("/admin/v1/webhooks")
        .then()
        .statusCode(200)
        .body("meta.total_count", equalTo(0));

    oneOff(org, "nobody", "USD", List.of(Map.of("add_on_code", "setup")))
        .then()
        .statusCode(404)
        .body("code", equalTo("customer_not_found"));
    oneOff(org, "buyer", "USD", List.of(Map.of("add_on_code", "nope")))
        .then()
        .statusCode(404)
        .body("code", equalTo("add_on_not_found"));
    oneOff(org, "buyer", "EUR", List.of(Map.of("add_on_code", "setup")))
        .then()
        .statusCode(422)
        .body("error_details.currency[0]", equalTo("currencies_does_not_match"));
    oneOff(org, "buyer", "USD", List.of())
        .then()
        .statusCode(422)
        .body("error_details.fees[0]", equalTo("value_is_mandatory"));
    oneOff(org, "buyer", "USD", Collections.singletonList(null))
        .then()
        .statusCode(422)
        .body("error_details.fees[0]", equalTo("value_is_invalid"));
    // another organization's add-on is unknown here
    customer(other, "buyer", "USD");
    oneOff(other, "buyer", "USD", List.of(Map.of("add_on_code", "setup"))).then().statusCode(404);
  }

  private static io.restassured.response.Response addOn(
      TestOrganization o, String code, long cents, String currency) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Setup " + code);
    body.put("code", code);
    body.put("amount_cents", cents);
    body.put("amount_currency", currency);
    body.put("invoice_display_name", "Setup fee");
    return o.api().body(Map.of("add_on", body)).post("/api/v1/add_ons");
  }

  static Map<String, Object> fixed(String code, long cents, String currency, String frequency) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Coupon " + code);
    body.put("code", code);
    body.put("coupon_type", "fixed_amount");
    body.put("amount_cents", cents);
    body.put("amount_currency", currency);
    body.put("frequency", frequency);
    return body;
  }

  static Map<String, Object> percentage(String code, String rate, String frequency) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Coupon " + code);
    body.put("code", code);
    body.put("coupon_type", "percentage");
    if (rate != null) {
      body.put("percentage_rate", rate);
    }
    body.put("frequency", frequency);
    return body;
  }

  private static Map<String, Object> percentageWithRate(
      String code, String rate, String frequency) {
    return percentage(code, rate, frequency);
  }

  static io.restassured.response.Response coupon(TestOrganization o, Map<String, Object> body) {
    return o.api().body(Map.of("coupon", body)).post("/api/v1/coupons");
  }

  static io.restassured.response.Response apply(
      TestOrganization o, String customer, String coupon, Map<String, Object> overrides) {
    Map<String, Object> body = new HashMap<>(overrides);
    body.put("external_customer_id", customer);
    body.put("coupon_code", coupon);
    return o.api().body(Map.of("applied_coupon", body)).post("/api/v1/applied_coupons");
  }

  private static void customer(TestOrganization o, String externalId, String currency) {
    o.api()
        .body(
            Map.of(
                "customer",
                Map.of("external_id", externalId, "name", externalId, "currency", currency)))
        .post("/api/v1/customers")
        .then()
        .statusCode(200);
  }

  private static io.restassured.response.Response oneOff(
      TestOrganization o, String customer, String currency, List<Map<String, Object>> fees) {
    return o.api()
        .body(
            Map.of(
                "invoice",
                Map.of("external_customer_id", customer, "currency", currency, "fees", fees)))
        .post("/api/v1/invoices");
  }
}
