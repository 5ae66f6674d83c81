package dev.billing.platform.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Contract of rating-service's internal fees API ({@code GET
 * /internal/v1/subscriptions/{id}/fees?from=&to=}, answered as {@code {"fees": PeriodFees}}): the
 * priced usage of one of a subscription's usage periods, which invoicing-service puts on invoices
 * without pricing anything itself.
 *
 * @param subscriptionId the subscription
 * @param periodFrom start of the usage period
 * @param periodTo end of the usage period
 * @param currency ISO 4217
 * @param amountCents sum of the lines
 * @param lines one per charge, filter bucket and group, then true-ups
 */
public record PeriodFees(
    String subscriptionId,
    Instant periodFrom,
    Instant periodTo,
    String currency,
    long amountCents,
    List<Line> lines) {

  /**
   * One fee line.
   *
   * @param chargeId the charge
   * @param chargeCode its code
   * @param billableMetricCode its metric
   * @param billableMetricName the metric's name (what invoices show for the fee)
   * @param chargeFilterId the filter, or null for the default bucket
   * @param filterValues the filter's values
   * @param groupedBy pricing group values
   * @param invoiceDisplayName label
   * @param units units
   * @param eventsCount events
   * @param amountCents rounded once, HALF_UP
   * @param preciseAmount unrounded, major units
   * @param trueUp a spending-minimum ({@code min_amount_cents}) true-up line
   */
  public record Line(
      String chargeId,
      String chargeCode,
      String billableMetricCode,
      String billableMetricName,
      String chargeFilterId,
      Map<String, List<String>> filterValues,
      Map<String, String> groupedBy,
      String invoiceDisplayName,
      String units,
      long eventsCount,
      long amountCents,
      String preciseAmount,
      boolean trueUp) {}
}
