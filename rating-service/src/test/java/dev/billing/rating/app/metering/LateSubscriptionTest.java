package dev.billing.rating.app.metering;

import static dev.billing.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestDatabase;
import dev.billing.testkit.TestEvents;
import dev.billing.testkit.TestSubscriptions;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events usually reach rating before their subscription does (the subscription travels through
 * invoicing's outbox). Whatever the interleaving, once the subscription is known its events bill.
 */
@QuarkusTest
class LateSubscriptionTest {

  @Test
  void shouldBillEventsMeteredWhileTheirSubscriptionArrives() throws Exception {
    TestOrganization org = Catalog.organization("Late subscription");
    String metric = Catalog.metric(org, SeedScenariosTest.sum("Storage", "late_storage_gb", "gb"));
    Catalog.plan(org, Catalog.monthlyPlan("late", metric, "standard", Map.of("amount", "2")));
    SubscriptionMessage subscription =
        TestSubscriptions.active(
            org.id(),
            "late-" + UUID.randomUUID(),
            "cust-" + UUID.randomUUID(),
            "late",
            Catalog.NOVEMBER);
    Instant at = SeedScenariosTest.day(3);

    try (Connection slowCommit = TestDatabase.connect()) {
      slowCommit.setAutoCommit(false);
      // Holds the error row the metering transaction will write for the event, so that the
      // transaction has decided "no subscription" but cannot commit until this one ends.
      try (PreparedStatement hold =
          slowCommit.prepareStatement(
              "INSERT INTO event_errors (organization_id, external_subscription_id,"
                  + " transaction_id, code, error, timestamp)"
                  + " VALUES (?, ?, 'late-1', 'late_storage_gb', 'no_active_subscription', ?)")) {
        hold.setObject(1, org.id());
        hold.setString(2, subscription.externalId());
        hold.setTimestamp(3, Timestamp.from(at));
        hold.executeUpdate();
      }
      TestEvents.send(
          org.id(),
          subscription.externalId(),
          List.of(event("late-1", "late_storage_gb", at, Map.of("gb", 4))));
      await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLocks() >= 1);

      TestSubscriptions.publish(subscription);
      // the subscription is applied and rebuilt at once, or waits for the metering transaction
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> rebuildDone(subscription.subscriptionId()) || waitingOnLocks() >= 2);
      slowCommit.rollback();
    }

    // 4 GB x $2 = $8.00
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Catalog.usage(org, subscription).statusCode() == 200
                    && Catalog.usage(org, subscription)
                            .jsonPath()
                            .getInt("customer_usage.amount_cents")
                        == 800);
    assertThat(
            Catalog.usage(org, subscription)
                .jsonPath()
                .getInt("customer_usage.charges_usage[0].events_count"))
        .isEqualTo(1);
  }

  @Test
  void shouldMeterEventsSentBeforeABackdatedSubscriptionExistedAndDropTheirErrors() {
    TestOrganization org = Catalog.organization("Backdated subscription");
    String metric = Catalog.metric(org, SeedScenariosTest.sum("Storage", "back_storage_gb", "gb"));
    Catalog.plan(org, Catalog.monthlyPlan("back", metric, "standard", Map.of("amount", "2")));
    // created on the 10th, backdated with subscription_at to the start of the month
    SubscriptionMessage subscription =
        TestSubscriptions.active(
            org.id(),
            "back-" + UUID.randomUUID(),
            "cust-" + UUID.randomUUID(),
            "back",
            Catalog.NOVEMBER);
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("back-1", "back_storage_gb", SeedScenariosTest.day(3), Map.of("gb", 4)),
            event("back-2", "back_storage_gb", SeedScenariosTest.day(5), Map.of("gb", 1.5))));
    await().atMost(Duration.ofSeconds(20)).until(() -> errorsOf(subscription.externalId()) == 2);

    TestSubscriptions.publish(subscription);

    // (4 + 1.5) GB x $2 = $11.00
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Catalog.usage(org, subscription).statusCode() == 200
                    && Catalog.usage(org, subscription)
                            .jsonPath()
                            .getInt("customer_usage.amount_cents")
                        == 1100);
    assertThat(errorsOf(subscription.externalId())).isZero();
  }

  private static long errorsOf(String externalSubscriptionId) {
    return (Long)
        TestDatabase.query(
                "SELECT count(*) AS n FROM event_errors WHERE external_subscription_id = ?",
                externalSubscriptionId)
            .get(0)
            .get("n");
  }

  private static long waitingOnLocks() {
    return (Long)
        TestDatabase.query(
                "SELECT count(*) AS n FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .get(0)
            .get("n");
  }

  private static boolean rebuildDone(UUID subscriptionId) {
    return !TestDatabase.query(
            "SELECT 1 FROM rerate_requests WHERE subscription_id = ? AND done_at IS NOT NULL",
            subscriptionId)
        .isEmpty();
  }
}
