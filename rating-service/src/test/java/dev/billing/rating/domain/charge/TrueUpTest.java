package dev.billing.rating.domain.charge;

import static dev.billing.rating.domain.charge.PricingFixtures.USD;
import static dev.billing.rating.domain.charge.PricingFixtures.dec;
import static dev.billing.rating.domain.charge.PricingFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.platform.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrueUpTest {

  @Test
  void shouldMakeUpDifferenceWhenFeesAreBelowMinimum() {
    TrueUpAmount trueUp = TrueUp.calculate(10_000, USD, values("30.004", "20.004"), 30, 30);

    // minimum 100.00; fees round to 30.00 + 20.00 = 50.00 → true-up 100 − 50 = 50.00
    assertThat(trueUp.amount()).isEqualTo(Money.ofMinor(5000, USD));
    // precise: 100 − (30.004 + 20.004) = 49.992
    assertThat(trueUp.preciseAmount()).isEqualByComparingTo("49.992");
    assertThat(trueUp.isNone()).isFalse();
  }

  @ParameterizedTest(name = "{0}/{1} days, fees {2} → {3} cents")
  @CsvSource({
    // 100 × 15 / 30 = 50; 50 − 40 = 10.00
    "15, 30, 40, 1000",
    // 100 × 10 / 31 = 32.2580645…; 32.258… − 0 → 32.26
    "10, 31, 0, 3226",
    // 100 × 1 / 3 = 33.333…; 33.333… − 33.33 = 0.00333… → 0.00 (below half a cent)
    "1, 3, 33.33, 0"
  })
  void shouldProrateMinimumByDaysWhenPeriodIsPartial(
      long daysBilled, long daysInPeriod, String fee, long expectedCents) {
    TrueUpAmount trueUp =
        TrueUp.calculate(Money.ofMinor(10_000, USD), List.of(dec(fee)), daysBilled, daysInPeriod);

    assertThat(trueUp.amount().minorUnits()).isEqualTo(expectedCents);
  }

  @ParameterizedTest(name = "fees {0}")
  @CsvSource({"60, 45", "100, 0", "99.995, 0"})
  void shouldAddNothingWhenRoundedFeesReachMinimum(String first, String second) {
    // 60 + 45 = 105; 100 + 0 = 100; 99.995 rounds to 100.00 — all ≥ 100.00
    TrueUpAmount trueUp = TrueUp.calculate(10_000, USD, values(first, second), 30, 30);

    assertThat(trueUp.isNone()).isTrue();
    assertThat(trueUp.amount()).isEqualTo(Money.zero(USD));
  }

  @Test
  void shouldRefuseWhenPeriodHasNoDays() {
    assertThatThrownBy(() -> TrueUp.calculate(100, USD, List.of(), 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
