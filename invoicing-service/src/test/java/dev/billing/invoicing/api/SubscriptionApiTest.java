package dev.billing.invoicing.api;

import static dev.billing.invoicing.support.TestClockProducer.CLOCK;
import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.billing.invoicing.scheduling.SubscriptionClock;
import dev.billing.invoicing.support.RatingService;
import dev.billing.invoicing.support.TestPlans;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.PlanMessage;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lago's subscriptions API against the real service, Kafka and Postgres, with plans arriving from
 * {@code billing.catalog} as rating-service publishes them and time moved by the test clock.
 */
@QuarkusTest
class SubscriptionApiTest {

  /** A plan code invoicing does not hold is asked of rating-service, which owns plans. */
  @BeforeAll
  static void planOwnerRuns() {
    RatingService.baseUrl();
  }

  private static final Instant NOV_10 = Instant.parse("2026-11-10T12:00:00Z");

  @Inject SubscriptionClock subscriptionClock;

  private TestOrganization org;
  private TopicTail subscriptions;
  private PlanMessage basic;
  private PlanMessage premium;

  @BeforeEach
  void setUp() {
    CLOCK.set(NOV_10);
    subscriptions = TestKafka.tail(Topics.SUBSCRIPTIONS);
    org = createAuthenticatedOrganization("Subscriptions");
    basic = TestPlans.publish(org.id(), "basic", 1_000, "USD");
    premium = TestPlans.publish(org.id(), "premium", 5_000, "USD");
  }

  @AfterEach
  void close() {
    subscriptions.close();
  }

  @Test
  void shouldCreateTheCustomerAndAnActiveSubscriptionOnceWhenTheSamePostIsRepeated() {
    Map<String, Object> body =
        subscription("sub_1", "cus_1", "basic", Map.of("subscription_at", "2026-11-01T00:00:00Z"));
    String lagoId =
        org.api()
            .body(body)
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(200)
            .body("subscription.status", equalTo("active"))
            .body("subscription.plan_code", equalTo("basic"))
            .body("subscription.plan_amount_cents", equalTo(1000))
            .body("subscription.plan_amount_currency", equalTo("USD"))
            .body("subscription.billing_time", equalTo("calendar"))
            .body("subscription.started_at", equalTo("2026-11-01T00:00:00Z"))
            .body("subscription.external_customer_id", equalTo("cus_1"))
            .body("subscription.current_billing_period_started_at", equalTo("2026-11-01T00:00:00Z"))
            .body("subscription.current_billing_period_ending_at", equalTo("2026-11-30T23:59:59Z"))
            .extract()
            .path("subscription.lago_id");

    org.api()
        .body(body)
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200)
        .body("subscription.lago_id", equalTo(lagoId));
    // Lago creates an unknown customer; the plan sets its currency
    org.api()
        .get("/api/v1/customers/cus_1")
        .then()
        .statusCode(200)
        .body("customer.currency", equalTo("USD"));
    org.api()
        .get("/api/v1/subscriptions?external_customer_id=cus_1")
        .then()
        .body("subscriptions", hasSize(1))
        .body("meta.total_count", equalTo(1));

    await().atMost(Duration.ofSeconds(10)).until(() -> !subscriptions.withKey(lagoId).isEmpty());
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    var messages = subscriptions.withKey(lagoId);
    assertThat(messages).hasSize(1);
    SubscriptionMessage m = MessageCodec.decode(messages.get(0).value(), SubscriptionMessage.class);
    assertThat(m.organizationId()).isEqualTo(org.id());
    assertThat(m.status()).isEqualTo("active");
    assertThat(m.planCode()).isEqualTo("basic");
    assertThat(m.externalCustomerId()).isEqualTo("cus_1");
    assertThat(m.startedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(m.timezone()).isEqualTo("UTC");
    assertThat(TopicTail.headers(messages.get(0))).containsEntry("type", SubscriptionMessage.TYPE);
  }

