package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The percentage formula (lago.md §4): {@code (U − free) × rate / 100} plus the fixed amount per
 * paying event, or, with per-transaction bounds, the clamped per-event amounts summed.
 */
final class PercentagePricing {

  private PercentagePricing() {}

  static BigDecimal amount(PercentageProperties props, ChargeInput input) {
    if (props.hasPerTransactionBounds()) {
      return perTransaction(props, input.eventValues());
    }
    List<BigDecimal> running = freeRunningTotals(props, input.eventValues());
    BigDecimal free = freeValue(props, running);
    BigDecimal units = input.units();
    BigDecimal percentagePart =
        free.compareTo(units) > 0 ? BigDecimal.ZERO : percent(units.subtract(free), props);
    return percentagePart.add(fixedPart(props, input, freeCount(props, running)));
  }

  /**
   * The running totals the free allowance looks at, as Lago's sum aggregation builds them: the
   * first {@code free_units_per_events} totals when that is set, otherwise totals up to and
   * including the first one above {@code free_units_per_total_aggregation}.
   */
  static List<BigDecimal> freeRunningTotals(PercentageProperties props, List<BigDecimal> values) {
    List<BigDecimal> running = new ArrayList<>();
    long freeEvents = freeEvents(props);
    BigDecimal freeTotal = freeTotal(props);
    if (freeEvents == 0 && freeTotal.signum() == 0) {
      return running;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal value : values) {
      if (freeEvents > 0 ? running.size() >= freeEvents : freeTotal.compareTo(total) < 0) {
        break;
      }
      total = total.add(value);
      running.add(total);
    }
    return running;
  }

  /** The free units: whichever of the per-events and per-total allowances is reached first. */
  static BigDecimal freeValue(PercentageProperties props, List<BigDecimal> running) {
    BigDecimal last = running.isEmpty() ? BigDecimal.ZERO : running.get(running.size() - 1);
    BigDecimal freeTotal = freeTotal(props);
    if (last.signum() == 0 || freeTotal.signum() == 0) {
      return last;
    }
    return last.min(freeTotal);
  }

  /** Events not charged the fixed amount: min(free events, running totals below the free total). */
  static long freeCount(PercentageProperties props, List<BigDecimal> running) {
    long byEvents = freeEvents(props);
    BigDecimal freeTotal = freeTotal(props);
    long byTotal = running.stream().filter(t -> t.compareTo(freeTotal) < 0).count();
    if (byEvents == 0 || byTotal == 0) {
      return Math.max(byEvents, byTotal);
    }
    return Math.min(byEvents, byTotal);
  }

  private static BigDecimal fixedPart(PercentageProperties props, ChargeInput input, long free) {
    if (input.units().signum() == 0 || free >= input.eventsCount()) {
      return BigDecimal.ZERO;
    }
    return props.fixedAmount().multiply(BigDecimal.valueOf(input.eventsCount() - free));
  }

  /**
   * Per event: free events and the free total are used up first, then {@code value × rate / 100 +
   * fixed}, clamped to [min, max]. Mirrors Lago's walk, where the free total keeps applying after
   * the free events are used up.
   */
  private static BigDecimal perTransaction(PercentageProperties props, List<BigDecimal> values) {
    long freeEvents = freeEvents(props);
    BigDecimal freeAmount = freeTotal(props);
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal eventValue : values) {
      BigDecimal value = eventValue;
      if (freeEvents > 0 || freeAmount.signum() > 0) {
        freeEvents--;
        if (freeAmount.signum() <= 0) {
          continue;
        }
        if (freeAmount.compareTo(value) > 0) {
          freeAmount = freeAmount.subtract(value);
          continue;
        }
        value = value.subtract(freeAmount);
        freeAmount = BigDecimal.ZERO;
        freeEvents = 0;
      }
      BigDecimal eventAmount = percent(value, props).add(props.fixedAmount());
      total = total.add(clamp(eventAmount, props));
    }
    return total;
  }

  private static BigDecimal clamp(BigDecimal amount, PercentageProperties props) {
    BigDecimal min = props.perTransactionMinAmount();
    BigDecimal max = props.perTransactionMaxAmount();
    if (min != null && amount.compareTo(min) < 0) {
      return min;
    }
    if (max != null && amount.compareTo(max) > 0) {
      return max;
    }
    return amount;
  }

  private static long freeEvents(PercentageProperties props) {
    return props.freeUnitsPerEvents() == null ? 0 : props.freeUnitsPerEvents();
  }

  private static BigDecimal freeTotal(PercentageProperties props) {
    BigDecimal freeTotal = props.freeUnitsPerTotalAggregation();
    return freeTotal == null ? BigDecimal.ZERO : freeTotal;
  }

  private static BigDecimal percent(BigDecimal units, PercentageProperties props) {
    return units.multiply(props.rate()).movePointLeft(2);
  }
}
