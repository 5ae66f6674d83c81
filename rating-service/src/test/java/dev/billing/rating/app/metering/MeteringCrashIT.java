package dev.billing.rating.app.metering;

import static dev.billing.rating.support.Catalog.api;
import static dev.billing.rating.support.Catalog.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.ServiceProcess;
import dev.billing.testkit.TestEvents;
import dev.billing.testkit.TestOrganizations;
import dev.billing.testkit.TestSubscriptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The packaged rating-service killed with SIGKILL while metering a stream, then started again: the
 * totals equal those of the events sent, exactly once each.
 */
class MeteringCrashIT {

  private static final int EVENTS = 20_000;
  private static final int PORT = 18282;
  private static final Map<String, String> ENV =
      Map.of(
          "BILLING_ADMIN_TOKEN",
          "crash-it",
          "BILLING_KAFKA_GROUP_PREFIX",
          "rating-crash-it-" + UUID.randomUUID());

  @Test
  void shouldGiveTheSameTotalsAfterAKillInTheMiddleOfTheStream() throws Exception {
    TestOrganization org = TestOrganizations.publish("Metering crash " + UUID.randomUUID());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    SubscriptionMessage subscription =
        new SubscriptionMessage(
            UUID.randomUUID(),
            org.id(),
            1,
            "sub-" + UUID.randomUUID(),
            UUID.randomUUID(),
            "cust-crash",
            "crash_plan",
            "active",
            "anniversary",
            now.minus(Duration.ofHours(1)),
            now.minus(Duration.ofHours(1)),
            null,
            null,
            "UTC",
            null,
            now);

    ServiceProcess first = ServiceProcess.start(PORT, ENV, "metering-crash-it.log");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> api(first, org).get("/api/v1/billable_metrics").statusCode() == 200);
    String metric = Catalog.metric(api(first, org), SeedScenariosTest.sum("Calls", "calls", "n"));
    Catalog.plan(
        api(first, org),
        Catalog.monthlyPlan("crash_plan", metric, "standard", Map.of("amount", "0.01")));
    TestSubscriptions.publish(subscription);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> usage(first, org, subscription).statusCode() == 200);

    // n = 1..20000: the sum is 20000 × 20001 / 2 = 200,010,000 units × $0.01 = $2,000,100.00
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        IntStream.rangeClosed(1, EVENTS)
            .mapToObj(i -> TestEvents.event("e" + i, "calls", now.minusSeconds(60), Map.of("n", i)))
            .toList());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> eventsCount(first, org, subscription) > 2_000);
    first.kill();

    try (ServiceProcess second = ServiceProcess.start(PORT, ENV, "metering-crash-it.log")) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> eventsCount(second, org, subscription) == EVENTS);
      var usage = usage(second, org, subscription).jsonPath();
      assertThat(usage.getString("customer_usage.charges_usage[0].units")).isEqualTo("200010000");
      assertThat(usage.getLong("customer_usage.amount_cents")).isEqualTo(200_010_000L);
    }
  }

  private static int eventsCount(
      ServiceProcess service, TestOrganization org, SubscriptionMessage subscription) {
    var response = usage(service, org, subscription);
    return response.statusCode() != 200
        ? -1
        : response.jsonPath().getInt("customer_usage.charges_usage[0].events_count");
  }
}
