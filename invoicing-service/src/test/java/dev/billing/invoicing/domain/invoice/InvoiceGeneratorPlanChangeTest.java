package dev.billing.invoicing.domain.invoice;

import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.GENERATOR;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.advance;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.amounts;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.arrears;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.charge;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.concat;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.run;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.started;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.invoicing.domain.billing.PlanChange;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.platform.billing.BillingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plan changes and terminations: each plan billed to the day, unused advance fees credited. */
class InvoiceGeneratorPlanChangeTest {

  @Test
  void shouldInvoiceBothPlansToTheDayWhenUpgradingMidPeriod() {
    SubscriptionFacts current =
        started(arrears(5_000), BillingTime.CALENDAR, "2026-07-01T00:00:00Z");
    Instant upgradeAt = Instant.parse("2026-08-20T10:00:00Z");
    PlanChange upgrade = PlanChange.of(current, "sub-2", arrears(10_000), upgradeAt);
    List<FeeLine> julyBilled = run(current, "2026-08-01T00:00:00Z", List.of()).lines();

    GeneratedFees oldPlan =
        GENERATOR.generate(upgrade.previous(), upgradeAt, List.of(), List.of(), julyBilled);
    GeneratedFees newPlan = run(upgrade.next(), "2026-09-01T00:00:00Z", List.of());

    // old: 19 days (Aug 1..19) × $50 / 31 = $30.645 → $30.65
    // new: 12 days (Aug 20..31, the upgrade day included) × $100 / 31 = $38.709 → $38.71
    assertThat(amounts(oldPlan.lines())).containsExactly(usd(3_065));
    assertThat(amounts(newPlan.lines())).containsExactly(usd(3_871));
    assertThat(newPlan.lines().get(0).periodFrom()).isEqualTo(LocalDate.of(2026, 8, 20));
  }

  @Test
  void shouldCreditTheUnusedDaysWhenUpgradingAPlanPaidInAdvance() {
    SubscriptionFacts current =
        started(advance(5_000), BillingTime.CALENDAR, "2026-07-01T00:00:00Z");
    Instant upgradeAt = Instant.parse("2026-08-20T10:00:00Z");
    PlanChange upgrade = PlanChange.of(current, "sub-2", advance(10_000), upgradeAt);
    List<FeeLine> billed = run(current, "2026-08-01T00:00:00Z", List.of()).lines();

    GeneratedFees oldPlan =
        GENERATOR.generate(upgrade.previous(), upgradeAt, List.of(), List.of(), billed);
    GeneratedFees newPlan = run(upgrade.next(), "2026-08-20T10:00:00Z", List.of());

    // August was paid $50.00; only 19 days are used: $30.65, so $19.35 goes to a credit note
    assertThat(amounts(billed)).containsExactly(usd(5_000), usd(5_000));
    assertThat(oldPlan.lines()).isEmpty();
    assertThat(amounts(oldPlan.credits())).containsExactly(usd(-1_935));
    assertThat(amounts(newPlan.lines())).containsExactly(usd(3_871));
  }

  @Test
  void shouldBillTheOldPlanFullyWhenDowngradingAtPeriodEnd() {
    SubscriptionFacts current =
        started(arrears(10_000), BillingTime.CALENDAR, "2026-07-01T00:00:00Z");
    PlanChange downgrade =
        PlanChange.of(current, "sub-2", arrears(5_000), Instant.parse("2026-08-20T10:00:00Z"));
    List<FeeLine> julyBilled = run(current, "2026-08-01T00:00:00Z", List.of()).lines();

    GeneratedFees oldPlan =
        GENERATOR.generate(
            downgrade.previous(), downgrade.effectiveAt(), List.of(), List.of(), julyBilled);
    GeneratedFees newPlanAtSwitch = run(downgrade.next(), "2026-09-01T00:00:00Z", List.of());
    GeneratedFees newPlanAtEnd = run(downgrade.next(), "2026-10-01T00:00:00Z", List.of());

    // August: the old $100.00 in full; September: the new $50.00, in arrears
    assertThat(downgrade.effectiveAt()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
    assertThat(amounts(oldPlan.lines())).containsExactly(usd(10_000));
    assertThat(newPlanAtSwitch.isEmpty()).isTrue();
    assertThat(amounts(newPlanAtEnd.lines())).containsExactly(usd(5_000));
  }

  @Test
  void shouldProrateToTheTerminationDayWhenTerminatedMidPeriod() {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-07-01T00:00:00Z");
    List<FeeLine> julyBilled = run(sub, "2026-08-01T00:00:00Z", List.of()).lines();
    Instant terminatedAt = Instant.parse("2026-08-20T15:00:00Z");
    FeeLine usageToDate = charge("2026-08-01", "2026-08-21", "7.50");

    GeneratedFees last =
        GENERATOR.generate(
            sub.terminatedAt(terminatedAt),
            terminatedAt,
            List.of(usageToDate),
            List.of(),
            julyBilled);
    List<FeeLine> billed = concat(julyBilled, last.lines());
    GeneratedFees afterwards =
        GENERATOR.generate(
            sub.terminatedAt(terminatedAt),
            Instant.parse("2026-10-01T00:00:00Z"),
            List.of(),
            List.of(),
            billed);

    // 20 days (Aug 1..20, termination day included) × $50 / 31 = $32.258 → $32.26, plus usage
    assertThat(amounts(last.lines())).containsExactly(usd(3_226), usd(750));
    assertThat(afterwards.isEmpty()).isTrue();
  }

  @Test
  void shouldCreditTheUnusedDaysWhenAPlanPaidInAdvanceIsTerminatedMidPeriod() {
    SubscriptionFacts sub = started(advance(5_000), BillingTime.CALENDAR, "2026-07-01T00:00:00Z");
    List<FeeLine> billed = run(sub, "2026-08-01T00:00:00Z", List.of()).lines();
    Instant terminatedAt = Instant.parse("2026-08-20T15:00:00Z");

    GeneratedFees fees =
        GENERATOR.generate(
            sub.terminatedAt(terminatedAt), terminatedAt, List.of(), List.of(), billed);

    // used Aug 1..20: 20 × $50 / 31 = $32.26; paid $50.00; $17.74 to credit
    assertThat(fees.lines()).isEmpty();
    assertThat(amounts(fees.credits())).containsExactly(usd(-1_774));
  }

  @Test
  void shouldCreditAPeriodPaidInAdvanceWhenTerminatedBeforeItStarted() {
    SubscriptionFacts sub = started(advance(5_000), BillingTime.CALENDAR, "2026-07-01T00:00:00Z");
    List<FeeLine> billed = run(sub, "2026-09-01T00:00:00Z", List.of()).lines();
    Instant midnight = Instant.parse("2026-09-01T00:00:00Z");

    GeneratedFees fees =
        GENERATOR.generate(sub.terminatedAt(midnight), midnight, List.of(), List.of(), billed);

    // ended at the very start of September: its $50.00 paid in advance is credited in full
    assertThat(amounts(billed)).containsExactly(usd(5_000), usd(5_000), usd(5_000));
    assertThat(fees.lines()).isEmpty();
    assertThat(amounts(fees.credits())).containsExactly(usd(-5_000));
    assertThat(fees.credits().get(0).key()).isEqualTo("subscription:sub-1:2026-09-01");
  }
}
