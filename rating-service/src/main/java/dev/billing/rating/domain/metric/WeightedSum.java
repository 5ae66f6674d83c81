package dev.billing.rating.domain.metric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Time-weighted sum pieces. Each event's value is a delta on a running total; the units of a period
 * are the area under the running total (total × seconds) divided by the period's seconds. Areas of
 * consecutive windows add up, so an incremental aggregate can keep one {@link Segment} per window
 * and merge them with {@link Segment#followedBy}.
 */
public final class WeightedSum {

  private static final MathContext DIVISION = new MathContext(40, RoundingMode.HALF_UP);
  private static final int RESULT_SCALE = 20;

  /** A change of the running total at an instant. */
  public record Delta(Instant at, BigDecimal value) {
    public Delta {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(value, "value");
    }
  }

  /** The area (total × seconds) under the running total over a window, and the total at its end. */
  public record Segment(BigDecimal area, BigDecimal endTotal) {
    public Segment {
      Objects.requireNonNull(area, "area");
      Objects.requireNonNull(endTotal, "endTotal");
    }

    /** This window then the next one, which must have started from this one's end total. */
    public Segment followedBy(Segment next) {
      return new Segment(area.add(next.area), next.endTotal);
    }
  }

  private WeightedSum() {}

  /**
   * Integrates the running total over {@code [from, to)}, starting at {@code startTotal} (carried
   * from before {@code from}) and changed by {@code deltas}, sorted by instant and inside the
   * window.
   */
  public static Segment integrate(
      BigDecimal startTotal, Instant from, Instant to, List<Delta> deltas) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + " " + to);
    }
    BigDecimal total = startTotal;
    BigDecimal area = BigDecimal.ZERO;
    Instant cursor = from;
    for (Delta delta : deltas) {
      if (delta.at().isBefore(cursor) || !delta.at().isBefore(to)) {
        throw new IllegalArgumentException(
            "deltas must be sorted and inside [" + from + ", " + to + "): " + delta.at());
      }
      area = area.add(total.multiply(seconds(cursor, delta.at())));
      total = total.add(delta.value());
      cursor = delta.at();
    }
    area = area.add(total.multiply(seconds(cursor, to)));
    return new Segment(area, total);
  }

  /** The period average: area ÷ the period's seconds, ceiled to 20 decimals as Lago does. */
  public static BigDecimal average(BigDecimal area, Instant from, Instant to) {
    BigDecimal periodSeconds = seconds(from, to);
    if (periodSeconds.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal average =
        area.divide(periodSeconds, DIVISION).setScale(RESULT_SCALE, RoundingMode.CEILING);
    BigDecimal stripped = average.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Seconds between two instants, exact to the millisecond. */
  public static BigDecimal seconds(Instant from, Instant to) {
    return BigDecimal.valueOf(Duration.between(from, to).toMillis(), 3);
  }
}
