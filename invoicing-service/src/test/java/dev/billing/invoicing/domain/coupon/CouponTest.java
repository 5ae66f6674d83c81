package dev.billing.invoicing.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponTest {

  @Test
  void shouldRankMetricThenPlanThenUnlimitedWhenOrderingCoupons() {
    Coupon unlimited = Coupon.percentage("A", BigDecimal.TEN, CouponFrequency.FOREVER, null);

    assertThat(unlimited.limitedToBillableMetrics(Set.of("api")).applicationRank()).isZero();
    assertThat(unlimited.limitedToPlans(Set.of("pro")).applicationRank()).isEqualTo(1);
    assertThat(unlimited.applicationRank()).isEqualTo(2);
  }

  @Test
  void shouldStartWithTheWholeAmountWhenAppliedToACustomer() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Coupon once = Coupon.fixedAmount("ONCE", Money.ofMinor(500, "USD"), CouponFrequency.ONCE, null);
    Coupon recurring =
        Coupon.fixedAmount("REC", Money.ofMinor(500, "USD"), CouponFrequency.RECURRING, 6);

    assertThat(AppliedCoupon.of("a", once, now).amountRemaining())
        .isEqualTo(Money.ofMinor(500, "USD"));
    assertThat(AppliedCoupon.of("b", recurring, now).amountRemaining()).isNull();
    assertThat(AppliedCoupon.of("b", recurring, now).frequencyDurationRemaining()).isEqualTo(6);
  }

  @Test
  void shouldReportLagoStyleErrorsWhenTheTermsAreIncomplete() {
    Coupon broken =
        Coupon.percentage("P", new BigDecimal("120"), CouponFrequency.RECURRING, null)
            .limitedToPlans(Set.of("pro"))
            .limitedToBillableMetrics(Set.of("api"));

    assertThat(broken.validate().details())
        .isEqualTo(
            Map.of(
                "percentage_rate", List.of("value_is_out_of_range"),
                "frequency_duration", List.of("value_is_mandatory"),
                "base", List.of("only_one_limitation_type_per_coupon_allowed")));
  }
}
