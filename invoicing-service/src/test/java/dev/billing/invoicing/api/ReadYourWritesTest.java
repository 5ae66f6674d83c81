package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.invoicing.messaging.PlanCatalogHandler;
import dev.billing.invoicing.support.RatingService;
import dev.billing.invoicing.support.TestPlans;
import dev.billing.platform.consumer.ConsumerRunners;
import dev.billing.platform.contracts.PlanMessage;
import dev.billing.platform.outbox.OutboxRelay;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A write is readable by the next call in every service, also while the messages that carry it are
 * held up: a read model asks the owner for what it lacks. Here invoicing's outbox relay and its
 * consumers are stopped, so neither rating-service (a real process) nor invoicing itself hears of a
 * change except by asking its owner.
 */
@QuarkusTest
class ReadYourWritesTest {

  @Inject OutboxRelay relay;
  @Inject ConsumerRunners consumers;

  @BeforeAll
  static void ratingRuns() {
    RatingService.baseUrl();
  }

  @AfterEach
  void messagesFlowAgain() {
    relay.start();
    consumers.start();
  }

  @Test
  void shouldAuthenticateANewOrganizationsKeyAtOnceInEveryServiceWhileNoMessageFlows() {
    relay.stop();
    consumers.stop();
    TestOrganization org = createOrganization("Read your writes " + System.nanoTime());

    org.api().get("/api/v1/organizations").then().statusCode(200);
    RatingService.api(org.apiKey()).get("/api/v1/plans").then().statusCode(200);
    assertThat(readModelKeys(org.id())).isEqualTo(1L);
  }

  @Test
  void shouldSubscribeToAPlanCreatedTheCallBeforeWhileInvoicingHearsNothingFromRating() {
    TestOrganization org = organization();
    consumers.stop();
    createPlan(org, "rw_plan", 1500);

    subscribe(org, "rw_customer", "rw_sub", "rw_plan")
        .then()
        .statusCode(200)
        .body("subscription.plan_code", equalTo("rw_plan"))
        .body("subscription.plan_amount_cents", equalTo(1500));
  }

  @Test
  void shouldAnswerCurrentUsageForASubscriptionCreatedTheCallBeforeWhileRatingHearsNothing() {
    TestOrganization org = organization();
    createPlan(org, "rw_usage_plan", 900);
    awaitPlanInInvoicing(org, "rw_usage_plan");
    relay.stop();
    subscribe(org, "rw_usage_customer", "rw_usage_sub", "rw_usage_plan").then().statusCode(200);

    RatingService.api(org.apiKey())
        .queryParam("external_subscription_id", "rw_usage_sub")
        .get("/api/v1/customers/rw_usage_customer/current_usage")
        .then()
        .statusCode(200)
        .body("customer_usage.amount_cents", equalTo(0))
        .body("customer_usage.currency", equalTo("USD"));
  }

  @Test
  void shouldAnswer404WhenTheOwnerHasNothingEither() {
    TestOrganization org = organization();
    subscribe(org, "rw_missing_customer", "rw_missing_sub", "no_such_plan")
        .then()
        .statusCode(404)
        .body("code", equalTo("plan_not_found"));
    RatingService.api(org.apiKey())
        .queryParam("external_subscription_id", "no_such_subscription")
        .get("/api/v1/customers/nobody/current_usage")
        .then()
        .statusCode(404)
        .body("code", equalTo("subscription_not_found"));
  }

  @Test
  void shouldAnswer503NotA404WhenTheOwnerCannotBeAsked() {
    TestOrganization org = organization();
    RatingService.kill();
    try {
      subscribe(org, "rw_down_customer", "rw_down_sub", "plan_while_rating_is_down")
          .then()
          .statusCode(503)
          .body("status", equalTo(503))
          .body("error", equalTo("Service Unavailable"))
          .body("code", equalTo("service_unavailable"));
    } finally {
      RatingService.baseUrl();
    }
  }

  @Test
  void shouldKeepTheFetchedRevisionWhenAnOlderMessageArrivesAfterIt() throws Exception {
    TestOrganization org = organization();
    consumers.stop();
    createPlan(org, "rw_revised", 100);
    RatingService.api(org.apiKey())
        .body(Map.of("plan", planBody("rw_revised", 300)))
        .put("/api/v1/plans/rw_revised")
        .then()
        .statusCode(200);
    subscribe(org, "rw_rev_customer", "rw_rev_sub", "rw_revised").then().statusCode(200);
    Map<String, Object> fetched = planRow(org.id(), "rw_revised");
    assertThat(fetched).containsEntry("revision", 2L).containsEntry("amount_cents", 300L);

    consumers.start();
    PlanMessage older = TestPlans.plan(org.id(), "rw_revised", 100, "USD");
    PlanMessage sameIdRevisionOne =
        new PlanMessage(
            (UUID) fetched.get("plan_id"),
            older.organizationId(),
            1,
            older.code(),
            older.name(),
            older.invoiceDisplayName(),
            older.interval(),
            older.amountCents(),
            older.amountCurrency(),
            older.payInAdvance(),
            older.trialPeriodDays(),
            older.billChargesMonthly(),
            older.minimumCommitmentAmountCents(),
            older.charges(),
            false,
            Instant.now());
    TestPlans.send(sameIdRevisionOne);
    consumers.caughtUp(PlanCatalogHandler.NAME).get(30, TimeUnit.SECONDS);

    assertThat(planRow(org.id(), "rw_revised"))
        .containsEntry("revision", 2L)
        .containsEntry("amount_cents", 300L);
  }

  private static TestOrganization organization() {
    TestOrganization org = createOrganization("Read your writes " + System.nanoTime());
    org.api().get("/api/v1/organizations").then().statusCode(200);
    return org;
  }

  private static void createPlan(TestOrganization org, String code, long amountCents) {
    RatingService.api(org.apiKey())
        .body(Map.of("plan", planBody(code, amountCents)))
        .post("/api/v1/plans")
        .then()
        .statusCode(200);
  }

  private static Map<String, Object> planBody(String code, long amountCents) {
    return Map.of(
        "name",
        code,
        "code",
        code,
        "interval",
        "monthly",
        "amount_cents",
        amountCents,
        "amount_currency",
        "USD",
        "pay_in_advance",
        false,
        "charges",
        List.of());
  }

  private static io.restassured.response.Response subscribe(
      TestOrganization org, String customer, String externalId, String plan) {
    return org.api()
        .body(
            Map.of(
                "subscription",
                Map.of(
                    "external_customer_id", customer,
                    "external_id", externalId,
                    "plan_code", plan)))
        .post("/api/v1/subscriptions");
  }

  private static void awaitPlanInInvoicing(TestOrganization org, String code) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !TestDatabase.query(PLAN_ROW, org.id(), code).isEmpty());
  }

  private static final String PLAN_ROW =
      "SELECT plan_id, revision, amount_cents FROM invoicing.plans"
          + " WHERE organization_id = ? AND code = ?";

  private static Map<String, Object> planRow(UUID organizationId, String code) {
    return TestDatabase.query(PLAN_ROW, organizationId, code).get(0);
  }

  private static long readModelKeys(UUID organizationId) {
    return (Long)
        TestDatabase.query(
                "SELECT count(*) AS n FROM invoicing.api_key_read_model WHERE organization_id = ?",
                organizationId)
            .get(0)
            .get("n");
  }
}
