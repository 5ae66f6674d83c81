package dev.billing.invoicing.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceTotalsTest {

  @Test
  void shouldSumRoundedFeesWhenComputingTheFeesAmount() {
    List<FeeLine> fees = List.of(addOn("1", "10.005"), addOn("2", "10.005"), addOn("3", "10.005"));

    InvoiceTotals totals = InvoiceTotals.of(Currencies.of("USD"), fees, usd(0));

    // each fee rounded first: 10.01 × 3 = 30.03, not round(30.015) = 30.02
    assertThat(totals.feesAmount()).isEqualTo(usd(3_003));
    assertThat(totals.totalAmount()).isEqualTo(usd(3_003));
    assertThat(totals.paymentStatusAtFinalization()).isEqualTo("pending");
  }

  @ParameterizedTest(
      name =
          "fees {0}, progressive {1}, coupons {2}, taxes {3}, notes {4},"
              + " wallet {5} → total {6}")
  @CsvSource({
    // 100 − 0 − 20 = 80; + 0 tax = 80; − 30 credit notes = 50; − 10 wallet = 40
    "10000, 0,    2000,  0,    3000,  1000, 2000, 8000, 8000, 3000, 1000, 4000",
    // coupons above the fees are capped: 100 − 100 = 0, nothing else applies
    "10000, 0,    15000, 0,    3000,  1000, 10000, 0,   0,    0,    0,    0",
    // progressive credit first: 100 − 30 = 70; coupons capped at 70
    "10000, 3000, 9000,  0,    0,     0,    7000,  0,   0,    0,    0,    0",
    // after tax: 80 + 8 = 88; credit notes capped at 88; the wallet has nothing left to pay
    "10000, 0,    2000,  800,  9000,  500,  2000,  8000, 8800, 8800, 0,   0",
  })
  void shouldApplyLagosOrderAndNeverGoNegativeWhenDeductionsAreLarge(
      long fees,
      long progressive,
      long coupons,
      long taxes,
      long creditNotes,
      long wallet,
      long couponsApplied,
      long subTotalExcluding,
      long subTotalIncluding,
      long creditNotesApplied,
      long walletApplied,
      long total) {
    InvoiceTotals totals =
        InvoiceTotals.compute(
            usd(fees), usd(progressive), usd(coupons), usd(taxes), usd(creditNotes), usd(wallet));

    assertThat(totals.couponsAmount()).isEqualTo(usd(couponsApplied));
    assertThat(totals.subTotalExcludingTaxes()).isEqualTo(usd(subTotalExcluding));
    assertThat(totals.subTotalIncludingTaxes()).isEqualTo(usd(subTotalIncluding));
    assertThat(totals.creditNotesAmount()).isEqualTo(usd(creditNotesApplied));
    assertThat(totals.prepaidCreditAmount()).isEqualTo(usd(walletApplied));
    assertThat(totals.totalAmount()).isEqualTo(usd(total));
    assertThat(totals.totalAmount().isNegative()).isFalse();
  }

  @Test
  void shouldSettleAZeroInvoiceWhenCouponsCoverEverything() {
    InvoiceTotals totals =
        InvoiceTotals.of(Currencies.of("USD"), List.of(addOn("1", "12.00")), usd(5_000));

    assertThat(totals.couponsAmount()).isEqualTo(usd(1_200));
    assertThat(totals.totalAmount().isZero()).isTrue();
    assertThat(totals.paymentStatusAtFinalization()).isEqualTo("succeeded");
  }

  @Test
  void shouldKeepWholeYenWhenTheInvoiceIsInJpy() {
    List<FeeLine> fees = List.of(addOn("1", "709.677", "JPY"), addOn("2", "1000.5", "JPY"));

    InvoiceTotals totals = InvoiceTotals.of(Currencies.of("JPY"), fees, Money.ofMinor(300, "JPY"));

    // ¥710 + ¥1,001 = ¥1,711; − ¥300 coupon = ¥1,411
    assertThat(totals.feesAmount()).isEqualTo(Money.ofMinor(1_711, "JPY"));
    assertThat(totals.totalAmount()).isEqualTo(Money.ofMinor(1_411, "JPY"));
    assertThat(totals.totalAmount().minorUnits()).isEqualTo(1_411);
  }

  private static FeeLine addOn(String id, String amount) {
    return addOn(id, amount, "USD");
  }

  private static FeeLine addOn(String id, String amount, String currency) {
    return FeeLine.addOn(
        "setup", id, BigDecimal.ONE, new BigDecimal(amount), Currencies.of(currency), "Setup");
  }

  private static Money usd(long cents) {
    return Money.ofMinor(cents, "USD");
  }
}
