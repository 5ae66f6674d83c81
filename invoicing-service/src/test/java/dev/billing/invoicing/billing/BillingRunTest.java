package dev.billing.invoicing.billing;

import static dev.billing.invoicing.support.TestClockProducer.CLOCK;
import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static dev.billing.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.billing.invoicing.support.BillingScenario;
import dev.billing.invoicing.support.RatingService;
import dev.billing.invoicing.support.WebhookReceiver;
import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing runs against the real invoicing and rating services, Kafka and Postgres: plans created in
 * rating-service reach invoicing through billing.catalog, subscriptions reach rating through
 * billing.subscriptions, usage is priced by rating's fees API, and time is moved by the operator's
 * as-of run.
 */
@QuarkusTest
class BillingRunTest {

  private static final Instant NOV_10 = Instant.parse("2026-11-10T12:00:00Z");
  private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

  private BillingScenario scenario;
  private TestOrganization org;

  @BeforeEach
  void organization() {
    CLOCK.set(NOV_10);
    scenario = BillingScenario.start("Billing " + UUID.randomUUID());
    org = scenario.org();
  }

  @Test
  void shouldInvoiceTheFlatFeeAndThreeUsageChargesAtPeriodEndOnceOnly() {
    String calls = scenario.metric("API calls", "api_calls", "count_agg", null);
    String storage = scenario.metric("Storage", "storage_gb", "sum_agg", "gb");
    String tokens = scenario.metric("Tokens", "tokens", "sum_agg", "tokens");
    scenario.plan(
        "pro",
        4900,
        false,
        List.of(
            charge(calls, "standard", Map.of("amount", "0.05")),
            charge(
                storage,
                "graduated",
                Map.of(
                    "graduated_ranges",
                    List.of(range(0, 10, "0", "0"), range(11, null, "0.50", "0")))),
            charge(
                tokens, "package", Map.of("amount", "2", "package_size", 1000, "free_units", 0))));
    scenario.subscribe("acme", "acme-sub", "pro", "2026-11-01T00:00:00Z", null);

    List<TestEvents.Event> events = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      events.add(event("call-" + i, "api_calls", at(3, i), Map.of()));
    }
    events.add(event("s1", "storage_gb", at(4, 0), Map.of("gb", 10)));
    events.add(event("s2", "storage_gb", at(5, 0), Map.of("gb", 15)));
    events.add(event("s3", "storage_gb", at(6, 0), Map.of("gb", 5)));
    events.add(event("t1", "tokens", at(7, 0), Map.of("tokens", 1200)));
    events.add(event("t2", "tokens", at(8, 0), Map.of("tokens", 1300)));
    TestEvents.send(org.id(), "acme-sub", events);
    scenario.awaitUsage("acme-sub", NOV_10, 125);

    // nothing is due before the period ends
    assertThat(scenario.run("2026-11-30T23:59:59Z").getInt("billing_run.invoices_created"))
        .isZero();

    JsonPath first = scenario.run("2026-12-01T00:00:00Z");
    assertThat(first.getInt("billing_run.invoices_created")).isEqualTo(1);
    String invoiceId = first.getString("billing_run.lago_invoice_ids[0]");
    JsonPath invoice = scenario.invoice(invoiceId);
    // $49.00 flat + 120 calls × $0.05 = $6.00 + (30 − 10) GB × $0.50 = $10.00
    // + ceil(2,500 / 1,000) = 3 packages × $2 = $6.00 → $71.00
    assertThat(invoice.getLong("invoice.fees_amount_cents")).isEqualTo(7100);
    assertThat(invoice.getLong("invoice.total_amount_cents")).isEqualTo(7100);
    assertThat(invoice.getString("invoice.status")).isEqualTo("finalized");
    assertThat(invoice.getString("invoice.currency")).isEqualTo("USD");
    assertThat(invoice.getString("invoice.issuing_date")).isEqualTo("2026-12-01");
    assertThat(invoice.getString("invoice.customer.external_id")).isEqualTo("acme");
    assertThat(invoice.getString("invoice.billing_periods[0].external_subscription_id"))
        .isEqualTo("acme-sub");
    assertThat(amountsByItem(invoice))
        .containsEntry("subscription:pro", 4900L)
        .containsEntry("charge:api_calls", 600L)
        .containsEntry("charge:storage_gb", 1000L)
        .containsEntry("charge:tokens", 600L);
    // the organization's prefix, the customer's number, the customer's first invoice
    assertThat(invoice.getString("invoice.number")).endsWith("-001-001");

