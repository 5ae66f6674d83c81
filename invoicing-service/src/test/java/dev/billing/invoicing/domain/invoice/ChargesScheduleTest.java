package dev.billing.invoicing.domain.invoice;

import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.arrears;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.invoicing.domain.invoice.ChargesSchedule.ChargesPeriod;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargesScheduleTest {

  private static final SubscriptionFacts AUG_10 =
      started(arrears(5000), BillingTime.CALENDAR, "2026-08-10T09:30:00Z");

  @Test
  void shouldCloseTheFirstCutPeriodAtTheMonthEnd() {
    assertThat(ChargesSchedule.closedBy(AUG_10, Instant.parse("2026-08-31T23:59:59Z"), null))
        .isEmpty();

    List<ChargesPeriod> closed =
        ChargesSchedule.closedBy(AUG_10, Instant.parse("2026-09-01T00:00:00Z"), null);

    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).full().fromDate()).isEqualTo(LocalDate.parse("2026-08-01"));
    assertThat(closed.get(0).active().fromDate()).isEqualTo(LocalDate.parse("2026-08-10"));
    assertThat(closed.get(0).active().toDate()).isEqualTo(LocalDate.parse("2026-09-01"));
    assertThat(closed.get(0).opensAt()).isEqualTo(Instant.parse("2026-08-10T09:30:00Z"));
    assertThat(closed.get(0).closesAt()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
  }

  @Test
  void shouldSkipWhatWasBilledAndCatchUpSeveralPeriods() {
    List<ChargesPeriod> closed =
        ChargesSchedule.closedBy(
            AUG_10, Instant.parse("2026-11-02T00:00:00Z"), LocalDate.parse("2026-09-01"));

    assertThat(closed)
        .extracting(p -> p.active().fromDate().toString())
        .containsExactly("2026-09-01", "2026-10-01");
  }

  @Test
  void shouldCloseAtTheTerminationInstant() {
    SubscriptionFacts terminated = AUG_10.terminatedAt(Instant.parse("2026-09-15T10:00:00Z"));

    List<ChargesPeriod> closed =
        ChargesSchedule.closedBy(
            terminated, Instant.parse("2026-09-15T10:00:00Z"), LocalDate.parse("2026-09-01"));

    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).closesAt()).isEqualTo(Instant.parse("2026-09-15T10:00:00Z"));
    assertThat(closed.get(0).active().toDate()).isEqualTo(LocalDate.parse("2026-09-16"));
    // nothing after the termination, however late the run
    assertThat(
            ChargesSchedule.closedBy(
                terminated, Instant.parse("2027-01-01T00:00:00Z"), LocalDate.parse("2026-09-16")))
        .isEmpty();
  }

  @Test
  void shouldCloseAtTheCustomersMidnight() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    SubscriptionFacts sub =
        SubscriptionFacts.started(
            "sub-tokyo",
            arrears(1000),
            BillingTime.CALENDAR,
            Instant.parse("2026-10-31T15:00:00Z"), // November 1st, 00:00 in Tokyo
            tokyo);

    assertThat(ChargesSchedule.closedBy(sub, Instant.parse("2026-11-30T14:59:59Z"), null))
        .isEmpty();
    List<ChargesPeriod> closed =
        ChargesSchedule.closedBy(sub, Instant.parse("2026-11-30T15:00:00Z"), null);
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).closesAt()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
  }

  @Test
  void shouldBillChargesMonthlyUnderAYearlyPlan() {
    PlanTerms yearly =
        PlanTerms.of(120_000, "USD", PlanInterval.YEARLY, true).withBillChargesMonthly(true);
    SubscriptionFacts sub =
        SubscriptionFacts.started(
            "sub-yearly",
            yearly,
            BillingTime.CALENDAR,
            Instant.parse("2026-01-01T00:00:00Z"),
            ZoneId.of("UTC"));

    assertThat(ChargesSchedule.closedBy(sub, Instant.parse("2026-03-01T00:00:00Z"), null))
        .extracting(p -> p.full().fromDate().toString())
        .containsExactly("2026-01-01", "2026-02-01");
  }
}
