package dev.billing.invoicing.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionFactsTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final PlanTerms MONTHLY = PlanTerms.of(5_000, "USD", PlanInterval.MONTHLY, false);

  @ParameterizedTest(name = "{1} at {0} stops billing on {2}")
  @CsvSource({
    "2026-08-20T15:00:00Z, TERMINATED, 2026-08-21",
    "2026-08-21T00:00:00Z, TERMINATED, 2026-08-21",
    "2026-08-20T15:00:00Z, REPLACED,   2026-08-20",
    "2026-09-01T00:00:00Z, REPLACED,   2026-09-01",
  })
  void shouldBillTheTerminationDayUnlessReplacedWhenStopping(
      Instant at, Termination.Kind kind, LocalDate firstUnbilled) {
    assertThat(new Termination(at, kind).firstUnbilledDay(UTC)).isEqualTo(firstUnbilled);
  }

  @Test
  void shouldEndTheTrialAfterFractionalDaysWhenThePlanHasOne() {
    Instant start = Instant.parse("2026-08-01T06:00:00Z");

    // 1.5 days = 36 hours
    assertThat(Trial.endOf(start, new BigDecimal("1.5")))
        .contains(Instant.parse("2026-08-02T18:00:00Z"));
    assertThat(Trial.endOf(start, BigDecimal.ZERO)).isEmpty();
  }

  @Test
  void shouldPayFromTheDayTheTrialEndsWhenStartedWithATrial() {
    Instant start = Instant.parse("2026-08-01T10:00:00Z");
    SubscriptionFacts sub =
        SubscriptionFacts.started(
            "sub-1",
            MONTHLY.withTrialPeriodDays(BigDecimal.valueOf(14)),
            BillingTime.CALENDAR,
            start,
            UTC);

    assertThat(sub.trialEndsAt()).contains(Instant.parse("2026-08-15T10:00:00Z"));
    assertThat(sub.firstPaidDay()).isEqualTo(LocalDate.of(2026, 8, 15));
    assertThat(sub.startDate()).isEqualTo(LocalDate.of(2026, 8, 1));
  }

  @Test
  void shouldCountDaysInTheCustomerZoneWhenTheStartIsLateInTheUtcDay() {
    SubscriptionFacts sub =
        SubscriptionFacts.started(
            "sub-1",
            MONTHLY,
            BillingTime.ANNIVERSARY,
            Instant.parse("2026-08-31T16:00:00Z"),
            ZoneId.of("Asia/Tokyo"));

    // 16:00Z is already September 1st, 01:00 in Tokyo
    assertThat(sub.anchorDate()).isEqualTo(LocalDate.of(2026, 9, 1));
  }
}
