package dev.billing.invoicing.domain.invoice;

import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One fee on an invoice. The {@code key} names what it bills (a subscription period, a charge ×
 * filter × group over a period, an add-on, a commitment period): the generator compares expected
 * and already billed amounts key by key, and a correction carries the key of what it corrects.
 *
 * @param type what kind of fee
 * @param key stable identity of what is billed, e.g. {@code subscription:<subId>:<periodFrom>}
 * @param units quantity billed (1 for subscription and commitment fees)
 * @param preciseAmount unrounded amount in major units (Lago's {@code precise_amount})
 * @param amount {@code preciseAmount} rounded HALF_UP to the minor unit, or, for a correction, the
 *     difference of rounded amounts
 * @param description what the invoice shows
 * @param periodFrom first day billed, or null when the fee has no period
 * @param periodTo first day after the days billed (exclusive), or null
 * @param chargeId the charge billed, for charge fees
 * @param chargeFilterId the charge filter billed, or null
 * @param groupedBy values of the charge's {@code grouped_by} keys, empty when not grouped
 */
public record FeeLine(
    FeeType type,
    String key,
    BigDecimal units,
    BigDecimal preciseAmount,
    Money amount,
    String description,
    LocalDate periodFrom,
    LocalDate periodTo,
    String chargeId,
    String chargeFilterId,
    Map<String, String> groupedBy) {

  private static final String NONE = "-";

  public FeeLine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(preciseAmount, "preciseAmount");
    Objects.requireNonNull(amount, "amount");
    // a TreeMap keeps group values that are null (an event without the grouped property)
    groupedBy =
        groupedBy == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(groupedBy));
  }

  /** A base-fee line for {@code billed}, part of the plan period {@code fullPeriod}. */
  public static FeeLine subscription(
      String subscriptionId,
      BillingPeriod fullPeriod,
      BillingPeriod billed,
      BigDecimal preciseAmount,
      CurrencyUnit currency) {
    return periodic(
        FeeType.SUBSCRIPTION,
        subscriptionKey(subscriptionId, fullPeriod.fromDate()),
        "Subscription fee",
        billed,
        preciseAmount,
        currency);
  }

  /** A minimum-commitment true-up line for the plan period {@code fullPeriod}. */
  public static FeeLine commitment(
      String subscriptionId,
      BillingPeriod fullPeriod,
      BillingPeriod billed,
      BigDecimal preciseAmount,
      CurrencyUnit currency) {
    return periodic(
        FeeType.COMMITMENT,
        commitmentKey(subscriptionId, fullPeriod.fromDate()),
        "Minimum commitment true-up",
        billed,
        preciseAmount,
        currency);
  }

  /** A usage line priced elsewhere, for one charge × filter × group over {@code period}. */
  public static FeeLine charge(
      String subscriptionId,
      String chargeId,
      String chargeFilterId,
      Map<String, String> groupedBy,
      BillingPeriod period,
      BigDecimal units,
      BigDecimal preciseAmount,
      CurrencyUnit currency,
      String description) {
    String key =
        String.join(
            ":",
            "charge",
            subscriptionId,
            chargeId,
            chargeFilterId == null ? NONE : chargeFilterId,
            groupKey(groupedBy),
            period.fromDate().toString());
    return new FeeLine(
        FeeType.CHARGE,
        key,
        units,
        preciseAmount,
        Money.roundedFrom(preciseAmount, currency),
        description,
        period.fromDate(),
        period.toDate(),
        chargeId,
        chargeFilterId,
        groupedBy);
  }

  /** An add-on line; {@code applicationId} tells two sales of the same add-on apart. */
  public static FeeLine addOn(
      String addOnId,
      String applicationId,
      BigDecimal units,
      BigDecimal preciseAmount,
      CurrencyUnit currency,
      String description) {
    return new FeeLine(
        FeeType.ADD_ON,
        "add_on:" + addOnId + ":" + applicationId,
        units,
        preciseAmount,
        Money.roundedFrom(preciseAmount, currency),
        description,
        null,
        null,
        null,
        null,
        Map.of());
  }

  /** The key of a subscription's base fee for the plan period starting on {@code periodFrom}. */
  public static String subscriptionKey(String subscriptionId, LocalDate periodFrom) {
    return subscriptionKeyPrefix(subscriptionId) + periodFrom;
  }

  /** What every base-fee key of a subscription starts with. */
  public static String subscriptionKeyPrefix(String subscriptionId) {
    return "subscription:" + subscriptionId + ":";
  }

  /** The key of a commitment true-up for the plan period starting on {@code periodFrom}. */
  public static String commitmentKey(String subscriptionId, LocalDate periodFrom) {
    return "commitment:" + subscriptionId + ":" + periodFrom;
  }

  /** The correction that brings what was billed under this key to this line's amounts. */
  public FeeLine differenceFrom(BigDecimal unitsBilled, BigDecimal preciseBilled, Money billed) {
    return new FeeLine(
        type,
        key,
        units.subtract(unitsBilled),
        preciseAmount.subtract(preciseBilled),
        amount.minus(billed),
        description,
        periodFrom,
        periodTo,
        chargeId,
        chargeFilterId,
        groupedBy);
  }

  /** The same fee with no units and no amount: what is owed for a fee no longer due. */
  public FeeLine emptied() {
    return new FeeLine(
        type,
        key,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        Money.zero(currency()),
        description,
        periodFrom,
        periodTo,
        chargeId,
        chargeFilterId,
        groupedBy);
  }

  public CurrencyUnit currency() {
    return amount.currency();
  }

  private static FeeLine periodic(
      FeeType type,
      String key,
      String description,
      BillingPeriod billed,
      BigDecimal preciseAmount,
      CurrencyUnit currency) {
    return new FeeLine(
        type,
        key,
        BigDecimal.ONE,
        preciseAmount,
        Money.roundedFrom(preciseAmount, currency),
        description,
        billed.fromDate(),
        billed.toDate(),
        null,
        null,
        Map.of());
  }

  private static String groupKey(Map<String, String> groupedBy) {
    if (groupedBy == null || groupedBy.isEmpty()) {
      return NONE;
    }
    return new TreeMap<>(groupedBy)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }
}
