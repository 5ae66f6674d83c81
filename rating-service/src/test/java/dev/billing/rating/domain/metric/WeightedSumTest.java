package dev.billing.rating.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedSumTest {

  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant MID = Instant.parse("2024-01-16T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-01-31T00:00:00Z");
  private static final WeightedSum.Delta PLUS_20 =
      new WeightedSum.Delta(Instant.parse("2024-01-15T00:00:00Z"), new BigDecimal("20"));
  private static final WeightedSum.Delta MINUS_10 =
      new WeightedSum.Delta(Instant.parse("2024-01-17T00:00:00Z"), new BigDecimal("-10"));

  @Test
  void shouldEqualWholePeriodWhenTwoWindowSegmentsAreMerged() {
    WeightedSum.Segment whole =
        WeightedSum.integrate(BigDecimal.ZERO, FROM, TO, List.of(PLUS_20, MINUS_10));

    WeightedSum.Segment first = WeightedSum.integrate(BigDecimal.ZERO, FROM, MID, List.of(PLUS_20));
    WeightedSum.Segment second =
        WeightedSum.integrate(first.endTotal(), MID, TO, List.of(MINUS_10));
    WeightedSum.Segment merged = first.followedBy(second);

    assertThat(merged.area()).isEqualByComparingTo(whole.area());
    assertThat(merged.endTotal()).isEqualByComparingTo("10");
    // area 20 × 2 d + 10 × 14 d = 180 GB·days; ÷ 30 days = 6
    assertThat(WeightedSum.average(merged.area(), FROM, TO)).isEqualByComparingTo("6");
  }

  @Test
  void shouldCeilToTwentyDecimalsWhenAverageIsNotExact() {
    // 1 unit for 1 of 3 seconds → 1/3 → 0.33333333333333333334
    BigDecimal average = WeightedSum.average(BigDecimal.ONE, FROM, FROM.plusSeconds(3));

    assertThat(average).isEqualByComparingTo("0.33333333333333333334");
  }

  @Test
  void shouldRefuseWhenDeltaIsOutsideWindowOrUnsorted() {
    assertThatThrownBy(
            () -> WeightedSum.integrate(BigDecimal.ZERO, FROM, MID, List.of(PLUS_20, MINUS_10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> WeightedSum.integrate(BigDecimal.ZERO, FROM, TO, List.of(MINUS_10, PLUS_20)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
