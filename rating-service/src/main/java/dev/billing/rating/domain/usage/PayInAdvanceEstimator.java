package dev.billing.rating.domain.usage;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.charge.ChargeAmount;
import dev.billing.rating.domain.charge.ChargeCalculator;
import dev.billing.rating.domain.charge.ChargeInput;
import dev.billing.rating.domain.charge.ChargeProperties;
import dev.billing.rating.domain.usage.UsagePricer.BucketRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What one more event would cost on each pay-in-advance charge it falls in: the charge model priced
 * on the bucket's usage with the event, minus the same without it (Lago's estimate_fees).
 */
public final class PayInAdvanceEstimator {

  private PayInAdvanceEstimator() {}

  /**
   * One estimated fee.
   *
   * @param charge the pay-in-advance charge
   * @param metric its billable metric
   * @param filter the charge filter the event falls in, or null for the default bucket
   * @param groupedBy pricing group values, empty without groups
   * @param period the usage period the event belongs to
   * @param fee the precise fee, the units and events it adds
   * @param amount the fee rounded to the currency
   * @param totalUnits the bucket's units with the event
   */
  public record EstimatedFee(
      Charge charge,
      BillableMetric metric,
      ChargeFilterDefinition filter,
      Map<String, String> groupedBy,
      UsagePeriod period,
      ChargeAmount fee,
      Money amount,
      BigDecimal totalUnits) {}

  /**
   * The usage the event lands on.
   *
   * @param current aggregate rows of the event's period
   * @param earlier aggregate rows of earlier periods (recurring metrics)
   * @param eventValues per-event values in time order, for percentage charges that need them
   * @param uniqueCountChange for unique_count contributions: +1, -1 or 0 (see {@link
   *     AggregateSnapshot#with})
   */
  public record Usage(
      List<AggregateSnapshot> current,
      List<AggregateSnapshot> earlier,
      Function<BucketRef, List<BigDecimal>> eventValues,
      ToIntFunction<Contribution> uniqueCountChange) {}

  /**
   * The fees of the contributions that go to pay-in-advance charges; the others cost nothing now.
   */
  public static List<EstimatedFee> estimate(
      List<Contribution> contributions,
      Plan plan,
      Map<UUID, BillableMetric> metrics,
      Usage usage,
      CurrencyUnit currency) {
    List<EstimatedFee> fees = new ArrayList<>();
    for (Contribution contribution : contributions) {
      Charge charge = chargeOf(plan, contribution.key().chargeId());
      BillableMetric metric = charge == null ? null : metrics.get(charge.billableMetricId());
      if (charge == null || metric == null || !charge.payInAdvance()) {
        continue;
      }
      fees.add(fee(contribution, charge, metric, usage, currency));
    }
    return fees;
  }

  private static EstimatedFee fee(
      Contribution contribution,
      Charge charge,
      BillableMetric metric,
      Usage usage,
      CurrencyUnit currency) {
    Contribution.AggregateKey key = contribution.key();
    BucketRef ref = new BucketRef(key.chargeId(), key.filterId(), key.groupKey());
    AggregateSnapshot stored = UsagePricer.find(usage.current(), ref);
    AggregateSnapshot before =
        stored != null
            ? stored
            : AggregateSnapshot.empty(
                key.chargeId(), key.filterId(), key.groupKey(), key.period().start());
    AggregateSnapshot after =
        before.with(contribution, usage.uniqueCountChange().applyAsInt(contribution));
    List<AggregateSnapshot> earlier =
        usage.earlier().stream().filter(r -> UsagePricer.matches(r, ref)).toList();
    ChargeFilterDefinition filter = UsagePricer.filter(charge, key.filterId());
    ChargeProperties pricing = filter == null ? charge.pricing() : filter.pricing();
    ChargeInput without = input(metric, before, earlier, key.period(), currency);
    ChargeInput with = input(metric, after, earlier, key.period(), currency);
    if (pricing != null && PercentageNeeds.eventValues(pricing)) {
      List<BigDecimal> values = new ArrayList<>(usage.eventValues().apply(ref));
      without = without.withEventValues(List.copyOf(values));
      if (contribution.value() != null) {
        values.add(contribution.value());
      }
      with = with.withEventValues(values);
    }
    ChargeAmount fee =
        pricing == null
            ? new ChargeAmount(BigDecimal.ZERO, with.units().subtract(without.units()), 1)
            : ChargeCalculator.payInAdvanceFee(charge.chargeModel(), pricing, without, with);
    return new EstimatedFee(
        charge,
        metric,
        filter,
        GroupKeys.parse(key.groupKey()),
        key.period(),
        fee,
        fee.toMoney(currency),
        with.units());
  }

  private static ChargeInput input(
      BillableMetric metric,
      AggregateSnapshot row,
      List<AggregateSnapshot> earlier,
      UsagePeriod period,
      CurrencyUnit currency) {
    BigDecimal units = UnitsOfBucket.units(metric.definition(), row, earlier, period);
    return ChargeInput.of(units, row.eventsCount(), currency)
        .withPreciseTotalAmountCents(row.preciseTotalAmountCents());
  }

  private static Charge chargeOf(Plan plan, UUID chargeId) {
    return plan.charges().stream().filter(c -> c.id().equals(chargeId)).findFirst().orElse(null);
  }
}
