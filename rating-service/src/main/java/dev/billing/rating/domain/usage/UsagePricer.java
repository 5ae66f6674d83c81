package dev.billing.rating.domain.usage;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.charge.ChargeAmount;
import dev.billing.rating.domain.charge.ChargeCalculator;
import dev.billing.rating.domain.charge.ChargeInput;
import dev.billing.rating.domain.charge.ChargeProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Prices a subscription's usage in a period from its stored aggregates: for every charge, every
 * filter bucket (each filter, then the default) and every pricing group seen, the units after the
 * metric's rounding and the charge model's price. A bucket without events is still priced (a
 * graduated flat fee or a volume tier applies at zero units, as in Lago).
 */
public final class UsagePricer {

  /**
   * A bucket's identity, for callers that supply per-event values.
   *
   * @param chargeId the charge
   * @param filterId the filter or {@link Contribution#DEFAULT_FILTER}
   * @param groupKey canonical group JSON or ""
   */
  public record BucketRef(UUID chargeId, UUID filterId, String groupKey) {}

  private UsagePricer() {}

  /**
   * @param current aggregate rows of the period
   * @param earlier aggregate rows of earlier periods (read only for recurring metrics)
   * @param eventValues per-event values in time order, for percentage charges with free units or
   *     per-transaction bounds; not asked otherwise
   */
  public static List<ChargeUsage> price(
      Plan plan,
      Map<UUID, BillableMetric> metrics,
      UsagePeriod period,
      List<AggregateSnapshot> current,
      List<AggregateSnapshot> earlier,
      Function<BucketRef, List<BigDecimal>> eventValues,
      CurrencyUnit currency) {
    List<ChargeUsage> usage = new ArrayList<>();
    for (Charge charge : plan.charges()) {
      BillableMetric metric = metrics.get(charge.billableMetricId());
      if (metric == null) {
        continue;
      }
      List<BucketUsage> buckets = new ArrayList<>();
      for (UUID filterId : filterIds(charge)) {
        for (String group : groups(charge, filterId, current)) {
          BucketRef ref = new BucketRef(charge.id(), filterId, group);
          buckets.add(bucket(charge, metric, ref, period, current, earlier, eventValues, currency));
        }
      }
      usage.add(new ChargeUsage(charge, metric, buckets));
    }
    return usage;
  }

  private static BucketUsage bucket(
      Charge charge,
      BillableMetric metric,
      BucketRef ref,
      UsagePeriod period,
      List<AggregateSnapshot> current,
      List<AggregateSnapshot> earlier,
      Function<BucketRef, List<BigDecimal>> eventValues,
      CurrencyUnit currency) {
    AggregateSnapshot row = find(current, ref);
    List<AggregateSnapshot> before = earlier.stream().filter(r -> matches(r, ref)).toList();
    BigDecimal units = UnitsOfBucket.units(metric.definition(), row, before, period);
    long events = row == null ? 0 : row.eventsCount();
    ChargeFilterDefinition filter = filter(charge, ref.filterId());
    ChargeProperties pricing = filter == null ? charge.pricing() : filter.pricing();
    ChargeInput input = ChargeInput.of(units, events, currency);
    if (row != null) {
      input = input.withPreciseTotalAmountCents(row.preciseTotalAmountCents());
    }
    if (PercentageNeeds.eventValues(pricing)) {
      input = input.withEventValues(eventValues.apply(ref));
    }
    ChargeAmount amount =
        pricing == null
            ? new ChargeAmount(BigDecimal.ZERO, units, events)
            : ChargeCalculator.calculate(charge.chargeModel(), pricing, input);
    return new BucketUsage(
        filter, GroupKeys.parse(ref.groupKey()), units, events, amount, amount.toMoney(currency));
  }

  private static List<UUID> filterIds(Charge charge) {
    List<UUID> ids = new ArrayList<>();
    charge.filters().forEach(f -> ids.add(f.id()));
    ids.add(Contribution.DEFAULT_FILTER);
    return ids;
  }

  private static Set<String> groups(Charge charge, UUID filterId, List<AggregateSnapshot> rows) {
    Set<String> groups = new LinkedHashSet<>();
    if (charge.pricingGroupKeys().isEmpty()) {
      groups.add("");
      return groups;
    }
    rows.stream()
        .filter(r -> r.chargeId().equals(charge.id()) && r.filterId().equals(filterId))
        .map(AggregateSnapshot::groupKey)
        .sorted()
        .forEach(groups::add);
    return groups;
  }

  static AggregateSnapshot find(List<AggregateSnapshot> rows, BucketRef ref) {
    return rows.stream().filter(r -> matches(r, ref)).findFirst().orElse(null);
  }

  static boolean matches(AggregateSnapshot row, BucketRef ref) {
    return row.chargeId().equals(ref.chargeId())
        && row.filterId().equals(ref.filterId())
        && row.groupKey().equals(ref.groupKey());
  }

  static ChargeFilterDefinition filter(Charge charge, UUID filterId) {
    return charge.filters().stream().filter(f -> f.id().equals(filterId)).findFirst().orElse(null);
  }
}
