package dev.billing.invoicing.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanChangeTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant SUBSCRIBED = Instant.parse("2026-06-30T15:00:00Z"); // Jul 1 Tokyo
  private static final Instant REQUESTED = Instant.parse("2026-08-20T03:00:00Z");

  @ParameterizedTest(name = "{0} {1} → {2} {3}: upgrade={4}")
  @CsvSource({
    "5000,   MONTHLY, 10000, MONTHLY, true",
    "5000,   MONTHLY, 5000,  MONTHLY, true",
    // $50 × 12 = $600 a year > $550
    "5000,   MONTHLY, 55000, YEARLY,  false",
    "5000,   MONTHLY, 60000, YEARLY,  true",
    // $10 × 52 = $520 a year < $600
    "5000,   MONTHLY, 1000,  WEEKLY,  false",
  })
  void shouldCompareYearlyAmountsWhenTellingAnUpgradeFromADowngrade(
      long currentCents, PlanInterval current, long nextCents, PlanInterval next, boolean upgrade) {
    assertThat(
            PlanChange.isUpgrade(
                PlanTerms.of(currentCents, "USD", current, false),
                PlanTerms.of(nextCents, "USD", next, false)))
        .isEqualTo(upgrade);
  }

  @Test
  void shouldSwitchImmediatelyWhenUpgrading() {
    SubscriptionFacts current = subscription(5_000);

    PlanChange change =
        PlanChange.of(
            current, "sub-2", PlanTerms.of(10_000, "USD", PlanInterval.MONTHLY, false), REQUESTED);

    assertThat(change.upgrade()).isTrue();
    assertThat(change.effectiveAt()).isEqualTo(REQUESTED);
    assertThat(change.previous().endDateExclusive()).contains(LocalDate.of(2026, 8, 20));
    assertThat(change.next().startedAt()).isEqualTo(REQUESTED);
    assertThat(change.next().subscriptionAt()).isEqualTo(SUBSCRIBED);
    assertThat(change.next().trialEndsAt()).isEmpty();
  }

  @Test
  void shouldWaitForThePeriodEndWhenDowngrading() {
    SubscriptionFacts current = subscription(10_000);

    PlanChange change =
        PlanChange.of(
            current, "sub-2", PlanTerms.of(5_000, "USD", PlanInterval.MONTHLY, false), REQUESTED);

    // September 1st, 00:00 in Tokyo
    assertThat(change.upgrade()).isFalse();
    assertThat(change.effectiveAt()).isEqualTo(Instant.parse("2026-08-31T15:00:00Z"));
    assertThat(change.previous().endDateExclusive()).contains(LocalDate.of(2026, 9, 1));
    assertThat(change.next().startDate()).isEqualTo(LocalDate.of(2026, 9, 1));
  }

  private static SubscriptionFacts subscription(long amountCents) {
    return SubscriptionFacts.started(
        "sub-1",
        PlanTerms.of(amountCents, "USD", PlanInterval.MONTHLY, false),
        BillingTime.CALENDAR,
        SUBSCRIBED,
        TOKYO);
  }
}
