package dev.billing.rating.domain.charge;

import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Short builders for pricing tests. */
final class PricingFixtures {

  static final CurrencyUnit USD = Currencies.of("USD");
  static final CurrencyUnit JPY = Currencies.of("JPY");
  static final CurrencyUnit KWD = Currencies.of("KWD");

  private PricingFixtures() {}

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  static ChargeInput usage(String units, long events) {
    return ChargeInput.of(dec(units), events, USD);
  }

  static List<BigDecimal> values(String... values) {
    return Arrays.stream(values).map(BigDecimal::new).toList();
  }

  /** Minor units of the rounded fee for the whole period. */
  static long cents(ChargeModel model, ChargeProperties props, ChargeInput input) {
    return ChargeCalculator.calculate(model, props, input).toMoney(input.currency()).minorUnits();
  }

  static GraduatedRange graduated(long from, Long to, String perUnit, String flat) {
    return new GraduatedRange(from, to, dec(perUnit), dec(flat));
  }

  static VolumeRange volume(long from, Long to, String perUnit, String flat) {
    return new VolumeRange(from, to, dec(perUnit), dec(flat));
  }

  /** Lago's docs: $1 for 0–100, $0.50 for 101–200, $0.10 for 201+, no flat amounts. */
  static GraduatedProperties docsGraduated() {
    return new GraduatedProperties(
        List.of(
            graduated(0, 100L, "1", "0"),
            graduated(101, 200L, "0.5", "0"),
            graduated(201, null, "0.1", "0")));
  }

  /** Lago's docs: 0–1,000 at 1% + $200, 1,001–10,000 at 2% + $300, 10,001+ at 3% + $400. */
  static GraduatedPercentageProperties docsGraduatedPercentage() {
    return new GraduatedPercentageProperties(
        List.of(
            new GraduatedPercentageRange(0, 1000L, dec("1"), dec("200")),
            new GraduatedPercentageRange(1001, 10000L, dec("2"), dec("300")),
            new GraduatedPercentageRange(10001, null, dec("3"), dec("400"))));
  }
}
