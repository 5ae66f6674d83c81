package dev.billing.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} {1} rounds to {2} ({3} minor units)")
  @CsvSource({
    "0.005, USD, 0.01, 1",
    "0.004999, USD, 0.00, 0",
    "0.5, JPY, 1, 1",
    "0.49, JPY, 0, 0",
    "0.0005, KWD, 0.001, 1",
    "0.00049, KWD, 0.000, 0",
    "-0.005, USD, -0.01, -1",
    "35.48387096774193548387, USD, 35.48, 3548",
    "1234.5678, CLF, 1234.5678, 12345678"
  })
  void shouldRoundHalfUpToTheCurrencysMinorUnit(
      String precise, String currency, String rounded, long minorUnits) {
    Money money = Money.roundedFrom(new BigDecimal(precise), currency);

    assertThat(money.amount()).isEqualByComparingTo(rounded);
    assertThat(money.amount().scale()).isEqualTo(Currencies.of(currency).exponent());
    assertThat(money.minorUnits()).isEqualTo(minorUnits);
  }

  @Test
  void shouldSumRoundedItemsNotRoundTheSumOfPreciseItems() {
    // three fees of 0.005 USD each: each rounds to 0.01, so the invoice says 0.03, not
    // round(0.015)=0.02
    List<BigDecimal> preciseFees =
        List.of(new BigDecimal("0.005"), new BigDecimal("0.005"), new BigDecimal("0.005"));
    Money total = Money.zero(Currencies.of("USD"));
    for (BigDecimal fee : preciseFees) {
      total = total.plus(Money.roundedFrom(fee, "USD"));
    }

    assertThat(total.minorUnits()).isEqualTo(3);
    assertThat(total).isEqualTo(Money.ofMinor(3, "USD"));
  }

  @Test
  void shouldKeepMinorUnitsExactForLargeAmounts() {
    Money money = Money.ofMinor(9_007_199_254_740_993L, "USD"); // beyond double's exact integers

    assertThat(money.plus(Money.ofMinor(1, "USD")).minorUnits()).isEqualTo(9_007_199_254_740_994L);
    assertThat(money.amount().toPlainString()).isEqualTo("90071992547409.93");
  }

  @Test
  void shouldRefuseToMixCurrencies() {
    assertThatThrownBy(() -> Money.ofMinor(100, "USD").plus(Money.ofMinor(100, "EUR")))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("EUR");
  }

  @Test
  void shouldCompareByValueNotScale() {
    assertThat(Money.roundedFrom(new BigDecimal("1.5"), "USD"))
        .isEqualTo(Money.ofMinor(150, "USD"))
        .hasSameHashCodeAs(Money.ofMinor(150, "USD"));
    assertThat(Money.ofMinor(150, "USD").compareTo(Money.ofMinor(151, "USD"))).isNegative();
  }
}
