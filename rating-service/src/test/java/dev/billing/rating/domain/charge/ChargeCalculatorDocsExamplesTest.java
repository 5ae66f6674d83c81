package dev.billing.rating.domain.charge;

import static dev.billing.rating.domain.charge.PricingFixtures.USD;
import static dev.billing.rating.domain.charge.PricingFixtures.cents;
import static dev.billing.rating.domain.charge.PricingFixtures.dec;
import static dev.billing.rating.domain.charge.PricingFixtures.docsGraduated;
import static dev.billing.rating.domain.charge.PricingFixtures.docsGraduatedPercentage;
import static dev.billing.rating.domain.charge.PricingFixtures.usage;
import static dev.billing.rating.domain.charge.PricingFixtures.values;
import static dev.billing.rating.domain.charge.PricingFixtures.volume;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of Lago's docs (lago.md §4), to the cent. */
class ChargeCalculatorDocsExamplesTest {

  @Test
  void shouldChargeFiftyDollarsWhenStandardPriceIsFiveCentsForThousandCalls() {
    ChargeAmount amount =
        ChargeCalculator.calculate(
            ChargeModel.STANDARD, new StandardProperties(dec("0.05")), usage("1000", 1000));

    // 0.05 × 1,000 = 50.00
    assertThat(amount.toMoney(USD)).isEqualTo(Money.ofMinor(5000, USD));
    assertThat(amount.units()).isEqualByComparingTo("1000");
    assertThat(amount.eventsCount()).isEqualTo(1000);
  }

  @Test
  void shouldChargeHundredFiftyFiveWhenGraduatedUsageIsTwoHundredFifty() {
    // 100 × 1 + 100 × 0.50 + 50 × 0.10 = 155.00
    assertThat(cents(ChargeModel.GRADUATED, docsGraduated(), usage("250", 3))).isEqualTo(15500);
  }

  @Test
  void shouldChargeTenDollarsWhenPackageUsageIsTwoHundredOneWithHundredFree() {
    PackageProperties props = new PackageProperties(dec("5"), 100, 100);

    // paid = 201 − 100 = 101; ceil(101 / 100) = 2 packages × 5 = 10.00
    assertThat(cents(ChargeModel.PACKAGE, props, usage("201", 5))).isEqualTo(1000);
  }

  @Test
  void shouldChargeSeventyCentsWhenPercentageHasFreeEventsAndFreeAmount() {
    PercentageProperties props =
        new PercentageProperties(dec("1.2"), dec("0.10"), 3L, dec("500"), null, null);
    ChargeInput input = usage("450", 4).withEventValues(values("200", "100", "100", "50"));

    // running totals 200, 300, 400 (3 free events) → free 400; (450 − 400) × 1.2% = 0.60
    // fixed (4 − 3) × 0.10 = 0.10; total 0.70
    assertThat(cents(ChargeModel.PERCENTAGE, props, input)).isEqualTo(70);
  }

  @Test
  void shouldChargeFortyNineWhenVolumeUsageFallsInSecondTier() {
    VolumeProperties props =
        new VolumeProperties(
            List.of(
                volume(0, 50000L, "0.001", "0"),
                volume(50001, 100000L, "0.0006", "10"),
                volume(100001, null, "0.0004", "20")));

    // 65,000 × 0.0006 + 10 = 49.00
    assertThat(cents(ChargeModel.VOLUME, props, usage("65000", 12))).isEqualTo(4900);
  }

  @Test
  void shouldChargeThreeFortyFiveWhenDynamicEventsCarryTheirPrices() {
    ChargeInput input = usage("22", 3).withPreciseTotalAmountCents(dec("345"));

    // (70 + 55 + 220) cents ÷ 100 = 3.45
    assertThat(cents(ChargeModel.DYNAMIC, new DynamicProperties(), input)).isEqualTo(345);
  }

  @Test
  void shouldChargeFiveNinetyOneWhenGraduatedPercentageInArrears() {
    // (1,000 × 1% + 200) + (4,050 × 2% + 300) = 210 + 381 = 591.00
    assertThat(cents(ChargeModel.GRADUATED_PERCENTAGE, docsGraduatedPercentage(), usage("5050", 3)))
        .isEqualTo(59100);
  }

  @Test
  void shouldChargeEachTransactionIncrementWhenGraduatedPercentageIsPaidInAdvance() {
    GraduatedPercentageProperties props = docsGraduatedPercentage();
    ChargeInput none = usage("0", 0);
    ChargeInput first = usage("500", 1);
    ChargeInput second = usage("1050", 2);
    ChargeInput third = usage("5050", 3);

    // 500 × 1% + 200 = 205.00 (nothing before: the first flat amount is this event's)
    assertThat(advanceCents(props, none, first)).isEqualTo(20500);
    // 500 × 1% + 50 × 2% + 300 = 306.00 (511 − 205)
    assertThat(advanceCents(props, first, second)).isEqualTo(30600);
    // 4,000 × 2% = 80.00 (591 − 511)
    assertThat(advanceCents(props, second, third)).isEqualTo(8000);
  }

  private static long advanceCents(
      GraduatedPercentageProperties props, ChargeInput before, ChargeInput after) {
    return ChargeCalculator.payInAdvanceFee(ChargeModel.GRADUATED_PERCENTAGE, props, before, after)
        .toMoney(USD)
        .minorUnits();
  }
}