  @Test
  void shouldStartASubscriptionCreatedWithoutSubscriptionAtAtTheCurrentSecond() {
    CLOCK.set(Instant.parse("2026-11-10T12:00:16.500Z"));
    String lagoId =
        org.api()
            .body(subscription("sub_now", "cus_now", "basic", Map.of()))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(200)
            .body("subscription.started_at", equalTo("2026-11-10T12:00:16Z"))
            .body("subscription.subscription_at", equalTo("2026-11-10T12:00:16Z"))
            .extract()
            .path("subscription.lago_id");

    await().atMost(Duration.ofSeconds(10)).until(() -> !subscriptions.withKey(lagoId).isEmpty());
    SubscriptionMessage m =
        MessageCodec.decode(
            subscriptions.withKey(lagoId).get(0).value(), SubscriptionMessage.class);
    // billing (rating) meters from the same boundary the API shows: an event at 12:00:16 is in
    assertThat(m.startedAt()).isEqualTo(Instant.parse("2026-11-10T12:00:16Z"));
  }

  @Test
  void shouldKeepAFutureSubscriptionPendingUntilItsStartAndThenActivateIt() {
    org.api()
        .body(
            subscription(
                "sub_f", "cus_f", "basic", Map.of("subscription_at", "2026-12-01T00:00:00Z")))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200)
        .body("subscription.status", equalTo("pending"))
        .body("subscription.started_at", nullValue());
    org.api().get("/api/v1/subscriptions/sub_f").then().statusCode(404);
    org.api()
        .get("/api/v1/subscriptions/sub_f?status=pending")
        .then()
        .statusCode(200)
        .body("subscription.status", equalTo("pending"));

    CLOCK.set(Instant.parse("2026-12-01T00:00:30Z"));
    subscriptionClock.runOnce().await().indefinitely();

