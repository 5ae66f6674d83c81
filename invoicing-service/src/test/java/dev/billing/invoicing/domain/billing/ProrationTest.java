package dev.billing.invoicing.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.billing.BillingPeriods;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProrationTest {

  @Test
  void shouldBillLagosExampleToTheCentWhenACalendarMonthStartsOnAugust10() {
    BillingPeriod first =
        BillingPeriods.firstPeriod(
            PlanInterval.MONTHLY, BillingTime.CALENDAR, LocalDate.of(2026, 8, 10));

    // 22 days (Aug 10..31) × $50 / 31 days = $35.4838... → $35.48
    Money fee =
        Proration.amount(5_000, Currencies.of("USD"), first.days(), first.daysInFullPeriod());

    assertThat(fee).isEqualTo(Money.ofMinor(3_548, "USD"));
  }

  @ParameterizedTest(name = "{0} {1} × {2}/{3} days = {4} minor units")
  @CsvSource({
    // $50 × 31/31 = $50.00: an anniversary first period is full
    "5000,   USD, 31,  31,  5000",
    // $50 × 19/31 = $30.645... → $30.65 (HALF_UP)
    "5000,   USD, 19,  31,  3065",
    // $100 × 12/31 = $38.709... → $38.71
    "10000,  USD, 12,  31,  3871",
    // $62 × 17/31 = $34.00 exactly
    "6200,   USD, 17,  31,  3400",
    // $1,200 a year × 1/365 = $3.2876... → $3.29
    "120000, USD, 1,   365, 329",
    // ¥1,000 × 22/31 = ¥709.67... → ¥710 (JPY has no minor unit)
    "1000,   JPY, 22,  31,  710",
    // 10.000 KWD × 22/31 = 7.0967741... → 7.097 KWD (3 decimals)
    "10000,  KWD, 22,  31,  7097",
    "5000,   USD, 0,   31,  0",
  })
  void shouldProrateByDaysWhenPartOfAPeriodIsBilled(
      long amountCents, String currency, long days, long daysInPeriod, long expectedMinor) {
    Money fee = Proration.amount(amountCents, Currencies.of(currency), days, daysInPeriod);

    assertThat(fee).isEqualTo(Money.ofMinor(expectedMinor, currency));
  }

  @Test
  void shouldRefuseMoreDaysThanThePeriodHasWhenProrating() {
    assertThatThrownBy(() -> Proration.amount(5_000, Currencies.of("USD"), 32, 31))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
