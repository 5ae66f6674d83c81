package dev.billing.bench.billingrun;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected invoice of one subscription, computed here from the events the workload made and the
 * plan's prices (lago.md §4), with none of the services' code: the flat fee (a calendar
 * subscription started on the 1st, billed in arrears: the whole month) plus one fee per charge,
 * each rounded once, half-up, to cents.
 */
final class Expected {

  /** The plan's flat fee, in cents. */
  static final long FLAT_FEE_CENTS = 2900;

  // standard, on api_calls (count): $0.35 per call
  static final String STANDARD_AMOUNT = "0.35";

  // graduated, on tokens (sum): 0–1,000 at $0.002; 1,001–5,000 at $0.0015 + $1 flat; 5,001+ at
  // $0.001 + $0.50 flat
  static final long[][] GRADUATED_BOUNDS = {{0, 1000}, {1001, 5000}, {5001, -1}};
  static final String[] GRADUATED_PER_UNIT = {"0.002", "0.0015", "0.001"};
  static final String[] GRADUATED_FLAT = {"0", "1", "0.50"};

  // volume, on storage_gb (max): 0–100 at $0.10; 101–500 at $0.08 + $2; 501+ at $0.05 + $5
  static final long[][] VOLUME_BOUNDS = {{0, 100}, {101, 500}, {501, -1}};
  static final String[] VOLUME_PER_UNIT = {"0.10", "0.08", "0.05"};
  static final String[] VOLUME_FLAT = {"0", "2", "5"};

  // package, on cpu_hours (sum): $1.50 per started 10 hours, 5 hours free
  static final String PACKAGE_AMOUNT = "1.50";
  static final long PACKAGE_SIZE = 10;
  static final long PACKAGE_FREE_UNITS = 5;

  // percentage, on payments (sum): 2.9 % + $0.30 per payment
  static final String PERCENTAGE_RATE = "2.9";
  static final String PERCENTAGE_FIXED = "0.30";

  private Expected() {}

  /** The invoice's total in cents, and its fees by metric code ("flat" for the base fee). */
  static Map<String, Long> fees(List<Workload.Event> events) {
    Map<String, BigDecimal> units = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    for (Workload.Event e : events) {
      counts.merge(e.metric(), 1L, Long::sum);
      if ("storage_gb".equals(e.metric())) {
        units.merge(e.metric(), e.value(), BigDecimal::max);
      } else {
        units.merge(e.metric(), e.value(), BigDecimal::add);
      }
    }
    Map<String, Long> fees = new HashMap<>();
    fees.put("flat", FLAT_FEE_CENTS);
    fees.put("api_calls", cents(standard(units.getOrDefault("api_calls", BigDecimal.ZERO))));
    fees.put("tokens", cents(graduated(units.getOrDefault("tokens", BigDecimal.ZERO))));
    fees.put("storage_gb", cents(volume(units.getOrDefault("storage_gb", BigDecimal.ZERO))));
    fees.put("cpu_hours", cents(packaged(units.getOrDefault("cpu_hours", BigDecimal.ZERO))));
    fees.put(
        "payments",
        cents(
            percentage(
                units.getOrDefault("payments", BigDecimal.ZERO),
                counts.getOrDefault("payments", 0L))));
    return fees;
  }

  static long total(Map<String, Long> fees) {
    return fees.values().stream().mapToLong(Long::longValue).sum();
  }

  static BigDecimal standard(BigDecimal u) {
    return u.multiply(new BigDecimal(STANDARD_AMOUNT));
  }

  /** Each tier reached: its units (inclusive bounds) × its price, plus its flat amount. */
  static BigDecimal graduated(BigDecimal u) {
    BigDecimal amount = BigDecimal.ZERO;
    for (int t = 0; t < GRADUATED_BOUNDS.length; t++) {
      long from = GRADUATED_BOUNDS[t][0];
      long to = GRADUATED_BOUNDS[t][1];
      if (t > 0 && u.compareTo(BigDecimal.valueOf(from - 1)) <= 0) {
        break;
      }
      BigDecimal top = to < 0 ? u : u.min(BigDecimal.valueOf(to));
      BigDecimal inTier = from == 0 ? top : top.subtract(BigDecimal.valueOf(from - 1));
      amount =
          amount
              .add(inTier.multiply(new BigDecimal(GRADUATED_PER_UNIT[t])))
              .add(new BigDecimal(GRADUATED_FLAT[t]));
    }
    return amount;
  }

  /** The one tier holding ceil(U): U × its price + its flat amount. */
  static BigDecimal volume(BigDecimal u) {
    long ceiling = u.setScale(0, RoundingMode.CEILING).longValueExact();
    for (int t = 0; t < VOLUME_BOUNDS.length; t++) {
      long from = VOLUME_BOUNDS[t][0];
      long to = VOLUME_BOUNDS[t][1];
      if (ceiling >= from && (to < 0 || ceiling <= to)) {
        return u.multiply(new BigDecimal(VOLUME_PER_UNIT[t])).add(new BigDecimal(VOLUME_FLAT[t]));
      }
    }
    throw new IllegalStateException("no volume tier for " + u);
  }

  /** ceil((U − free) / size) × amount, nothing when U ≤ free. */
  static BigDecimal packaged(BigDecimal u) {
    BigDecimal paid = u.subtract(BigDecimal.valueOf(PACKAGE_FREE_UNITS));
    if (paid.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal packages = paid.divide(BigDecimal.valueOf(PACKAGE_SIZE), 0, RoundingMode.CEILING);
    return packages.multiply(new BigDecimal(PACKAGE_AMOUNT));
  }

  /** U × rate / 100 plus the fixed amount per event (nothing when U is 0); no free units. */
  static BigDecimal percentage(BigDecimal u, long events) {
    if (u.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return u.multiply(new BigDecimal(PERCENTAGE_RATE))
        .divide(BigDecimal.valueOf(100))
        .add(new BigDecimal(PERCENTAGE_FIXED).multiply(BigDecimal.valueOf(events)));
  }

  /** Dollars to cents, rounded half-up once. */
  static long cents(BigDecimal dollars) {
    return dollars.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
