package dev.billing.platform.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of whole days in the customer's timezone: {@code fromDate} included, {@code toDate}
 * excluded (half-open, so consecutive periods share a boundary and never overlap). Lago shows the
 * inclusive end {@code lastDay()T23:59:59}; {@link #to(ZoneId)} is the instant right after it.
 *
 * @param fromDate first day of the period
 * @param toDate first day after the period
 * @param daysInFullPeriod days of the whole plan period this one is part of (the proration
 *     denominator); equals {@link #days()} unless the period was cut at a start, trial or end
 */
public record BillingPeriod(LocalDate fromDate, LocalDate toDate, long daysInFullPeriod) {

  public BillingPeriod {
    Objects.requireNonNull(fromDate, "fromDate");
    Objects.requireNonNull(toDate, "toDate");
    if (!fromDate.isBefore(toDate)) {
      throw new IllegalArgumentException("empty period " + fromDate + ".." + toDate);
    }
    if (daysInFullPeriod < ChronoUnit.DAYS.between(fromDate, toDate)) {
      throw new IllegalArgumentException("a period cannot be longer than its full period");
    }
  }

  /** A whole, uncut period. */
  public static BillingPeriod full(LocalDate fromDate, LocalDate toDate) {
    return new BillingPeriod(fromDate, toDate, ChronoUnit.DAYS.between(fromDate, toDate));
  }

  public long days() {
    return ChronoUnit.DAYS.between(fromDate, toDate);
  }

  public boolean isFull() {
    return days() == daysInFullPeriod;
  }

  /** The last day in the period: Lago's inclusive {@code to_date}. */
  public LocalDate lastDay() {
    return toDate.minusDays(1);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(fromDate) && day.isBefore(toDate);
  }

  /** Local midnight at the start of {@code fromDate}. */
  public Instant from(ZoneId zone) {
    return fromDate.atStartOfDay(zone).toInstant();
  }

  /** Local midnight at the start of {@code toDate}: the exclusive end. */
  public Instant to(ZoneId zone) {
    return toDate.atStartOfDay(zone).toInstant();
  }

  /** The part of this period within {@code [from, toExclusive)}, keeping the full-period days. */
  public Optional<BillingPeriod> within(LocalDate from, LocalDate toExclusive) {
    LocalDate start = from.isAfter(fromDate) ? from : fromDate;
    LocalDate end = toExclusive.isBefore(toDate) ? toExclusive : toDate;
    return start.isBefore(end)
        ? Optional.of(new BillingPeriod(start, end, daysInFullPeriod))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "[" + fromDate + ", " + toDate + ")/" + daysInFullPeriod;
  }
}
