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
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TestOrganizations;
import dev.billing.testkit.TestSubscriptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

/**
 * rating-service deployed as a worker (consumers, outbox relay, scheduled jobs) and an API-only
 * replica beside it: the replica answers the API from what the worker meters, and takes no part in
 * the work.
 */
class ApiOnlyReplicaIT {

  private static final int WORKER_PORT = 18283;
  private static final int API_PORT = 18284;

  @Test
  void shouldAnswerTheApiFromWhatTheWorkerMetersWithoutConsumingItself() throws Exception {
    String groupPrefix = "rating-api-only-it-" + UUID.randomUUID();
    Map<String, String> env =
        Map.of("BILLING_ADMIN_TOKEN", "api-only-it", "BILLING_KAFKA_GROUP_PREFIX", groupPrefix);
    Map<String, String> apiOnly = new HashMap<>(env);
    apiOnly.put("BILLING_API_ONLY", "true");
    TestOrganization org = TestOrganizations.publish("API-only replica " + UUID.randomUUID());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    try (ServiceProcess worker = ServiceProcess.start(WORKER_PORT, env, "api-only-it-worker.log")) {
      Set<String> groups =
          Set.of(groupPrefix + ".events-meter", groupPrefix + ".subscriptions-read-model");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> members(groups).values().stream().allMatch(n -> n > 0));
      Map<String, Integer> workerMembers = members(groups);

      try (ServiceProcess api = ServiceProcess.start(API_PORT, apiOnly, "api-only-it-api.log")) {
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> api(api, org).get("/api/v1/billable_metrics").statusCode() == 200);
        String metric = Catalog.metric(api(api, org), SeedScenariosTest.sum("Calls", "calls", "n"));
        Catalog.plan(
            api(api, org),
            Catalog.monthlyPlan("replica_plan", metric, "standard", Map.of("amount", "0.25")));
        SubscriptionMessage subscription =
            TestSubscriptions.active(
                org.id(),
                "sub-" + UUID.randomUUID(),
                "cust-replica",
                "replica_plan",
                now.minus(Duration.ofHours(1)));
        TestSubscriptions.publish(subscription);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> usage(api, org, subscription).statusCode() == 200);

        TestEvents.send(
            org.id(),
            subscription.externalId(),
            IntStream.rangeClosed(1, 3)
                .mapToObj(
                    i -> TestEvents.event("r" + i, "calls", now.minusSeconds(60), Map.of("n", i)))
                .toList());
        // (1 + 2 + 3) calls x $0.25 = $1.50, metered by the worker, read through the replica
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    usage(api, org, subscription).statusCode() == 200
                        && usage(api, org, subscription)
                                .jsonPath()
                                .getInt("customer_usage.amount_cents")
                            == 150);
        assertThat(members(groups)).isEqualTo(workerMembers);
      }
    }
  }

  /** Members of each consumer group. */
  private static Map<String, Integer> members(Set<String> groups) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      Map<String, ConsumerGroupDescription> described =
          admin.describeConsumerGroups(groups).all().get();
      return described.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().members().size()));
    }
  }
}