    // the same run again, and a later one inside December, bill nothing twice
    assertThat(scenario.run("2026-12-01T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();
    assertThat(scenario.run("2026-12-15T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();
    org.api()
        .queryParam("external_customer_id", "acme")
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .body("invoices", hasSize(1))
        .body("meta.total_count", equalTo(1));

    // the same fees, by subscription, type and metric
    org.api()
        .queryParam("external_subscription_id", "acme-sub")
        .queryParam("fee_type", "charge")
        .get("/api/v1/fees")
        .then()
        .statusCode(200)
        .body("fees", hasSize(3))
        .body("meta.total_count", equalTo(3));
    String storageFee =
        org.api()
            .queryParam("billable_metric_code", "storage_gb")
            .get("/api/v1/fees")
            .then()
            .statusCode(200)
            .body("fees", hasSize(1))
            .body("fees[0].amount_cents", equalTo(1000))
            .body("fees[0].units", equalTo("30"))
            .body("fees[0].events_count", equalTo(3))
            // Lago: a charge fee is named after its billable metric
            .body("fees[0].item.name", equalTo("Storage"))
            .body("fees[0].item.invoice_display_name", equalTo("Storage"))
            .extract()
            .path("fees[0].lago_id");
    org.api()
        .get("/api/v1/fees/" + storageFee)
        .then()
        .statusCode(200)
        .body("fee.lago_invoice_id", equalTo(invoiceId))
        .body("fee.item.code", equalTo("storage_gb"));
    org.api()
        .get("/api/v1/fees/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("code", equalTo("fee_not_found"));
    org.api().queryParam("fee_type", "tip").get("/api/v1/fees").then().statusCode(422);
  }

  @Test
  void shouldProrateACalendarSubscriptionStartedMidMonthAndBillTokyoAtItsMidnight() {
    scenario.plan("basic", 5000, false, List.of());
    // 21 of November's 30 days: $50 × 21 / 30 = $35.00
    scenario.subscribe("paris", "paris-sub", "basic", "2026-11-10T00:00:00Z", "Europe/Paris");
    // November 1st, 00:00 in Tokyo
    scenario.subscribe("tokyo", "tokyo-sub", "basic", "2026-10-31T15:00:00Z", "Asia/Tokyo");

    JsonPath beforeTokyoMidnight = scenario.run("2026-11-30T14:59:59Z");
    assertThat(beforeTokyoMidnight.getInt("billing_run.invoices_created")).isZero();

    JsonPath atTokyoMidnight = scenario.run("2026-11-30T15:00:00Z");
    assertThat(atTokyoMidnight.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath tokyo = scenario.invoice(atTokyoMidnight.getString("billing_run.lago_invoice_ids[0]"));
    assertThat(tokyo.getString("invoice.customer.external_id")).isEqualTo("tokyo");
    assertThat(tokyo.getLong("invoice.total_amount_cents")).isEqualTo(5000);
    assertThat(tokyo.getString("invoice.issuing_date")).isEqualTo("2026-12-01");

    // Paris' midnight is 23:00 UTC
    JsonPath atParisMidnight = scenario.run("2026-11-30T23:00:00Z");
    assertThat(atParisMidnight.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath paris = scenario.invoice(atParisMidnight.getString("billing_run.lago_invoice_ids[0]"));
    assertThat(paris.getLong("invoice.total_amount_cents")).isEqualTo(3500);
    assertThat(paris.getString("invoice.fees[0].from_date")).isEqualTo("2026-11-10");
    assertThat(paris.getString("invoice.fees[0].to_date")).isEqualTo("2026-11-30");
  }

  @Test
  void shouldNotProrateAnAnniversarySubscription() {
    scenario.plan("anniversary", 5000, false, List.of());
    scenario.subscribe(
        "anna", "anna-sub", "anniversary", "2026-11-10T00:00:00Z", null, "anniversary");

    // its period runs November 10th to December 9th: nothing on December 1st
    assertThat(scenario.run("2026-12-01T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();
    JsonPath atAnniversary = scenario.run("2026-12-10T00:00:00Z");
    assertThat(atAnniversary.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath invoice = scenario.invoice(atAnniversary.getString("billing_run.lago_invoice_ids[0]"));
    // a whole period: $50.00, not prorated
    assertThat(invoice.getLong("invoice.total_amount_cents")).isEqualTo(5000);
    assertThat(invoice.getString("invoice.fees[0].from_date")).isEqualTo("2026-11-10");
    assertThat(invoice.getString("invoice.fees[0].to_date")).isEqualTo("2026-12-09");
  }

  @Test
  void shouldVoidOnlyAFinalizedInvoiceAndKeepADraftDuringTheGracePeriod() {
    org.api()
        .body(Map.of("organization", Map.of("invoice_grace_period", 3)))
        .put("/api/v1/organizations")
        .then()
        .statusCode(200);
    scenario.plan("grace", 1000, true, List.of());
    scenario.subscribe("grace", "grace-sub", "grace", "2026-11-01T00:00:00Z", null);

    // in advance: November's fee is due when the subscription starts
    JsonPath started = scenario.run("2026-11-01T00:00:00Z");
    assertThat(started.getInt("billing_run.invoices_created")).isEqualTo(1);
    String draftId = started.getString("billing_run.lago_invoice_ids[0]");
    JsonPath draft = scenario.invoice(draftId);
    assertThat(draft.getString("invoice.status")).isEqualTo("draft");
    assertThat(draft.getLong("invoice.total_amount_cents")).isEqualTo(1000);
    assertThat(draft.getString("invoice.number")).endsWith("-DRAFT");
    org.api()
        .post("/api/v1/invoices/" + draftId + "/void")
        .then()
        .statusCode(405)
        .body("code", equalTo("not_voidable"));

    // the grace period ends three days later: the next run finalizes it
    JsonPath afterGrace = scenario.run("2026-11-04T00:00:00Z");
    assertThat(afterGrace.getInt("billing_run.drafts_finalized")).isEqualTo(1);
    assertThat(scenario.invoice(draftId).getString("invoice.status")).isEqualTo("finalized");

    org.api()
        .post("/api/v1/invoices/" + draftId + "/void")
        .then()
        .statusCode(200)
        .body("invoice.status", equalTo("voided"));
    org.api()
        .post("/api/v1/invoices/" + draftId + "/void")
        .then()
        .statusCode(405)
        .body("code", equalTo("not_voidable"));
    createAuthenticatedOrganization("Stranger")
        .api()
        .get("/api/v1/invoices/" + draftId)
        .then()
        .statusCode(404)
        .body("code", equalTo("invoice_not_found"));
  }

  @Test
  void shouldSendSignedInvoiceWebhooksWhenAnInvoiceIsDraftedFinalizedAndVoided() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      receiver.registerWith(org, "/hooks");
      scenario.plan("hooked", 2500, true, List.of());
      scenario.subscribe("hooked", "hooked-sub", "hooked", "2026-11-01T00:00:00Z", null);

      String invoiceId =
          scenario.run("2026-11-01T00:00:00Z").getString("billing_run.lago_invoice_ids[0]");
      org.api().post("/api/v1/invoices/" + invoiceId + "/void").then().statusCode(200);

      String hmacKey =
          org.api().get("/api/v1/organizations").then().extract().path("organization.hmac_key");
      Map<String, JsonPath> byType = new HashMap<>();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                for (WebhookReceiver.Received request : receiver.at("/hooks")) {
                  byType.put(
                      new JsonPath(request.body()).getString("webhook_type"),
                      new JsonPath(request.body()));
                }
                return byType.containsKey("invoice.created")
                    && byType.containsKey("invoice.voided");
              });
      for (WebhookReceiver.Received request : receiver.at("/hooks")) {
        assertThat(request.header("X-Lago-Signature")).isEqualTo(hmac(hmacKey, request.body()));
      }
      JsonPath created = byType.get("invoice.created");
      assertThat(created.getString("object_type")).isEqualTo("invoice");
      assertThat(created.getString("invoice.lago_id")).isEqualTo(invoiceId);
      assertThat(created.getString("invoice.status")).isEqualTo("finalized");
      assertThat(created.getLong("invoice.total_amount_cents")).isEqualTo(2500);
      assertThat(byType.get("invoice.voided").getString("invoice.status")).isEqualTo("voided");
    }
  }

  @Test
  void shouldPublishEachInvoiceExactlyAsItsApiShowsIt() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      receiver.registerWith(org, "/hooks");
      String tokens = scenario.metric("Tokens", "tokens", "sum_agg", "tokens");
      String calls = scenario.metric("Calls", "calls", "count_agg", null);
      scenario.plan(
          "grouped",
          1500,
          false,
          List.of(
              charge(
                  tokens,
                  "standard",
                  Map.of("amount", "0.01", "pricing_group_keys", List.of("region", "model"))),
              charge(calls, "standard", Map.of("amount", "0.25"))));
      scenario.subscribe("grouped", "grouped-sub", "grouped", "2026-11-01T00:00:00Z", null);
      scenario.subscribe("drafted", "drafted-sub", "grouped", "2026-11-01T00:00:00Z", null);
      org.api()
          .body(
              Map.of(
                  "customer",
                  Map.of(
                      "external_id",
                      "drafted",
                      "billing_configuration",
                      Map.of("invoice_grace_period", 3))))
          .post("/api/v1/customers")
          .then()
          .statusCode(200);
      for (String sub : List.of("grouped-sub", "drafted-sub")) {
        TestEvents.send(
            org.id(),
            sub,
            List.of(
                event(
                    sub + "-t1",
                    "tokens",
                    at(2, 0),
                    Map.of("tokens", 300, "region", "eu", "model", "a")),
                event(
                    sub + "-t2",
                    "tokens",
                    at(3, 0),
                    Map.of("tokens", 200, "region", "us", "model", "a")),
                event(sub + "-t3", "tokens", at(4, 0), Map.of("tokens", 100, "region", "eu")),
                event(sub + "-c1", "calls", at(5, 0), Map.of())));
      }
      scenario.awaitUsage("grouped-sub", NOV_10, 4);
      scenario.awaitUsage("drafted-sub", NOV_10, 4);

      List<String> ids =
          scenario.run("2026-12-01T00:00:00Z").getList("billing_run.lago_invoice_ids");
      assertThat(ids).hasSize(2);
      Map<String, JsonPath> published = new HashMap<>();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                for (WebhookReceiver.Received request : receiver.at("/hooks")) {
                  JsonPath body = new JsonPath(request.body());
                  if (body.getString("object_type").equals("invoice")) {
                    published.put(body.getString("invoice.lago_id"), body);
                  }
                }
                return published.keySet().containsAll(ids);
              });
      for (String id : ids) {
        JsonPath shown = scenario.invoice(id);
        JsonPath hook = published.get(id);
        assertThat(hook.getString("webhook_type"))
            .isEqualTo(
                shown.getString("invoice.status").equals("draft")
                    ? "invoice.drafted"
                    : "invoice.created");
        assertThat(hook.getMap("invoice")).isEqualTo(shown.getMap("invoice"));
        // $15.00 + 600 tokens × $0.01 in three groups + 1 call × $0.25 = $21.25
        assertThat(shown.getLong("invoice.total_amount_cents")).isEqualTo(2125);
        assertThat(shown.getList("invoice.fees")).hasSize(5);
      }
    }
  }

  @Test
  void shouldRefreshADraftWithLateUsageThenFinalizeIt() {
    org.api()
        .body(Map.of("organization", Map.of("invoice_grace_period", 5)))
        .put("/api/v1/organizations")
        .then()
        .statusCode(200);
    String calls = scenario.metric("Calls", "calls", "count_agg", null);
    scenario.plan(
        "late", 1000, false, List.of(charge(calls, "standard", Map.of("amount", "0.10"))));
    scenario.subscribe("late", "late-sub", "late", "2026-11-01T00:00:00Z", null);
    List<TestEvents.Event> early = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      early.add(event("early-" + i, "calls", at(5, i), Map.of()));
    }
    TestEvents.send(org.id(), "late-sub", early);
    scenario.awaitUsage("late-sub", NOV_10, 10);

    // $10.00 + 10 calls × $0.10 = $11.00, a draft for the 5-day grace period
    String draftId =
        scenario.run("2026-12-01T00:00:00Z").getString("billing_run.lago_invoice_ids[0]");
    assertThat(scenario.invoice(draftId).getLong("invoice.total_amount_cents")).isEqualTo(1100);
    assertThat(scenario.invoice(draftId).getString("invoice.status")).isEqualTo("draft");

    // five calls of November arrive late; the refreshed draft counts them: $11.50
    List<TestEvents.Event> late = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      late.add(event("late-" + i, "calls", at(20, i), Map.of()));
    }
    TestEvents.send(org.id(), "late-sub", late);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                org.api()
                        .put("/api/v1/invoices/" + draftId + "/refresh")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("invoice.total_amount_cents")
                    == 1150);
    JsonPath refreshed = scenario.invoice(draftId);
    assertThat(amountsByItem(refreshed))
        .containsEntry("subscription:late", 1000L)
        .containsEntry("charge:calls", 150L);
    assertThat(refreshed.getList("invoice.fees")).hasSize(2);

    JsonPath finalized =
        org.api()
            .put("/api/v1/invoices/" + draftId + "/finalize")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(finalized.getString("invoice.status")).isEqualTo("finalized");
    assertThat(finalized.getLong("invoice.total_amount_cents")).isEqualTo(1150);
    assertThat(finalized.getString("invoice.number")).endsWith("-001-001");
    org.api()
        .put("/api/v1/invoices/" + draftId + "/refresh")
        .then()
        .statusCode(405)
        .body("code", equalTo("not_refreshable"));
    org.api()
        .put("/api/v1/invoices/" + draftId + "/finalize")
        .then()
        .statusCode(405)
        .body("code", equalTo("not_finalizable"));
  }

  @Test
  void shouldInvoiceTheOldPlanToTheDayOnAnUpgradeAndProrateTheNewOne() {
    scenario.plan("small", 3000, false, List.of());
    scenario.plan("large", 6000, false, List.of());
    scenario.subscribe("upgrader", "up-sub", "small", "2026-11-01T00:00:00Z", null);

    CLOCK.set(Instant.parse("2026-11-16T00:00:00Z"));
    scenario.subscribe("upgrader", "up-sub", "large", "2026-11-01T00:00:00Z", null);

    // the old plan's days, November 1st to 15th: $30 × 15 / 30 = $15.00
    JsonPath atUpgrade = scenario.run("2026-11-16T00:00:00Z");
    assertThat(atUpgrade.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath old = scenario.invoice(atUpgrade.getString("billing_run.lago_invoice_ids[0]"));
    assertThat(old.getLong("invoice.total_amount_cents")).isEqualTo(1500);
    assertThat(old.getString("invoice.billing_periods[0].invoicing_reason"))
        .isEqualTo("subscription_terminating");
    assertThat(old.getString("invoice.fees[0].item.code")).isEqualTo("small");

    // the new plan from the 16th: $60 × 15 / 30 = $30.00
    JsonPath atPeriodEnd = scenario.run("2026-12-01T00:00:00Z");
    assertThat(atPeriodEnd.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath upgraded = scenario.invoice(atPeriodEnd.getString("billing_run.lago_invoice_ids[0]"));
    assertThat(upgraded.getLong("invoice.total_amount_cents")).isEqualTo(3000);
    assertThat(upgraded.getString("invoice.fees[0].item.code")).isEqualTo("large");
    assertThat(upgraded.getString("invoice.fees[0].from_date")).isEqualTo("2026-11-16");
  }

  @Test
  void shouldKeepTheOldPlanToThePeriodEndOnADowngrade() {
    scenario.plan("gold", 6000, false, List.of());
    scenario.plan("silver", 3000, false, List.of());
    scenario.subscribe("downgrader", "down-sub", "gold", "2026-11-01T00:00:00Z", null);
    CLOCK.set(Instant.parse("2026-11-16T00:00:00Z"));
    scenario.subscribe("downgrader", "down-sub", "silver", "2026-11-01T00:00:00Z", null);

    // nothing changes mid-period
    assertThat(scenario.run("2026-11-16T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();

    // the subscription clock swaps the plans at the period end
    CLOCK.set(DEC_1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "silver"
                    .equals(
                        org.api()
                            .get("/api/v1/subscriptions/down-sub")
                            .jsonPath()
                            .getString("subscription.plan_code")));
    RatingService.awaitSubscription(
        org.api().get("/api/v1/subscriptions/down-sub").path("subscription.lago_id"));
    JsonPath atPeriodEnd = scenario.run("2026-12-01T00:00:00Z");
    // the whole of November on gold: $60.00; silver has nothing due yet (in arrears)
    assertThat(atPeriodEnd.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath gold = scenario.invoice(atPeriodEnd.getString("billing_run.lago_invoice_ids[0]"));
    assertThat(gold.getLong("invoice.total_amount_cents")).isEqualTo(6000);
    assertThat(gold.getString("invoice.fees[0].item.code")).isEqualTo("gold");

    // December on silver: $30.00
    JsonPath january = scenario.run("2027-01-01T00:00:00Z");
    assertThat(january.getInt("billing_run.invoices_created")).isEqualTo(1);
    assertThat(
            scenario
                .invoice(january.getString("billing_run.lago_invoice_ids[0]"))
                .getLong("invoice.total_amount_cents"))
        .isEqualTo(3000);
  }

  @Test
  void shouldInvoiceThePartialPeriodOnTermination() {
    scenario.plan("monthly", 3000, false, List.of());
    scenario.subscribe("leaver", "leave-sub", "monthly", "2026-11-01T00:00:00Z", null);

    CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
    org.api().delete("/api/v1/subscriptions/leave-sub").then().statusCode(200);

    // November 1st to 20th, the termination day included: $30 × 20 / 30 = $20.00
    JsonPath atTermination = scenario.run("2026-11-20T12:00:00Z");
    assertThat(atTermination.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath last = scenario.invoice(atTermination.getString("billing_run.lago_invoice_ids[0]"));
    assertThat(last.getLong("invoice.total_amount_cents")).isEqualTo(2000);
    assertThat(last.getString("invoice.fees[0].to_date")).isEqualTo("2026-11-20");
    // and nothing after it
    assertThat(scenario.run("2026-12-01T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();
  }

  @Test
  void shouldBillNoBaseFeeDuringTheTrialAndProrateItAfterwards() {
    RatingService.api(org.apiKey())
        .body(
            Map.of(
                "plan",
                Map.of(
                    "name",
                    "trial",
                    "code",
                    "trial",
                    "interval",
                    "monthly",
                    "amount_cents",
                    3000,
                    "amount_currency",
                    "USD",
                    "pay_in_advance",
                    true,
                    "trial_period",
                    10,
                    "charges",
                    List.of())))
        .post("/api/v1/plans")
        .then()
        .statusCode(200);
    scenario.subscribe("trialist", "trial-sub", "trial", "2026-11-01T00:00:00Z", null);

    // in advance, but free until the trial ends on November 11th
    assertThat(scenario.run("2026-11-01T00:00:00Z").getInt("billing_run.invoices_created"))
        .isZero();
    // then the remaining 20 of 30 days: $30 × 20 / 30 = $20.00
    JsonPath afterTrial = scenario.run("2026-11-11T00:00:00Z");
    assertThat(afterTrial.getInt("billing_run.invoices_created")).isEqualTo(1);
    JsonPath invoice = scenario.invoice(afterTrial.getString("billing_run.lago_invoice_ids[0]"));
    assertThat(invoice.getLong("invoice.total_amount_cents")).isEqualTo(2000);
    assertThat(invoice.getString("invoice.fees[0].from_date")).isEqualTo("2026-11-11");
    // December in advance, in full: $30.00
    JsonPath december = scenario.run("2026-12-01T00:00:00Z");
    assertThat(
            scenario
                .invoice(december.getString("billing_run.lago_invoice_ids[0]"))
                .getLong("invoice.total_amount_cents"))
        .isEqualTo(3000);
  }

  @Test
  void shouldAnswerLagosErrorsForBadRunsAndUnknownInvoices() {
    OperatorApi.operator()
        .body(Map.of("billing_run", Map.of("as_of", "tomorrow")))
        .post("/admin/v1/billing_runs")
        .then()
        .statusCode(422)
        .body("error_details.as_of[0]", equalTo("invalid_date"));
    OperatorApi.operator()
        .body(Map.of("as_of", "2026-12-01T00:00:00Z"))
        .post("/admin/v1/billing_runs")
        .then()
        .statusCode(400);
    org.api()
        .get("/api/v1/invoices/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("code", equalTo("invoice_not_found"));
    org.api()
        .queryParam("status", "paid")
        .get("/api/v1/invoices")
        .then()
        .statusCode(422)
        .body("error_details.status[0]", equalTo("value_is_invalid"));
  }

  private static Instant at(int dayOfNovember, int minute) {
    return Instant.parse("2026-11-01T09:00:00Z")
        .plusSeconds((dayOfNovember - 1) * 86_400L + minute * 60L);
  }

  private static String hmac(String key, String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.Base64.getEncoder()
        .encodeToString(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static Map<String, Long> amountsByItem(JsonPath invoice) {
    Map<String, Long> amounts = new HashMap<>();
    List<Map<String, Object>> fees = invoice.getList("invoice.fees");
    for (Map<String, Object> fee : fees) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) fee.get("item");
      amounts.merge(
          item.get("type") + ":" + item.get("code"),
          ((Number) fee.get("amount_cents")).longValue(),
          Long::sum);
    }
    return amounts;
  }

  private static Map<String, Object> charge(
      String metricId, String model, Map<String, Object> properties) {
    return Map.of("billable_metric_id", metricId, "charge_model", model, "properties", properties);
  }

  private static Map<String, Object> range(int from, Integer to, String perUnit, String flat) {
    Map<String, Object> range = new HashMap<>();
    range.put("from_value", from);
    range.put("to_value", to);
    range.put("per_unit_amount", perUnit);
    range.put("flat_amount", flat);
    return range;
  }
}
