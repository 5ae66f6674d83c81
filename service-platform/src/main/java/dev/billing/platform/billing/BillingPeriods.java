package dev.billing.platform.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Billing periods of a subscription, as pure functions of the plan interval, the billing time and
 * the subscription date, all in the customer's timezone.
 *
 * <p>Calendar periods align to Monday, the 1st of the month, Jan 1 / Apr 1 / Jul 1 / Oct 1 (Jan 1 /
 * Jul 1 for semiannual) and Jan 1; the first one is cut at the subscription date, so it is
 * prorated. Anniversary periods repeat the subscription date: a subscription of the 31st renews on
 * the last day of shorter months and returns to the 31st afterwards, because each boundary is
 * counted from the subscription date rather than from the previous boundary.
 */
public final class BillingPeriods {

  /** A Monday and a January 1st: the origin of every calendar grid. */
  private static final LocalDate CALENDAR_ORIGIN = LocalDate.of(2001, 1, 1);

  private BillingPeriods() {}

  /** The whole period containing {@code day}, not cut at the subscription date. */
  public static BillingPeriod fullPeriodContaining(
      PlanInterval interval, BillingTime time, LocalDate subscriptionDate, LocalDate day) {
    return grid(interval, time, subscriptionDate).periodContaining(day);
  }

  /** The subscription's period containing {@code day}: the first calendar period is cut. */
  public static BillingPeriod periodContaining(
      PlanInterval interval, BillingTime time, LocalDate subscriptionDate, LocalDate day) {
    if (day.isBefore(subscriptionDate)) {
      throw new IllegalArgumentException(day + " is before the subscription date");
    }
    BillingPeriod full = fullPeriodContaining(interval, time, subscriptionDate, day);
    return full.within(subscriptionDate, full.toDate()).orElseThrow();
  }

  /** The period containing instant {@code at}, with dates taken in {@code zone}. */
  public static BillingPeriod periodContaining(
      PlanInterval interval, BillingTime time, Instant subscriptionAt, Instant at, ZoneId zone) {
    return periodContaining(interval, time, localDate(subscriptionAt, zone), localDate(at, zone));
  }

  /** The subscription's first period: full for anniversary, cut for calendar. */
  public static BillingPeriod firstPeriod(
      PlanInterval interval, BillingTime time, LocalDate subscriptionDate) {
    return periodContaining(interval, time, subscriptionDate, subscriptionDate);
  }

  /** The first period boundary strictly after {@code day}. */
  public static LocalDate nextBoundaryAfter(
      PlanInterval interval, BillingTime time, LocalDate subscriptionDate, LocalDate day) {
    return fullPeriodContaining(interval, time, subscriptionDate, day).toDate();
  }

  /** The first boundary strictly after {@code at}: a local midnight in {@code zone}. */
  public static Instant nextBoundaryAfter(
      PlanInterval interval, BillingTime time, Instant subscriptionAt, Instant at, ZoneId zone) {
    LocalDate boundary =
        nextBoundaryAfter(interval, time, localDate(subscriptionAt, zone), localDate(at, zone));
    return boundary.atStartOfDay(zone).toInstant();
  }

  /**
   * The usage period containing {@code day}: monthly under {@code bill_charges_monthly} on a yearly
   * or semiannual plan (calendar months or monthly anniversaries), else the plan period.
   */
  public static BillingPeriod chargesPeriodContaining(
      PlanInterval planInterval,
      boolean billChargesMonthly,
      BillingTime time,
      LocalDate subscriptionDate,
      LocalDate day) {
    PlanInterval interval = chargesInterval(planInterval, billChargesMonthly);
    return periodContaining(interval, time, subscriptionDate, day);
  }

  /** Monthly when a yearly or semiannual plan bills its charges monthly, else the plan's own. */
  public static PlanInterval chargesInterval(
      PlanInterval planInterval, boolean billChargesMonthly) {
    return billChargesMonthly && planInterval.allowsMonthlyCharges()
        ? PlanInterval.MONTHLY
        : planInterval;
  }

  public static LocalDate localDate(Instant at, ZoneId zone) {
    return at.atZone(zone).toLocalDate();
  }

  private static Grid grid(PlanInterval interval, BillingTime time, LocalDate subscriptionDate) {
    return new Grid(time == BillingTime.ANNIVERSARY ? subscriptionDate : CALENDAR_ORIGIN, interval);
  }

  /** Boundaries {@code origin + k × interval} for every integer k. */
  private record Grid(LocalDate origin, PlanInterval interval) {

    LocalDate boundary(long k) {
      return interval == PlanInterval.WEEKLY
          ? origin.plusWeeks(k)
          : origin.plusMonths(k * interval.months());
    }

    BillingPeriod periodContaining(LocalDate day) {
      long k = estimateIndex(day);
      // month-end clamping can put the estimate one step off either way
      while (boundary(k).isAfter(day)) {
        k--;
      }
      while (!boundary(k + 1).isAfter(day)) {
        k++;
      }
      return BillingPeriod.full(boundary(k), boundary(k + 1));
    }

    private long estimateIndex(LocalDate day) {
      if (interval == PlanInterval.WEEKLY) {
        return Math.floorDiv(ChronoUnit.DAYS.between(origin, day), 7);
      }
      long months = monthIndex(day) - monthIndex(origin);
      return Math.floorDiv(months, interval.months());
    }

    private static long monthIndex(LocalDate date) {
      return date.getYear() * 12L + date.getMonthValue() - 1;
    }
  }
}
