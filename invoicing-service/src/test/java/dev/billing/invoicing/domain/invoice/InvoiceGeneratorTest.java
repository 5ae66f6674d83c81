package dev.billing.invoicing.domain.invoice;

import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.advance;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.amounts;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.arrears;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.charge;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.run;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.started;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subscription fees as a clock moves: proration, advance and arrears, trial, zones, currencies. */
class InvoiceGeneratorTest {

  @Test
  void shouldProrateTheFirstCalendarMonthWhenBilledInArrears() {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-08-10T09:00:00Z");

    GeneratedFees beforeEnd = run(sub, "2026-08-31T23:59:59Z", List.of());
    GeneratedFees atEnd = run(sub, "2026-09-01T00:00:00Z", List.of());

    // 22 × $50 / 31 = $35.4838... → $35.48
    assertThat(beforeEnd.isEmpty()).isTrue();
    assertThat(atEnd.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.key()).isEqualTo("subscription:sub-1:2026-08-01");
              assertThat(line.amount()).isEqualTo(usd(3_548));
              assertThat(line.periodFrom()).isEqualTo(LocalDate.of(2026, 8, 10));
              assertThat(line.periodTo()).isEqualTo(LocalDate.of(2026, 9, 1));
            });
  }

  @Test
  void shouldBillAFullFirstPeriodWhenBillingTimeIsAnniversary() {
    SubscriptionFacts sub =
        started(arrears(5_000), BillingTime.ANNIVERSARY, "2026-08-10T09:00:00Z");

    GeneratedFees fees = run(sub, "2026-09-10T00:00:00Z", List.of());

    // Aug 10 .. Sep 9: the whole period, no proration
    assertThat(amounts(fees.lines())).containsExactly(usd(5_000));
  }

  @Test
  void shouldBillAtThePeriodStartWhenPaidInAdvance() {
    SubscriptionFacts sub = started(advance(5_000), BillingTime.CALENDAR, "2026-08-10T09:00:00Z");

    GeneratedFees atStart = run(sub, "2026-08-10T09:00:00Z", List.of());
    GeneratedFees nextMonth = run(sub, "2026-09-01T00:00:00Z", List.of(), atStart.lines());

    // $35.48 for Aug 10..31 at once, then the whole of September at its start
    assertThat(amounts(atStart.lines())).containsExactly(usd(3_548));
    assertThat(amounts(nextMonth.lines())).containsExactly(usd(5_000));
    assertThat(nextMonth.lines().get(0).key()).isEqualTo("subscription:sub-1:2026-09-01");
  }

  @Test
  void shouldBillAtLocalMidnightWhenTheCustomerIsInTokyo() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    SubscriptionFacts sub =
        SubscriptionFacts.started(
            "sub-1",
            arrears(5_000),
            BillingTime.CALENDAR,
            Instant.parse("2026-08-09T15:00:00Z"), // Aug 10 00:00 in Tokyo
            tokyo);

    GeneratedFees lastSecond = run(sub, "2026-08-31T14:59:59Z", List.of());
    GeneratedFees tokyoMidnight = run(sub, "2026-08-31T15:00:00Z", List.of());

    // 2026-09-01T00:00 Tokyo = 2026-08-31T15:00Z; 22 × $50 / 31 = $35.48
    assertThat(lastSecond.isEmpty()).isTrue();
    assertThat(amounts(tokyoMidnight.lines())).containsExactly(usd(3_548));
  }

  @Test
  void shouldBillNoBaseFeeDuringTheTrialAndProrateAfterIt() {
    PlanTerms terms = arrears(6_200).withTrialPeriodDays(BigDecimal.valueOf(14));
    SubscriptionFacts sub = started(terms, BillingTime.CALENDAR, "2026-08-01T00:00:00Z");
    FeeLine usage = charge("2026-08-01", "2026-09-01", "12.00");

    GeneratedFees august = run(sub, "2026-09-01T00:00:00Z", List.of(usage));
    GeneratedFees september = run(sub, "2026-10-01T00:00:00Z", List.of(), august.lines());

    // trial Aug 1..14; 17 paid days (Aug 15..31) × $62 / 31 = $34.00; usage billed throughout
    assertThat(amounts(august.lines())).containsExactly(usd(3_400), usd(1_200));
    assertThat(august.lines().get(0).periodFrom()).isEqualTo(LocalDate.of(2026, 8, 15));
    assertThat(amounts(september.lines())).containsExactly(usd(6_200));
  }

  @Test
  void shouldBillZeroWhenTheTrialCoversTheWholePeriod() {
    PlanTerms terms = arrears(6_200).withTrialPeriodDays(BigDecimal.valueOf(45));
    SubscriptionFacts sub = started(terms, BillingTime.CALENDAR, "2026-08-01T00:00:00Z");

    GeneratedFees august = run(sub, "2026-09-01T00:00:00Z", List.of());
    GeneratedFees september = run(sub, "2026-10-01T00:00:00Z", List.of(), august.lines());

    // trial ends Sep 15: August is free, then 16 days (Sep 15..30) × $62 / 30 = $33.066 → $33.07
    assertThat(amounts(august.lines())).containsExactly(usd(0));
    assertThat(amounts(september.lines())).containsExactly(usd(3_307));
  }

  @Test
  void shouldBillInAdvanceWhenTheTrialEnds() {
    PlanTerms terms = advance(6_200).withTrialPeriodDays(BigDecimal.valueOf(14));
    SubscriptionFacts sub = started(terms, BillingTime.CALENDAR, "2026-08-01T00:00:00Z");

    GeneratedFees atStart = run(sub, "2026-08-01T00:00:00Z", List.of());
    GeneratedFees atTrialEnd = run(sub, "2026-08-15T00:00:00Z", List.of());

    // 17 × $62 / 31 = $34.00, invoiced when the trial ends
    assertThat(atStart.isEmpty()).isTrue();
    assertThat(amounts(atTrialEnd.lines())).containsExactly(usd(3_400));
  }

  @Test
  void shouldBillWholeYenWhenThePlanIsInJpy() {
    PlanTerms yen = PlanTerms.of(1_000, "JPY", PlanInterval.MONTHLY, false);
    SubscriptionFacts sub = started(yen, BillingTime.CALENDAR, "2026-08-10T00:00:00Z");

    GeneratedFees fees = run(sub, "2026-09-01T00:00:00Z", List.of());

    // 22 × ¥1,000 / 31 = ¥709.68 → ¥710
    assertThat(amounts(fees.lines())).containsExactly(Money.ofMinor(710, "JPY"));
  }

  @Test
  void shouldBillWeeklyPeriodsMondayToSundayWhenTheIntervalIsWeekly() {
    PlanTerms weekly = PlanTerms.of(700, "USD", PlanInterval.WEEKLY, false);
    // Wednesday 2026-08-12
    SubscriptionFacts sub = started(weekly, BillingTime.CALENDAR, "2026-08-12T08:00:00Z");

    GeneratedFees fees = run(sub, "2026-08-24T00:00:00Z", List.of());

    // Wed..Sun = 5 × $7 / 7 = $5.00, then the week of Aug 17 in full
    assertThat(amounts(fees.lines())).containsExactly(usd(500), usd(700));
  }
}
