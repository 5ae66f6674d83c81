package dev.billing.rating.domain.usage;

import dev.billing.platform.money.Money;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import java.math.BigDecimal;
import java.util.List;

/**
 * One charge's usage in a period: its fee lines and their totals.
 *
 * @param charge the charge
 * @param metric its billable metric
 * @param buckets one per filter bucket and group
 */
public record ChargeUsage(Charge charge, BillableMetric metric, List<BucketUsage> buckets) {

  public BigDecimal units() {
    return buckets.stream().map(BucketUsage::units).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public long eventsCount() {
    return buckets.stream().mapToLong(BucketUsage::eventsCount).sum();
  }

  /** The sum of the rounded fee lines. */
  public Money amount(Money zero) {
    return buckets.stream().map(BucketUsage::money).reduce(zero, Money::plus);
  }

  public List<BigDecimal> preciseAmounts() {
    return buckets.stream().map(b -> b.amount().preciseAmount()).toList();
  }
}
