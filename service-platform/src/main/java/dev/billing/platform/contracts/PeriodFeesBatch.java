package dev.billing.platform.contracts;

import java.util.List;

/**
 * Contract of rating-service's batched internal fees API ({@code POST /internal/v1/fees}): the
 * {@link PeriodFees} of many subscriptions' usage periods in one call, so that a billing run asks
 * once per page of subscriptions instead of once per subscription. The request is {@code
 * {"periods":[Period]}} (at most {@link #MAX_PERIODS}); the answer {@link Response} holds, at the
 * request's positions, each period's fees, or null for a period of a subscription (or plan)
 * rating-service does not know: the single-period API answers why.
 *
 * @param periods the usage periods to price
 */
public record PeriodFeesBatch(List<Period> periods) {

  /** Most periods in one request. */
  public static final int MAX_PERIODS = 1000;

  /**
   * One usage period, as the single-period API's parameters.
   *
   * @param subscriptionId the subscription
   * @param from an instant of the usage period (its start)
   * @param to billed up to (the period end, or a termination), or null for the period end
   */
  public record Period(String subscriptionId, String from, String to) {}

  /**
   * @param fees element {@code i} prices {@code periods[i]}; null if it could not
   */
  public record Response(List<PeriodFees> fees) {}
}
