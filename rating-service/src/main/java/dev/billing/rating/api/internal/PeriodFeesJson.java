package dev.billing.rating.api.internal;

import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.contracts.PeriodFees.Line;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.rating.app.usage.UsageQuery.PeriodUsage;
import dev.billing.rating.domain.charge.TrueUp;
import dev.billing.rating.domain.charge.TrueUpAmount;
import dev.billing.rating.domain.usage.BucketUsage;
import dev.billing.rating.domain.usage.ChargeUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The internal fees APIs' answer for one priced period: one line per charge, filter bucket and
 * group, then each charge's spending-minimum true-up.
 */
final class PeriodFeesJson {

  private PeriodFeesJson() {}

  /** The fee lines of a priced period billed up to {@code billedTo} (null: the period end). */
  static PeriodFees of(PeriodUsage usage, Instant billedTo) {
    CurrencyUnit currency = Currencies.of(usage.currency());
    List<Line> lines = new ArrayList<>();
    for (ChargeUsage charge : usage.charges()) {
      for (BucketUsage bucket : charge.buckets()) {
        lines.add(line(charge, bucket));
      }
      if (charge.charge().minAmountCents() > 0) {
        TrueUpAmount trueUp =
            TrueUp.calculate(
                charge.charge().minAmountCents(),
                currency,
                charge.preciseAmounts(),
                daysBilled(usage, billedTo),
                days(usage.period().start(), usage.period().end(), usage));
        if (!trueUp.isNone()) {
          lines.add(
              new Line(
                  charge.charge().id().toString(),
                  charge.charge().code(),
                  charge.metric().code(),
                  charge.metric().definition().name(),
                  null,
                  Map.of(),
                  Map.of(),
                  charge.charge().invoiceDisplayName(),
                  "1",
                  0,
                  trueUp.amount().minorUnits(),
                  trueUp.preciseAmount().toPlainString(),
                  true));
        }
      }
    }
    long total = lines.stream().mapToLong(Line::amountCents).sum();
    return new PeriodFees(
        usage.subscription().id().toString(),
        usage.period().start(),
        usage.period().end(),
        usage.currency(),
        total,
        lines);
  }

  private static Line line(ChargeUsage charge, BucketUsage bucket) {
    return new Line(
        charge.charge().id().toString(),
        charge.charge().code(),
        charge.metric().code(),
        charge.metric().definition().name(),
        bucket.filter() == null ? null : bucket.filter().id().toString(),
        bucket.filter() == null ? Map.of() : bucket.filter().values(),
        bucket.groupedBy(),
        bucket.filter() != null && bucket.filter().invoiceDisplayName() != null
            ? bucket.filter().invoiceDisplayName()
            : charge.charge().invoiceDisplayName(),
        bucket.units().stripTrailingZeros().toPlainString(),
        bucket.eventsCount(),
        bucket.money().minorUnits(),
        bucket.amount().preciseAmount().toPlainString(),
        false);
  }

  private static long daysBilled(PeriodUsage usage, Instant billedTo) {
    Instant start = usage.period().start();
    Instant started = usage.subscription().startedAt();
    if (started != null && started.isAfter(start)) {
      start = started;
    }
    Instant end = usage.period().end();
    if (billedTo != null && billedTo.isBefore(end)) {
      end = billedTo;
    }
    return Math.max(0, days(start, end, usage));
  }

  private static long days(Instant from, Instant to, PeriodUsage usage) {
    var zone = usage.subscription().zone();
    LocalDate first = from.atZone(zone).toLocalDate();
    LocalDate end = to.atZone(zone).toLocalDate();
    if (!to.atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      end = end.plusDays(1);
    }
    return ChronoUnit.DAYS.between(first, end);
  }
}
