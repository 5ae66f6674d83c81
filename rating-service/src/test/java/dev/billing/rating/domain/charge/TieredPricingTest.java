package dev.billing.rating.domain.charge;

import static dev.billing.rating.domain.charge.PricingFixtures.cents;
import static dev.billing.rating.domain.charge.PricingFixtures.graduated;
import static dev.billing.rating.domain.charge.PricingFixtures.usage;
import static dev.billing.rating.domain.charge.PricingFixtures.volume;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tier boundaries of the graduated and volume models, inclusive and adjacent. */
class TieredPricingTest {

  /** 0–100 at $1 + $10, 101–200 at $0.50 + $20, 201+ at $0.10 + $30. */
  private static final GraduatedProperties INCLUSIVE =
      new GraduatedProperties(
          List.of(
              graduated(0, 100L, "1", "10"),
              graduated(101, 200L, "0.5", "20"),
              graduated(201, null, "0.1", "30")));

  /** 0–100 at $1 + $10, 100–200 at $0.50 + $20, 200+ at $0.10 + $30. */
  private static final GraduatedProperties ADJACENT =
      new GraduatedProperties(
          List.of(
              graduated(0, 100L, "1", "10"),
              graduated(100, 200L, "0.5", "20"),
              graduated(200, null, "0.1", "30")));

  @ParameterizedTest(name = "U={0} → {1} cents")
  @CsvSource({
    // U = 0: first tier's flat amount still charged (Lago NB) → 10.00
    "0, 1000",
    // 100 × 1 + 10 = 110.00 (exactly on the boundary: second tier not entered)
    "100, 11000",
    // 110 + 1 × 0.50 + 20 = 130.50 (one past: second tier entered, its flat charged)
    "101, 13050",
    // 110 + 0.5 × 0.50 + 20 = 130.25 (fractional units between 100 and 101)
    "100.5, 13025",
    // 110 + 100 × 0.50 + 20 = 180.00
    "200, 18000",
    // 180 + 1 × 0.10 + 30 = 210.10
    "201, 21010",
    // 180 + 50 × 0.10 + 30 = 215.00
    "250, 21500"
  })
  void shouldBillEachTierReachedWhenGraduatedRangesAreInclusive(String units, long expected) {
    assertThat(cents(ChargeModel.GRADUATED, INCLUSIVE, usage(units, 1))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "U={0} → {1} cents")
  @CsvSource({
    // first flat amount only → 10.00
    "0, 1000",
    // 100 × 1 + 10 = 110.00 (the boundary unit belongs to the first tier)
    "100, 11000",
    // 110 + (101 − 100) × 0.50 + 20 = 130.50
    "101, 13050",
    // 110 + 100 × 0.50 + 20 = 180.00
    "200, 18000",
    // 180 + (201 − 200) × 0.10 + 30 = 210.10
    "201, 21010",
    // 180 + 50 × 0.10 + 30 = 215.00
    "250, 21500"
  })
  void shouldCountUnitsFromPreviousBoundWhenGraduatedRangesAreAdjacent(
      String units, long expected) {
    assertThat(cents(ChargeModel.GRADUATED, ADJACENT, usage(units, 1))).isEqualTo(expected);
  }

  /** 0–100 at $1, 101–200 at $0.50 + $5, 201+ at $0.25 + $7. */
  private static final VolumeProperties VOLUME =
      new VolumeProperties(
          List.of(
              volume(0, 100L, "1", "0"),
              volume(101, 200L, "0.5", "5"),
              volume(201, null, "0.25", "7")));

  @ParameterizedTest(name = "U={0} → {1} cents")
  @CsvSource({
    // 0 × 1 + 0 = 0.00
    "0, 0",
    // 100 × 1 = 100.00 (on the boundary: first tier)
    "100, 10000",
    // ceil(100.2) = 101 → second tier: 100.2 × 0.50 + 5 = 55.10
    "100.2, 5510",
    // 101 × 0.50 + 5 = 55.50
    "101, 5550",
    // 200 × 0.50 + 5 = 105.00
    "200, 10500",
    // 201 × 0.25 + 7 = 57.25
    "201, 5725"
  })
  void shouldPriceAllUnitsInOneTierWhenVolumeTierIsChosenByCeiledUnits(
      String units, long expected) {
    assertThat(cents(ChargeModel.VOLUME, VOLUME, usage(units, 1))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "U={0} → {1} cents")
  @CsvSource({
    // 100 × 1 = 100.00 (first tier listed wins on the shared bound)
    "100, 10000",
    // ceil(100.5) = 101 and 100.5 > 100 → second tier: 100.5 × 0.50 + 5 = 55.25
    "100.5, 5525"
  })
  void shouldPickFirstTierOnSharedBoundWhenVolumeRangesAreAdjacent(String units, long expected) {
    VolumeProperties adjacent =
        new VolumeProperties(List.of(volume(0, 100L, "1", "0"), volume(100, null, "0.5", "5")));

    assertThat(cents(ChargeModel.VOLUME, adjacent, usage(units, 1))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "U={0} → {1} cents")
  @CsvSource({
    // 0 packages → 0.00
    "0, 0",
    // all free → 0.00
    "100, 0",
    // paid 1 → 1 package × 5 = 5.00
    "101, 500",
    // paid 100 → 1 package = 5.00
    "200, 500",
    // paid 100.5 → ceil(1.005) = 2 packages = 10.00
    "200.5, 1000",
    // paid 200 → 2 packages = 10.00
    "300, 1000"
  })
  void shouldChargeWholePackagesWhenUsageExceedsFreeUnits(String units, long expected) {
    PackageProperties props = new PackageProperties(new BigDecimal("5"), 100, 100);

    assertThat(cents(ChargeModel.PACKAGE, props, usage(units, 1))).isEqualTo(expected);
  }
}