    org.api()
        .get("/api/v1/subscriptions/sub_f")
        .then()
        .statusCode(200)
        .body("subscription.status", equalTo("active"))
        .body("subscription.started_at", equalTo("2026-12-01T00:00:00Z"));
  }

  @Test
  void shouldTerminateAnActiveSubscriptionAndCancelAPendingOne() {
    org.api()
        .body(subscription("sub_t", "cus_t", "basic", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200);
    org.api()
        .delete("/api/v1/subscriptions/sub_t?on_termination_invoice=skip")
        .then()
        .statusCode(200)
        .body("subscription.status", equalTo("terminated"))
        .body("subscription.terminated_at", equalTo("2026-11-10T12:00:00Z"))
        .body("subscription.on_termination_invoice", equalTo("skip"));
    org.api()
        .delete("/api/v1/subscriptions/sub_t")
        .then()
        .statusCode(404)
        .body("code", equalTo("subscription_not_found"));
    org.api().get("/api/v1/subscriptions/sub_t?status=terminated").then().statusCode(200);

    org.api()
        .body(
            subscription(
                "sub_p", "cus_t", "basic", Map.of("subscription_at", "2027-01-01T00:00:00Z")))
        .post("/api/v1/subscriptions")
        .then()
        .body("subscription.status", equalTo("pending"));
    org.api().delete("/api/v1/subscriptions/sub_p").then().statusCode(404);
    org.api()
        .delete("/api/v1/subscriptions/sub_p?status=pending")
        .then()
        .statusCode(200)
        .body("subscription.status", equalTo("canceled"))
        .body("subscription.canceled_at", equalTo("2026-11-10T12:00:00Z"));
  }

  @Test
  void shouldUpgradeAtOnceAndKeepTheAnniversaryAnchor() {
    org.api()
        .body(
            subscription(
                "sub_u", "cus_u", "basic", Map.of("subscription_at", "2026-11-01T00:00:00Z")))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200);
    String newId =
        org.api()
            .body(subscription("sub_u", "cus_u", "premium", Map.of()))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(200)
            .body("subscription.status", equalTo("active"))
            .body("subscription.plan_code", equalTo("premium"))
            .body("subscription.previous_plan_code", equalTo("basic"))
            .body("subscription.started_at", equalTo("2026-11-10T12:00:00Z"))
            .body("subscription.subscription_at", equalTo("2026-11-01T00:00:00Z"))
            .extract()
            .path("subscription.lago_id");
    org.api()
        .get("/api/v1/subscriptions/sub_u?status=terminated")
        .then()
        .body("subscription.plan_code", equalTo("basic"))
        .body("subscription.next_plan_code", equalTo("premium"))
        .body("subscription.terminated_at", equalTo("2026-11-10T12:00:00Z"));

    await().atMost(Duration.ofSeconds(10)).until(() -> !subscriptions.withKey(newId).isEmpty());
    SubscriptionMessage m =
        MessageCodec.decode(subscriptions.withKey(newId).get(0).value(), SubscriptionMessage.class);
    assertThat(m.previousSubscriptionId()).isNotNull();
    assertThat(m.startedAt()).isEqualTo(NOV_10);
  }

  @Test
  void shouldDowngradeAtTheEndOfThePeriod() {
    org.api()
        .body(
            subscription(
                "sub_d", "cus_d", "premium", Map.of("subscription_at", "2026-11-01T00:00:00Z")))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200);
    org.api()
        .body(subscription("sub_d", "cus_d", "basic", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200)
        .body("subscription.status", equalTo("active"))
        .body("subscription.plan_code", equalTo("premium"))
        .body("subscription.next_plan_code", equalTo("basic"))
        .body("subscription.downgrade_plan_date", equalTo("2026-12-01"));
    org.api()
        .get("/api/v1/subscriptions/sub_d?status=pending")
        .then()
        .body("subscription.plan_code", equalTo("basic"))
        .body("subscription.previous_plan_code", equalTo("premium"));

    CLOCK.set(Instant.parse("2026-11-30T23:59:00Z"));
    subscriptionClock.runOnce().await().indefinitely();
    org.api()
        .get("/api/v1/subscriptions/sub_d")
        .then()
        .body("subscription.plan_code", equalTo("premium"));

    CLOCK.set(Instant.parse("2026-12-01T00:01:00Z"));
    subscriptionClock.runOnce().await().indefinitely();
    org.api()
        .get("/api/v1/subscriptions/sub_d")
        .then()
        .body("subscription.plan_code", equalTo("basic"))
        .body("subscription.started_at", equalTo("2026-12-01T00:00:00Z"));
    org.api()
        .get("/api/v1/subscriptions/sub_d?status=terminated")
        .then()
        .body("subscription.plan_code", equalTo("premium"))
        .body("subscription.terminated_at", equalTo("2026-12-01T00:00:00Z"));
    org.api()
        .get("/api/v1/subscriptions?external_customer_id=cus_d&status[]=active&status[]=terminated")
        .then()
        .body("subscriptions", hasSize(2));
  }

  @Test
  void shouldUpdateTheNameAndEndingDateAndTerminateAtTheEndingDate() {
    org.api()
        .body(subscription("sub_e", "cus_e", "basic", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200);
    org.api()
        .body(Map.of("subscription", Map.of("name", "Repo A", "ending_at", "2026-11-20T00:00:00Z")))
        .put("/api/v1/subscriptions/sub_e")
        .then()
        .statusCode(200)
        .body("subscription.name", equalTo("Repo A"))
        .body("subscription.ending_at", equalTo("2026-11-20T00:00:00Z"));
    org.api()
        .body(Map.of("subscription", Map.of("ending_at", "2026-11-01T00:00:00Z")))
        .put("/api/v1/subscriptions/sub_e")
        .then()
        .statusCode(422)
        .body("error_details.ending_at[0]", equalTo("invalid_date"));

    CLOCK.set(Instant.parse("2026-11-20T00:00:05Z"));
    subscriptionClock.runOnce().await().indefinitely();
    org.api()
        .get("/api/v1/subscriptions/sub_e?status=terminated")
        .then()
        .body("subscription.terminated_at", equalTo("2026-11-20T00:00:00Z"))
        .body("subscription.name", equalTo("Repo A"));
  }

  @Test
  void shouldAnswerLagosErrorsForUnknownPlanCurrencyMismatchAndMissingFields() {
    org.api()
        .body(subscription("sub_x", "cus_x", "no_such_plan", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(404)
        .body("status", equalTo(404))
        .body("error", equalTo("Not Found"))
        .body("code", equalTo("plan_not_found"));

    org.api()
        .body(Map.of("customer", Map.of("external_id", "cus_eur", "currency", "EUR")))
        .post("/api/v1/customers")
        .then()
        .statusCode(200);
    org.api()
        .body(subscription("sub_x", "cus_eur", "basic", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("code", equalTo("validation_errors"))
        .body("error_details.currency[0]", equalTo("currencies_does_not_match"));

    org.api()
        .body(
            Map.of(
                "subscription",
                Map.of(
                    "external_customer_id",
                    "cus_x",
                    "plan_code",
                    "basic",
                    "billing_time",
                    "weekly")))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("error_details.external_id[0]", equalTo("value_is_mandatory"))
        .body("error_details.billing_time[0]", equalTo("value_is_invalid"));
    org.api()
        .body(subscription("sub_x", "cus_x", "basic", Map.of("subscription_at", "yesterday")))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("error_details.subscription_at[0]", equalTo("invalid_date"));
    org.api().get("/api/v1/subscriptions/sub_x").then().statusCode(404);
  }

  @Test
  void shouldIgnoreAReplayedOrOlderPlanMessageAndRefuseADeletedPlan() {
    PlanMessage v2 = TestPlans.revised(basic, 1_500, false);
    String v2Id = TestPlans.send(v2);
    TestPlans.awaitRevision(basic.planId(), 2);
    TestPlans.send(basic); // revision 1 again, under a new id: older, ignored
    TestPlans.send(v2, v2Id); // the same message again: already processed
    PlanMessage deleted = TestPlans.publish(TestPlans.revised(v2, 1_500, true));

    org.api()
        .body(subscription("sub_z", "cus_z", "basic", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(404)
        .body("code", equalTo("plan_not_found"));
    assertThat(
            dev.billing.testkit.TestDatabase.query(
                "SELECT revision, amount_cents, deleted FROM plans WHERE plan_id = ?",
                deleted.planId()))
        .containsExactly(Map.of("revision", 3L, "amount_cents", 1_500L, "deleted", true));
  }

  @Test
  void shouldNotShowOrTerminateAnotherOrganizationsSubscription() {
    org.api()
        .body(subscription("sub_o", "cus_o", "basic", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(200);
    TestOrganization other = createAuthenticatedOrganization("Other");
    other.api().get("/api/v1/subscriptions/sub_o").then().statusCode(404);
    other.api().delete("/api/v1/subscriptions/sub_o").then().statusCode(404);
    other.api().get("/api/v1/subscriptions").then().body("subscriptions", hasSize(0));
    // org B has no plan "basic": its own catalog only
    other
        .api()
        .body(subscription("sub_o", "cus_o", "basic", Map.of()))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(404)
        .body("code", equalTo("plan_not_found"));
    org.api().get("/api/v1/subscriptions/sub_o").then().statusCode(200);
  }

  private static Map<String, Object> subscription(
      String externalId, String customer, String plan, Map<String, Object> extra) {
    Map<String, Object> fields = new HashMap<>(extra);
    fields.put("external_id", externalId);
    fields.put("external_customer_id", customer);
    fields.put("plan_code", plan);
    return Map.of("subscription", fields);
  }
}
