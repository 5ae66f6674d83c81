package dev.billing.invoicing.domain.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Lago's trial: the base fee is free for {@code trial_period} days (possibly fractional). */
public final class Trial {

  private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400_000_000_000L);

  private Trial() {}

  /** When a trial of {@code days} from {@code start} ends; empty when there is no trial. */
  public static Optional<Instant> endOf(Instant start, BigDecimal days) {
    if (days == null || days.signum() <= 0) {
      return Optional.empty();
    }
    long nanos = days.multiply(NANOS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return Optional.of(start.plusNanos(nanos));
  }

  /** The first local day whose base fee is paid: the day the trial ends on is billed. */
  public static LocalDate firstPaidDay(Instant trialEnd, ZoneId zone) {
    return trialEnd.atZone(zone).toLocalDate();
  }
}
