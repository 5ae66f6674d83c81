package dev.billing.invoicing.domain.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How and when a subscription stopped.
 *
 * @param at the instant it stopped
 * @param kind whether the day it stopped still belongs to it
 */
public record Termination(Instant at, Kind kind) {

  /** Whether the last day is billed to the ending subscription or to its replacement. */
  public enum Kind {
    /** Terminated (DELETE, ending_at): the termination day is billed, unless at local midnight. */
    TERMINATED,
    /**
     * Replaced by a plan change: that day belongs to the new subscription (Lago's upgrade rule).
     */
    REPLACED
  }

  public Termination {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }

  /** The first local day no longer billed to the ending subscription. */
  public LocalDate firstUnbilledDay(ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    boolean atMidnight = day.atStartOfDay(zone).toInstant().equals(at);
    return kind == Kind.REPLACED || atMidnight ? day : day.plusDays(1);
  }
}
