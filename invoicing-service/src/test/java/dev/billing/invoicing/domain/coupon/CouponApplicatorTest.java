package dev.billing.invoicing.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.billing.invoicing.domain.coupon.AppliedCoupon.Status;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CouponApplicatorTest {

  private static final CurrencyUnit USD = Currencies.of("USD");
  private static final Instant INVOICED_AT = Instant.parse("2026-09-01T00:00:00Z");
  private static final CouponApplicator APPLICATOR = new CouponApplicator();

  @Test
  void shouldCarryTheRemainderToTheNextInvoiceWhenAFixedOnceCouponIsNotUsedUp() {
    AppliedCoupon coupon = applied("c1", fixed(3_000, CouponFrequency.ONCE, null), 1);

    CouponApplication first = apply(List.of(coupon), fee("f1", 2_000));
    AppliedCoupon afterFirst = first.coupons().get(0);
    CouponApplication second = apply(List.of(afterFirst), fee("f2", 5_000));

    // $30 against $20: $20 now, $10 left; then $10 against $50, used up
    assertThat(first.totalAmount()).isEqualTo(usd(2_000));
    assertThat(afterFirst.amountRemaining()).isEqualTo(usd(1_000));
    assertThat(afterFirst.status()).isEqualTo(Status.ACTIVE);
    assertThat(second.totalAmount()).isEqualTo(usd(1_000));
    assertThat(second.coupons().get(0).amountRemaining()).isEqualTo(usd(0));
    assertThat(second.coupons().get(0).status()).isEqualTo(Status.TERMINATED);
  }

  @Test
  void shouldTakeTheWholeAmountOnEachInvoiceWhenAFixedCouponRecurs() {
    AppliedCoupon coupon = applied("c1", fixed(1_000, CouponFrequency.RECURRING, 3), 1);

    CouponApplication one = apply(List.of(coupon), fee("f1", 2_500));
    CouponApplication two = apply(one.coupons(), fee("f2", 400));
    CouponApplication three = apply(two.coupons(), fee("f3", 2_500));
    CouponApplication four = apply(three.coupons(), fee("f4", 2_500));

    // $10, then $4 (capped, nothing carried), then $10 again; three periods, then done
    assertThat(one.totalAmount()).isEqualTo(usd(1_000));
    assertThat(two.totalAmount()).isEqualTo(usd(400));
    assertThat(three.totalAmount()).isEqualTo(usd(1_000));
    assertThat(four.totalAmount()).isEqualTo(usd(0));
    assertThat(one.coupons().get(0).frequencyDurationRemaining()).isEqualTo(2);
    assertThat(two.coupons().get(0).frequencyDurationRemaining()).isEqualTo(1);
    assertThat(three.coupons().get(0).status()).isEqualTo(Status.TERMINATED);
  }

  @Test
  void shouldNeverEndWhenAFixedCouponIsForever() {
    AppliedCoupon coupon = applied("c1", fixed(1_000, CouponFrequency.FOREVER, null), 1);

    CouponApplication application = apply(List.of(coupon), fee("f1", 2_500));

    assertThat(application.totalAmount()).isEqualTo(usd(1_000));
    assertThat(application.coupons()).containsExactly(coupon);
  }

  @ParameterizedTest(name = "{0}% {1}/{2} on {3} cents → {4} cents, then {5} with {6} left")
  @CsvSource({
    // 10% of $123.45 = $12.345 → $12.35 (HALF_UP); a percentage once is used once
    "10,   ONCE,      ,  12345, 1235, TERMINATED, ",
    "10,   RECURRING, 2, 10000, 1000, ACTIVE,     1",
    "10,   RECURRING, 1, 10000, 1000, TERMINATED, 0",
    // 12.5% of $80.00 = $10.00
    "12.5, FOREVER,   ,  8000,  1000, ACTIVE,     ",
    "100,  ONCE,      ,  5555,  5555, TERMINATED, ",
  })
  void shouldTakeARoundedShareWhenTheCouponIsAPercentage(
      String rate,
      CouponFrequency frequency,
      Integer duration,
      long invoiceCents,
      long creditCents,
      Status status,
      Integer periodsLeft) {
    AppliedCoupon coupon =
        applied("c1", Coupon.percentage("PCT", new BigDecimal(rate), frequency, duration), 1);

    CouponApplication application = apply(List.of(coupon), fee("f1", invoiceCents));

    assertThat(application.totalAmount()).isEqualTo(usd(creditCents));
    assertThat(application.coupons().get(0).status()).isEqualTo(status);
    assertThat(application.coupons().get(0).frequencyDurationRemaining()).isEqualTo(periodsLeft);
  }

  @Test
  void shouldApplyMetricThenPlanThenUnlimitedCouponsWhenAllApply() {
    AppliedCoupon unlimited = applied("u", pct("10", CouponFrequency.FOREVER), 1);
    AppliedCoupon planLimited =
        applied("p", fixed(4_000, CouponFrequency.FOREVER, null).limitedToPlans(Set.of("pro")), 2);
    AppliedCoupon metricLimited =
        applied("m", pct("50", CouponFrequency.FOREVER).limitedToBillableMetrics(Set.of("api")), 3);
    List<DiscountableFee> fees =
        List.of(
            new DiscountableFee("sub", usd(5_000), "pro", null),
            new DiscountableFee("api", usd(3_000), "pro", "api"),
            new DiscountableFee("addon", usd(2_000), null, null));

    CouponApplication application =
        APPLICATOR.apply(USD, List.of(unlimited, planLimited, metricLimited), fees, INVOICED_AT);

    // metric: 50% × $30 = $15.00; plan: min($40, $50 + $15 left) = $40.00;
    // unlimited: 10% × ($100 − $55 left) = $4.50; total $59.50
    assertThat(application.credits())
        .extracting(CouponCredit::appliedCouponId, CouponCredit::amount)
        .containsExactly(tuple("m", usd(1_500)), tuple("p", usd(4_000)), tuple("u", usd(450)));
    assertThat(application.totalAmount()).isEqualTo(usd(5_950));
    assertThat(application.preciseCouponsAmountByFee().get("addon").doubleValue())
        .isCloseTo(20.00 * 0.10, within(1e-9));
    assertThat(
            application.preciseCouponsAmountByFee().values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .doubleValue())
        .isCloseTo(59.50, within(1e-9));
  }

  @Test
  void shouldCapAtWhatIsLeftAndKeepTheRestWhenCouponsExceedTheInvoice() {
    AppliedCoupon earlier = applied("early", fixed(5_000, CouponFrequency.ONCE, null), 1);
    AppliedCoupon later = applied("late", fixed(8_000, CouponFrequency.ONCE, null), 2);

    CouponApplication application = apply(List.of(later, earlier), fee("f1", 10_000));

    // oldest first: $50, then $80 capped at the $50 left; $30 of it carries over
    assertThat(application.credits())
        .extracting(CouponCredit::amount)
        .containsExactly(usd(5_000), usd(5_000));
    assertThat(application.coupons().get(0).amountRemaining()).isEqualTo(usd(3_000));
    assertThat(application.coupons().get(0).status()).isEqualTo(Status.ACTIVE);
  }

  @Test
  void shouldStopAndKeepTheOtherCouponsWhenTheInvoiceReachesZero() {
    AppliedCoupon big = applied("big", fixed(5_000, CouponFrequency.ONCE, null), 1);
    AppliedCoupon recurring = applied("rec", pct("10", CouponFrequency.RECURRING, 3), 2);

    CouponApplication application = apply(List.of(big, recurring), fee("f1", 3_000));

    // $30 invoice fully covered by the first coupon; the recurring one keeps its 3 periods
    assertThat(application.credits()).hasSize(1);
    assertThat(application.totalAmount()).isEqualTo(usd(3_000));
    assertThat(application.coupons().get(1)).isEqualTo(recurring);
  }

  @Test
  void shouldSkipAFixedCouponWhenItsCurrencyDiffersFromTheInvoice() {
    AppliedCoupon euros =
        applied(
            "eur",
            Coupon.fixedAmount("EUR10", Money.ofMinor(1_000, "EUR"), CouponFrequency.ONCE, null),
            1);
    AppliedCoupon percentage = applied("pct", pct("10", CouponFrequency.ONCE), 2);

    CouponApplication application = apply(List.of(euros, percentage), fee("f1", 5_000));

    // only 10% × $50 = $5.00; the € coupon is untouched for a later euro invoice
    assertThat(application.totalAmount()).isEqualTo(usd(500));
    assertThat(application.coupons().get(0)).isEqualTo(euros);
  }

  @Test
  void shouldTerminateAndNotApplyWhenTheCouponHasExpired() {
    Coupon expired =
        fixed(1_000, CouponFrequency.FOREVER, null)
            .expiringAt(Instant.parse("2026-08-31T23:59:59Z"));

    CouponApplication application = apply(List.of(applied("c1", expired, 1)), fee("f1", 5_000));

    assertThat(application.totalAmount()).isEqualTo(usd(0));
    assertThat(application.coupons().get(0).status()).isEqualTo(Status.TERMINATED);
  }

  @Test
  void shouldLeaveALimitedCouponUntouchedWhenNoFeeIsTargeted() {
    AppliedCoupon limited =
        applied("c1", pct("20", CouponFrequency.RECURRING, 2).limitedToPlans(Set.of("gold")), 1);

    CouponApplication application =
        APPLICATOR.apply(
            USD,
            List.of(limited),
            List.of(new DiscountableFee("sub", usd(5_000), "silver", null)),
            INVOICED_AT);

    assertThat(application.credits()).isEmpty();
    assertThat(application.coupons()).containsExactly(limited);
  }

  @Test
  void shouldRoundToWholeYenWhenTheInvoiceIsInJpy() {
    CurrencyUnit jpy = Currencies.of("JPY");
    AppliedCoupon coupon = applied("c1", pct("15", CouponFrequency.ONCE), 1);

    CouponApplication application =
        APPLICATOR.apply(
            jpy,
            List.of(coupon),
            List.of(new DiscountableFee("f1", Money.ofMinor(1_005, jpy), null, null)),
            INVOICED_AT);

    // 15% × ¥1,005 = ¥150.75 → ¥151
    assertThat(application.totalAmount()).isEqualTo(Money.ofMinor(151, jpy));
  }

  private static CouponApplication apply(List<AppliedCoupon> coupons, DiscountableFee fee) {
    return APPLICATOR.apply(USD, coupons, List.of(fee), INVOICED_AT);
  }

  private static DiscountableFee fee(String key, long cents) {
    return new DiscountableFee(key, usd(cents), "pro", null);
  }

  private static Coupon fixed(long cents, CouponFrequency frequency, Integer duration) {
    return Coupon.fixedAmount("FIXED", usd(cents), frequency, duration);
  }

  private static Coupon pct(String rate, CouponFrequency frequency) {
    return pct(rate, frequency, null);
  }

  private static Coupon pct(String rate, CouponFrequency frequency, Integer duration) {
    return Coupon.percentage("PCT", new BigDecimal(rate), frequency, duration);
  }

  private static AppliedCoupon applied(String id, Coupon coupon, int dayOfJanuary) {
    return AppliedCoupon.of(
        id, coupon, Instant.parse(String.format("2026-01-%02dT00:00:00Z", dayOfJanuary)));
  }

  private static Money usd(long cents) {
    return Money.ofMinor(cents, "USD");
  }
}
