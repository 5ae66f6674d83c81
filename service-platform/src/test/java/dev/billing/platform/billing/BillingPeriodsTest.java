package dev.billing.platform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingPeriodsTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @ParameterizedTest(name = "{0} calendar period of {1} is [{2}, {3})")
  @CsvSource({
    // 2026-08-12 is a Wednesday; weeks run Monday to Sunday
    "WEEKLY,     2026-08-12, 2026-08-10, 2026-08-17",
    "WEEKLY,     2026-08-16, 2026-08-10, 2026-08-17",
    "WEEKLY,     2026-08-17, 2026-08-17, 2026-08-24",
    "MONTHLY,    2026-02-14, 2026-02-01, 2026-03-01",
    "MONTHLY,    2028-02-29, 2028-02-01, 2028-03-01",
    "QUARTERLY,  2026-01-01, 2026-01-01, 2026-04-01",
    "QUARTERLY,  2026-05-15, 2026-04-01, 2026-07-01",
    "QUARTERLY,  2026-09-30, 2026-07-01, 2026-10-01",
    "QUARTERLY,  2026-12-31, 2026-10-01, 2027-01-01",
    "SEMIANNUAL, 2026-06-30, 2026-01-01, 2026-07-01",
    "SEMIANNUAL, 2026-08-10, 2026-07-01, 2027-01-01",
    "YEARLY,     2026-08-10, 2026-01-01, 2027-01-01",
    "YEARLY,     1999-03-03, 1999-01-01, 2000-01-01",
  })
  void shouldAlignCalendarPeriodsWhenBillingTimeIsCalendar(
      PlanInterval interval, LocalDate day, LocalDate from, LocalDate to) {
    BillingPeriod period =
        BillingPeriods.fullPeriodContaining(
            interval, BillingTime.CALENDAR, LocalDate.of(2020, 6, 17), day);

    assertThat(period).isEqualTo(BillingPeriod.full(from, to));
  }

  @Test
  void shouldCutTheFirstCalendarPeriodAtTheSubscriptionDate() {
    BillingPeriod first =
        BillingPeriods.firstPeriod(
            PlanInterval.MONTHLY, BillingTime.CALENDAR, LocalDate.of(2026, 8, 10));

    // Aug 10..31 billed out of the 31 days of August
    assertThat(first).isEqualTo(new BillingPeriod(day("2026-08-10"), day("2026-09-01"), 31));
    assertThat(first.days()).isEqualTo(22);
    assertThat(first.isFull()).isFalse();
  }

  @Test
  void shouldMakeTheFirstPeriodFullWhenBillingTimeIsAnniversary() {
    BillingPeriod first =
        BillingPeriods.firstPeriod(
            PlanInterval.MONTHLY, BillingTime.ANNIVERSARY, LocalDate.of(2026, 8, 10));

    assertThat(first).isEqualTo(BillingPeriod.full(day("2026-08-10"), day("2026-09-10")));
    assertThat(first.isFull()).isTrue();
  }

  @ParameterizedTest(name = "anniversary of {0} ({1}) around {2} is [{3}, {4})")
  @CsvSource({
    // the 31st clamps to Feb 28 and returns to the 31st in March
    "2026-01-31, MONTHLY,   2026-02-27, 2026-01-31, 2026-02-28",
    "2026-01-31, MONTHLY,   2026-02-28, 2026-02-28, 2026-03-31",
    "2026-01-31, MONTHLY,   2026-03-30, 2026-02-28, 2026-03-31",
    "2026-01-31, MONTHLY,   2026-04-15, 2026-03-31, 2026-04-30",
    "2026-01-31, MONTHLY,   2026-05-01, 2026-04-30, 2026-05-31",
    "2028-01-31, MONTHLY,   2028-02-29, 2028-02-29, 2028-03-31",
    "2026-01-29, MONTHLY,   2026-03-01, 2026-02-28, 2026-03-29",
    "2026-01-30, MONTHLY,   2026-02-28, 2026-02-28, 2026-03-30",
    "2026-11-30, QUARTERLY, 2027-03-01, 2027-02-28, 2027-05-30",
    "2026-08-31, SEMIANNUAL, 2027-03-01, 2027-02-28, 2027-08-31",
    "2028-02-29, YEARLY,    2029-06-01, 2029-02-28, 2030-02-28",
    "2028-02-29, YEARLY,    2031-12-31, 2031-02-28, 2032-02-29",
    // weekly anniversary: Wednesday to Tuesday
    "2026-08-12, WEEKLY,    2026-08-18, 2026-08-12, 2026-08-19",
    "2026-08-12, WEEKLY,    2026-08-19, 2026-08-19, 2026-08-26",
  })
  void shouldRepeatTheSubscriptionDayWhenBillingTimeIsAnniversary(
      LocalDate subscribed, PlanInterval interval, LocalDate day, LocalDate from, LocalDate to) {
    BillingPeriod period =
        BillingPeriods.periodContaining(interval, BillingTime.ANNIVERSARY, subscribed, day);

    assertThat(period).isEqualTo(BillingPeriod.full(from, to));
  }

  @Test
  void shouldPutThePeriodBoundaryAtLocalMidnightWhenTheCustomerIsInTokyo() {
    Instant subscribedAt = Instant.parse("2026-08-09T15:00:00Z"); // 2026-08-10 00:00 in Tokyo
    Instant lastSecondOfAugust = Instant.parse("2026-08-31T14:59:59Z");
    Instant firstSecondOfSeptember = Instant.parse("2026-08-31T15:00:00Z");

    BillingPeriod august =
        BillingPeriods.periodContaining(
            PlanInterval.MONTHLY, BillingTime.CALENDAR, subscribedAt, lastSecondOfAugust, TOKYO);
    BillingPeriod september =
        BillingPeriods.periodContaining(
            PlanInterval.MONTHLY,
            BillingTime.CALENDAR,
            subscribedAt,
            firstSecondOfSeptember,
            TOKYO);

    assertThat(august).isEqualTo(new BillingPeriod(day("2026-08-10"), day("2026-09-01"), 31));
    assertThat(august.from(TOKYO)).isEqualTo(subscribedAt);
    assertThat(august.to(TOKYO)).isEqualTo(Instant.parse("2026-08-31T15:00:00Z"));
    assertThat(september.from(TOKYO)).isEqualTo(Instant.parse("2026-08-31T15:00:00Z"));
    assertThat(
            BillingPeriods.nextBoundaryAfter(
                PlanInterval.MONTHLY,
                BillingTime.CALENDAR,
                subscribedAt,
                Instant.parse("2026-08-20T00:00:00Z"),
                TOKYO))
        .isEqualTo(Instant.parse("2026-08-31T15:00:00Z"));
  }

  @Test
  void shouldGiveTheFollowingBoundaryWhenTheDayIsItselfABoundary() {
    LocalDate subscribed = day("2026-01-15");

    assertThat(
            BillingPeriods.nextBoundaryAfter(
                PlanInterval.QUARTERLY, BillingTime.CALENDAR, subscribed, day("2026-04-01")))
        .isEqualTo(day("2026-07-01"));
    assertThat(
            BillingPeriods.nextBoundaryAfter(
                PlanInterval.MONTHLY, BillingTime.ANNIVERSARY, subscribed, day("2026-02-15")))
        .isEqualTo(day("2026-03-15"));
  }

  @ParameterizedTest(name = "charges of a {0} {1} plan on {2}: [{3}, {4})")
  @CsvSource({
    "YEARLY,     CALENDAR,    true,  2026-08-20, 2026-08-01, 2026-09-01",
    "YEARLY,     CALENDAR,    true,  2026-03-20, 2026-03-15, 2026-04-01",
    "SEMIANNUAL, ANNIVERSARY, true,  2026-08-20, 2026-08-15, 2026-09-15",
    "YEARLY,     CALENDAR,    false, 2026-08-20, 2026-03-15, 2027-01-01",
    "MONTHLY,    CALENDAR,    true,  2026-08-20, 2026-08-01, 2026-09-01",
  })
  void shouldBillChargesMonthlyWhenTheYearlyPlanSaysSo(
      PlanInterval interval,
      BillingTime time,
      boolean monthlyCharges,
      LocalDate day,
      LocalDate from,
      LocalDate to) {
    BillingPeriod charges =
        BillingPeriods.chargesPeriodContaining(
            interval, monthlyCharges, time, day("2026-03-15"), day);

    assertThat(charges.fromDate()).isEqualTo(from);
    assertThat(charges.toDate()).isEqualTo(to);
  }

  @Test
  void shouldRefuseADayBeforeTheSubscriptionWhenAskedForItsPeriod() {
    assertThatThrownBy(
            () ->
                BillingPeriods.periodContaining(
                    PlanInterval.MONTHLY,
                    BillingTime.CALENDAR,
                    day("2026-08-10"),
                    day("2026-08-09")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }
}
