package dev.billing.invoicing.domain.invoice;

import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.amounts;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.arrears;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.charge;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.concat;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.run;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.started;
import static dev.billing.invoicing.domain.invoice.GeneratorFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.money.Currencies;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected minus already billed: re-runs, corrections and the commitment true-up. */
class InvoiceGeneratorDifferenceTest {

  private static final InvoiceGenerator GENERATOR = new InvoiceGenerator();

  @Test
  void shouldBillNothingTwiceWhenRunAgainWithItsOwnOutput() {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-08-10T09:00:00Z");
    List<FeeLine> usage = List.of(charge("2026-08-10", "2026-09-01", "12.34"));

    GeneratedFees first = run(sub, "2026-09-01T00:00:00Z", usage);
    GeneratedFees second = run(sub, "2026-09-01T00:00:00Z", usage, first.lines());
    GeneratedFees laterRun = run(sub, "2026-09-15T00:00:00Z", usage, first.lines());

    // $35.48 base fee + $12.34 usage once, then nothing
    assertThat(amounts(first.lines())).containsExactly(usd(3_548), usd(1_234));
    assertThat(second.isEmpty()).isTrue();
    assertThat(laterRun.isEmpty()).isTrue();
  }

  @Test
  void shouldCatchUpEveryMissedPeriodWhenARunWasSkipped() {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-08-10T09:00:00Z");

    GeneratedFees fees = run(sub, "2026-11-01T00:00:00Z", List.of());

    // August prorated ($35.48), then September and October in full
    assertThat(amounts(fees.lines())).containsExactly(usd(3_548), usd(5_000), usd(5_000));
  }

  @ParameterizedTest(name = "billed {0}, now {1}: bill {2}, credit {3}")
  @CsvSource({
    // 15.00 − 12.34 = 2.66 more
    "12.34, 15.00, 266, ",
    // 10.00 − 12.34 = −2.34, for a credit note
    "12.34, 10.00, , -234",
    "12.34, 12.34, , ",
    // a sub-cent change does not move the rounded amount: 12.3449 → 12.34
    "12.34, 12.3449, , ",
  })
  void shouldBillOnlyTheDifferenceWhenAChargeAmountChanged(
      String billedAmount, String nowAmount, Long moreCents, Long creditCents) {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-08-10T09:00:00Z");
    List<FeeLine> first =
        run(sub, "2026-09-01T00:00:00Z", List.of(charge("2026-08-10", "2026-09-01", billedAmount)))
            .lines();

    GeneratedFees rerun =
        run(
            sub,
            "2026-09-01T00:00:00Z",
            List.of(charge("2026-08-10", "2026-09-01", nowAmount)),
            first);

    assertThat(amounts(rerun.lines()))
        .containsExactlyElementsOf(moreCents == null ? List.of() : List.of(usd(moreCents)));
    assertThat(amounts(rerun.credits()))
        .containsExactlyElementsOf(creditCents == null ? List.of() : List.of(usd(creditCents)));
    rerun.lines().forEach(l -> assertThat(l.key()).isEqualTo(first.get(1).key()));
  }

  @Test
  void shouldSettleOnTheNewAmountWhenCorrectionsAccumulate() {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-08-10T09:00:00Z");
    String end = "2026-09-01T00:00:00Z";
    List<FeeLine> billed =
        run(sub, end, List.of(charge("2026-08-10", "2026-09-01", "12.34"))).lines();
    billed =
        concat(
            billed,
            run(sub, end, List.of(charge("2026-08-10", "2026-09-01", "15.00")), billed).lines());

    GeneratedFees third =
        run(sub, end, List.of(charge("2026-08-10", "2026-09-01", "15.00")), billed);

    // 12.34 + 2.66 = 15.00 billed: nothing left
    assertThat(third.isEmpty()).isTrue();
  }

