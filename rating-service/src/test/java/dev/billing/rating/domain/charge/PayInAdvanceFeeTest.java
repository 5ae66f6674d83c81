package dev.billing.rating.domain.charge;

import static dev.billing.rating.domain.charge.PricingFixtures.USD;
import static dev.billing.rating.domain.charge.PricingFixtures.dec;
import static dev.billing.rating.domain.charge.PricingFixtures.graduated;
import static dev.billing.rating.domain.charge.PricingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pay-in-advance fees: model(with the event) − model(without it). */
class PayInAdvanceFeeTest {

  private static final GraduatedProperties GRADUATED =
      new GraduatedProperties(
          List.of(graduated(0, 100L, "1", "10"), graduated(101, null, "0.5", "20")));

  @Test
  void shouldChargeFirstFlatAmountWithFirstEventWhenGraduatedIsPaidInAdvance() {
    ChargeAmount first =
        ChargeCalculator.payInAdvanceFee(
            ChargeModel.GRADUATED, GRADUATED, usage("0", 0), usage("1", 1));
    ChargeAmount second =
        ChargeCalculator.payInAdvanceFee(
            ChargeModel.GRADUATED, GRADUATED, usage("1", 1), usage("2", 2));

    // 1 × 1 + 10 − 0 (no flat amount before the first event) = 11.00
    assertThat(first.toMoney(USD).minorUnits()).isEqualTo(1100);
    assertThat(first.units()).isEqualByComparingTo("1");
    assertThat(first.eventsCount()).isEqualTo(1);
    // (2 + 10) − (1 + 10) = 1.00
    assertThat(second.toMoney(USD).minorUnits()).isEqualTo(100);
  }

  @Test
  void shouldChargeNextTierFlatAmountWhenEventCrossesIntoIt() {
    ChargeAmount crossing =
        ChargeCalculator.payInAdvanceFee(
            ChargeModel.GRADUATED, GRADUATED, usage("99", 9), usage("102", 10));

    // (100 + 10 + 2 × 0.5 + 20) − (99 + 10) = 131 − 109 = 22.00
    assertThat(crossing.toMoney(USD).minorUnits()).isEqualTo(2200);
  }

  @Test
  void shouldChargeOnlyNewPackageWhenEventStartsOne() {
    PackageProperties props = new PackageProperties(dec("5"), 100, 100);

    ChargeAmount fee =
        ChargeCalculator.payInAdvanceFee(
            ChargeModel.PACKAGE, props, usage("100", 10), usage("101", 11));

    // ceil(1 / 100) × 5 − 0 = 5.00
    assertThat(fee.toMoney(USD).minorUnits()).isEqualTo(500);
  }

  @Test
  void shouldChargeRateAndFixedAmountWhenPercentageEventIsPaidInAdvance() {
    PercentageProperties props =
        new PercentageProperties(dec("1"), dec("0.10"), null, null, null, null);

    ChargeAmount fee =
        ChargeCalculator.payInAdvanceFee(
            ChargeModel.PERCENTAGE, props, usage("500", 1), usage("1050", 2));

    // (1,050 × 1% + 2 × 0.10) − (500 × 1% + 1 × 0.10) = 10.70 − 5.10 = 5.60
    assertThat(fee.toMoney(USD).minorUnits()).isEqualTo(560);
  }

  @Test
  void shouldRoundTheDifferenceNotEachSideWhenStandardIsPaidInAdvance() {
    StandardProperties props = new StandardProperties(dec("0.004"));

    ChargeAmount fee =
        ChargeCalculator.payInAdvanceFee(ChargeModel.STANDARD, props, usage("1", 1), usage("3", 2));

    // 3 × 0.004 − 1 × 0.004 = 0.008 → 0.01 (each side rounded would give 0.01 − 0.00 too, but
    // the precise difference is kept)
    assertThat(fee.preciseAmount()).isEqualByComparingTo("0.008");
    assertThat(fee.toMoney(USD).minorUnits()).isEqualTo(1);
  }
}
