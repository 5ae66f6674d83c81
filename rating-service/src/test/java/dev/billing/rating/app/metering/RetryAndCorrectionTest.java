package dev.billing.rating.app.metering;

import static dev.billing.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Same organization + subscription + transaction_id: same content bills once, new content replaces.
 */
@QuarkusTest
class RetryAndCorrectionTest {

  @Test
  void shouldBillARetryOnceAndLetACorrectionReplaceTheEarlierVersion() {
    TestOrganization org = Catalog.organization("Retries");
    String metric = Catalog.metric(org, SeedScenariosTest.sum("Storage", "storage_gb", "gb"));
    Catalog.plan(org, Catalog.monthlyPlan("storage", metric, "standard", Map.of("amount", "1")));
    SubscriptionMessage subscription = Catalog.subscribe(org, "storage");

    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("a", "storage_gb", SeedScenariosTest.day(3), Map.of("gb", 10)),
            event("b", "storage_gb", SeedScenariosTest.day(4), Map.of("gb", 5))));
    assertThat(Catalog.usageAfter(org, subscription, 2).getInt("customer_usage.amount_cents"))
        .isEqualTo(1500); // 15 GB × $1

    // a retry: same content again, twice
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("a", "storage_gb", SeedScenariosTest.day(3), Map.of("gb", 10)),
            event("a", "storage_gb", SeedScenariosTest.day(3), Map.of("gb", 10))));
    // a correction of b, to a marker event after it so we know both were processed
    TestEvents.send(
        org.id(),
        subscription.externalId(),
        List.of(
            event("b", "storage_gb", SeedScenariosTest.day(4), Map.of("gb", 7)),
            event("c", "storage_gb", SeedScenariosTest.day(5), Map.of("gb", 1))));

    JsonPath usage = Catalog.usageAfter(org, subscription, 3);
    // a = 10 (once), b corrected to 7, c = 1: 18 GB × $1 = $18.00
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Catalog.usage(org, subscription).jsonPath().getInt("customer_usage.amount_cents")
                    == 1800);
    assertThat(
            Catalog.usage(org, subscription)
                .jsonPath()
                .getString("customer_usage.charges_usage[0].units"))
        .isEqualTo("18");
    assertThat(usage.getInt("customer_usage.charges_usage[0].events_count")).isEqualTo(3);
  }
}
