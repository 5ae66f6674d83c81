package dev.billing.rating.domain.charge;

import static dev.billing.rating.domain.charge.PricingFixtures.JPY;
import static dev.billing.rating.domain.charge.PricingFixtures.KWD;
import static dev.billing.rating.domain.charge.PricingFixtures.USD;
import static dev.billing.rating.domain.charge.PricingFixtures.cents;
import static dev.billing.rating.domain.charge.PricingFixtures.dec;
import static dev.billing.rating.domain.charge.PricingFixtures.docsGraduatedPercentage;
import static dev.billing.rating.domain.charge.PricingFixtures.graduated;
import static dev.billing.rating.domain.charge.PricingFixtures.usage;
import static dev.billing.rating.domain.charge.PricingFixtures.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Zero usage for every model, HALF_UP fee rounding and currencies with 0 and 3 decimals. */
class ZeroUsageAndRoundingTest {

  static Stream<Arguments> zeroUsage() {
    PercentageProperties percentage =
        new PercentageProperties(dec("1.2"), dec("0.10"), 3L, dec("500"), null, null);
    return Stream.of(
        // 0 × 0.05 = 0.00
        Arguments.of(ChargeModel.STANDARD, new StandardProperties(dec("0.05")), 0L),
        // first tier's flat amount in arrears: 0 × 1 + 10 = 10.00
        Arguments.of(
            ChargeModel.GRADUATED,
            new GraduatedProperties(
                List.of(graduated(0, 100L, "1", "10"), graduated(101, null, "0.5", "20"))),
            1000L),
        // first tier's flat amount in arrears: 0 × 1% + 200 = 200.00
        Arguments.of(ChargeModel.GRADUATED_PERCENTAGE, docsGraduatedPercentage(), 20000L),
        // no paid units → 0.00
        Arguments.of(ChargeModel.PACKAGE, new PackageProperties(dec("5"), 100, 0), 0L),
        // fixed amount is 0 when U = 0 → 0.00
        Arguments.of(ChargeModel.PERCENTAGE, percentage, 0L),
        // the tier holding 0 is billed: 0 × 1 + 5 = 5.00
        Arguments.of(
            ChargeModel.VOLUME,
            new VolumeProperties(List.of(volume(0, 100L, "1", "5"), volume(101, null, "0.5", "0"))),
            500L),
        // U = 0 → 0.00 whatever the events' prices
        Arguments.of(ChargeModel.DYNAMIC, new DynamicProperties(), 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zeroUsage")
  void shouldChargeOnlyFirstFlatAmountsWhenUsageIsZero(
      ChargeModel model, ChargeProperties props, long expectedCents) {
    ChargeInput input = usage("0", 0).withPreciseTotalAmountCents(dec("123"));

    assertThat(cents(model, props, input)).isEqualTo(expectedCents);
  }

  @ParameterizedTest(name = "{0} × {1} → {2} cents")
  @CsvSource({
    // 0.005 → 0.01 (HALF_UP)
    "0.005, 1, 1",
    // 0.0049 → 0.00
    "0.0049, 1, 0",
    // 0.025 → 0.03 (HALF_UP, where HALF_EVEN would give 0.02)
    "0.025, 1, 3",
    // 0.0001 × 12,345 = 1.2345 → 1.23
    "0.0001, 12345, 123",
    // 0.0001 × 12,355 = 1.2355 → 1.24
    "0.0001, 12355, 124"
  })
  void shouldRoundHalfUpToTheCentWhenFeeIsMade(String price, String units, long expected) {
    ChargeAmount amount =
        ChargeCalculator.calculate(
            ChargeModel.STANDARD, new StandardProperties(dec(price)), usage(units, 1));

    assertThat(amount.toMoney(USD).minorUnits()).isEqualTo(expected);
    assertThat(amount.preciseAmount()).isEqualByComparingTo(dec(price).multiply(dec(units)));
  }

  @ParameterizedTest(name = "{0}: {1} × {2} → {3} minor units")
  @MethodSource("otherCurrencies")
  void shouldRoundToCurrencyMinorUnitWhenCurrencyIsNotTwoDecimals(
      CurrencyUnit currency, String price, String units, long expectedMinor) {
    ChargeInput input = ChargeInput.of(dec(units), 1, currency);

    Money fee =
        ChargeCalculator.calculate(ChargeModel.STANDARD, new StandardProperties(dec(price)), input)
            .toMoney(currency);

    assertThat(fee).isEqualTo(Money.ofMinor(expectedMinor, currency));
  }

  static Stream<Arguments> otherCurrencies() {
    return Stream.of(
        // 0.5 × 3 = 1.5 → ¥2
        Arguments.of(JPY, "0.5", "3", 2L),
        // 0.4 × 3 = 1.2 → ¥1
        Arguments.of(JPY, "0.4", "3", 1L),
        // 0.0005 × 3 = 0.0015 → 0.002 KWD (2 fils)
        Arguments.of(KWD, "0.0005", "3", 2L),
        // 1.2345 × 1 → 1.235 KWD (HALF_UP)
        Arguments.of(KWD, "1.2345", "1", 1235L));
  }

  @Test
  void shouldDivideByCurrencySubunitWhenDynamicInYenOrDinar() {
    ChargeInput yen = ChargeInput.of(dec("22"), 3, JPY).withPreciseTotalAmountCents(dec("345.5"));
    ChargeInput dinar =
        ChargeInput.of(dec("22"), 3, KWD).withPreciseTotalAmountCents(dec("3450.4"));

    // 345.5 ÷ 10^0 = 345.5 → ¥346
    assertThat(
            ChargeCalculator.calculate(ChargeModel.DYNAMIC, new DynamicProperties(), yen)
                .toMoney(JPY))
        .isEqualTo(Money.ofMinor(346, JPY));
    // 3,450.4 ÷ 10^3 = 3.4504 → 3.450 KWD
    assertThat(
            ChargeCalculator.calculate(ChargeModel.DYNAMIC, new DynamicProperties(), dinar)
                .toMoney(KWD))
        .isEqualTo(Money.ofMinor(3450, KWD));
  }

  @Test
  void shouldGivePreciseAmountCentsWhenAskedForLagosPreciseColumn() {
    ChargeAmount amount = new ChargeAmount(dec("1.23456"), dec("1"), 1);

    // 1.23456 × 100 = 123.456
    assertThat(amount.preciseAmountCents(USD)).isEqualByComparingTo("123.456");
  }

  @Test
  void shouldRefuseWhenPropertiesDoNotMatchModel() {
    assertThatThrownBy(
            () ->
                ChargeCalculator.calculate(
                    ChargeModel.PACKAGE, new StandardProperties(dec("1")), usage("1", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
