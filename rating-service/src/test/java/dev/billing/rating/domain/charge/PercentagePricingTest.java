package dev.billing.rating.domain.charge;

import static dev.billing.rating.domain.charge.PricingFixtures.cents;
import static dev.billing.rating.domain.charge.PricingFixtures.dec;
import static dev.billing.rating.domain.charge.PricingFixtures.usage;
import static dev.billing.rating.domain.charge.PricingFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The percentage model: free units per events / per total, fixed amount, per-transaction bounds.
 */
class PercentagePricingTest {

  private static PercentageProperties props(
      String rate, String fixed, Long freeEvents, String freeTotal, String min, String max) {
    return new PercentageProperties(
        dec(rate), fixed == null ? null : dec(fixed), freeEvents, d(freeTotal), d(min), d(max));
  }

  private static BigDecimal d(String value) {
    return value == null ? null : dec(value);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // rate only: 1,000 × 2.5% = 25.00
        Arguments.of(
            "rate only", props("2.5", null, null, null, null, null), values("1000"), 2500L),
        // 100 × 1% + 3 × 0.10 = 1.30
        Arguments.of(
            "fixed per event",
            props("1", "0.10", null, null, null, null),
            values("50", "30", "20"),
            130L),
        // Lago docs: running 200, 300, 400 → free 400; 50 × 1.2% + (4 − 3) × 0.10 = 0.70
        Arguments.of(
            "docs example",
            props("1.2", "0.10", 3L, "500", null, null),
            values("200", "100", "100", "50"),
            70L),
        // free total reached first: min(400, 250) = 250 free; (400 − 250) × 1% = 1.50;
        // running totals below 250: one (200) → fixed (3 − 1) × 0.10 = 0.20; total 1.70
        Arguments.of(
            "free total only",
            props("1", "0.10", null, "250", null, null),
            values("200", "100", "100"),
            170L),
        // free amount reached before the 3 free events: min(400, 250) = 250 free → 1.50;
        // free count min(3, 1) = 1 → fixed (3 − 1) × 0.10 = 0.20; total 1.70
        Arguments.of(
            "free total before free events",
            props("1", "0.10", 3L, "250", null, null),
            values("200", "100", "100"),
            170L),
        // more free events than events: everything free → 0.00
        Arguments.of(
            "all events free", props("1", "0.10", 5L, null, null, null), values("200", "100"), 0L),
        // per event: 50 × 1% = 0.50 → min 1.00; 300 × 1% = 3.00; 1,000 × 1% = 10 → max 5.00;
        // total 9.00
        Arguments.of(
            "per-transaction bounds",
            props("1", null, null, null, "1", "5"),
            values("50", "300", "1000"),
            900L),
        // first event free; then 3.00 + (10 → max 5.00) = 8.00
        Arguments.of(
            "bounds with a free event",
            props("1", null, 1L, null, "1", "5"),
            values("50", "300", "1000"),
            800L),
        // free amount 100: event 1 (50) free; event 2: 300 − 50 left = 250 × 1% + 0.10 = 2.60;
        // event 3: 1,000 × 1% + 0.10 = 10.10 → max 5.00; total 7.60
        Arguments.of(
            "bounds with a free amount",
            props("1", "0.10", null, "100", "1", "5"),
            values("50", "300", "1000"),
            760L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldApplyFreeUnitsAndFixedAmountWhenPercentageIsPriced(
      String name, PercentageProperties props, List<BigDecimal> events, long expected) {
    BigDecimal units = events.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    ChargeInput input = usage(units.toPlainString(), events.size()).withEventValues(events);

    assertThat(cents(ChargeModel.PERCENTAGE, props, input)).isEqualTo(expected);
  }
}