  @Test
  void shouldAddACommitmentFeeWhenTheFeesAreBelowTheMinimum() {
    SubscriptionFacts sub =
        started(
            arrears(5_000).withMinimumCommitmentCents(8_000L),
            BillingTime.CALENDAR,
            "2026-08-01T00:00:00Z");

    GeneratedFees fees =
        run(sub, "2026-09-01T00:00:00Z", List.of(charge("2026-08-01", "2026-09-01", "20.00")));
    GeneratedFees rerun =
        run(
            sub,
            "2026-09-01T00:00:00Z",
            List.of(charge("2026-08-01", "2026-09-01", "20.00")),
            fees.lines());

    // $80 commitment − ($50 + $20) = $10 true-up
    assertThat(amounts(fees.lines())).containsExactly(usd(5_000), usd(2_000), usd(1_000));
    assertThat(fees.lines().get(2).type()).isEqualTo(FeeType.COMMITMENT);
    assertThat(fees.lines().get(2).key()).isEqualTo("commitment:sub-1:2026-08-01");
    assertThat(rerun.isEmpty()).isTrue();
  }

  @Test
  void shouldProrateTheCommitmentWhenThePeriodIsPartial() {
    SubscriptionFacts sub =
        started(
            arrears(5_000).withMinimumCommitmentCents(8_000L),
            BillingTime.CALENDAR,
            "2026-08-10T00:00:00Z");

    GeneratedFees fees =
        run(sub, "2026-09-01T00:00:00Z", List.of(charge("2026-08-10", "2026-09-01", "10.00")));

    // commitment 22 × $80 / 31 = $56.774; fees $35.48 + $10.00 = $45.48; true-up $11.294 → $11.29
    assertThat(amounts(fees.lines())).containsExactly(usd(3_548), usd(1_000), usd(1_129));
  }

  @Test
  void shouldAddNoCommitmentFeeWhenTheFeesReachTheMinimum() {
    SubscriptionFacts sub =
        started(
            arrears(5_000).withMinimumCommitmentCents(8_000L),
            BillingTime.CALENDAR,
            "2026-08-01T00:00:00Z");

    GeneratedFees fees =
        run(sub, "2026-09-01T00:00:00Z", List.of(charge("2026-08-01", "2026-09-01", "30.00")));

    // $50 + $30 = $80: nothing to true up
    assertThat(amounts(fees.lines())).containsExactly(usd(5_000), usd(3_000));
  }

  @Test
  void shouldCreditTheTrueUpWhenLaterUsageReachesTheCommitment() {
    SubscriptionFacts sub =
        started(
            arrears(5_000).withMinimumCommitmentCents(8_000L),
            BillingTime.CALENDAR,
            "2026-08-01T00:00:00Z");
    List<FeeLine> billed =
        run(sub, "2026-09-01T00:00:00Z", List.of(charge("2026-08-01", "2026-09-01", "20.00")))
            .lines();

    GeneratedFees corrected =
        run(
            sub,
            "2026-09-01T00:00:00Z",
            List.of(charge("2026-08-01", "2026-09-01", "35.00")),
            billed);

    // usage +$15.00; the $10.00 true-up is no longer owed
    assertThat(amounts(corrected.lines())).containsExactly(usd(1_500));
    assertThat(amounts(corrected.credits())).containsExactly(usd(-1_000));
  }

  @Test
  void shouldRefuseTwoExpectedLinesWithOneKeyWhenGenerating() {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-08-01T00:00:00Z");
    FeeLine usage = charge("2026-08-01", "2026-09-01", "1.00");

    assertThatThrownBy(() -> run(sub, "2026-09-01T00:00:00Z", List.of(usage, usage)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseALineInAnotherCurrencyWhenGenerating() {
    SubscriptionFacts sub = started(arrears(5_000), BillingTime.CALENDAR, "2026-08-01T00:00:00Z");
    FeeLine euros =
        FeeLine.addOn(
            "setup", "1", BigDecimal.ONE, new BigDecimal("100"), Currencies.of("EUR"), "Setup");

    assertThatThrownBy(
            () ->
                GENERATOR.generate(
                    sub,
                    Instant.parse("2026-09-01T00:00:00Z"),
                    List.of(),
                    List.of(euros),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
