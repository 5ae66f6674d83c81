package dev.billing.bench.soak;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan's prices and an independent recount: what one subscription's usage and invoice must be,
 * computed here from the acknowledged events with none of the services' code (Lago's charge models:
 * standard, package per filter, volume, graduated), each fee rounded half-up to cents once.
 */
final class Expected {

  /**
   * The plan's flat fee, in arrears, in cents (the subscription starts on the 1st: a whole month).
   */
  static final long FLAT_FEE_CENTS = 4900;

  static final String API_CALL_PRICE = "0.002";
  static final String CPU_HOUR_PRICE = "0.045";

  /** Package per 1,000 tokens, by model: amount, free units. */
  static final long TOKEN_PACKAGE = 1000;

  static final Map<String, String> TOKEN_PRICE = Map.of("fast", "0.0006", "smart", "0.005");
  static final Map<String, Long> TOKEN_FREE = Map.of("fast", 0L, "smart", 2000L);

  /** Volume on the peak storage: bounds (inclusive, -1 = open), per unit, flat. */
  static final long[][] VOLUME_BOUNDS = {{0, 100}, {101, 500}, {501, -1}};

  static final String[] VOLUME_PER_UNIT = {"0.10", "0.08", "0.05"};
  static final String[] VOLUME_FLAT = {"0", "2", "5"};

  /** Graduated on distinct users: the first 10 at $1, then $0.50 each plus $2 once reached. */
  static final long[][] GRADUATED_BOUNDS = {{0, 10}, {11, -1}};

  static final String[] GRADUATED_PER_UNIT = {"1.00", "0.50"};
  static final String[] GRADUATED_FLAT = {"0", "2"};

  /** One subscription's usage, as recounted. */
  static final class Tally {
    final Map<String, Long> events = new HashMap<>();
    final Map<String, BigDecimal> units = new HashMap<>();
    final Map<String, Long> tokenEvents = new HashMap<>();
    final Map<String, BigDecimal> tokenUnits = new HashMap<>();
    private final Set<BigDecimal> users = new HashSet<>();

    void add(Workload.Event e) {
      events.merge(e.metric(), 1L, Long::sum);
      switch (e.metric()) {
        case "storage_gb" -> units.merge(e.metric(), e.value(), BigDecimal::max);
        case "active_users" -> {
          users.add(e.value());
          units.put(e.metric(), BigDecimal.valueOf(users.size()));
        }
        case "tokens" -> {
          units.merge(e.metric(), e.value(), BigDecimal::add);
          tokenEvents.merge(e.model(), 1L, Long::sum);
          tokenUnits.merge(e.model(), e.value(), BigDecimal::add);
        }
        default -> units.merge(e.metric(), e.value(), BigDecimal::add);
      }
    }

    long events(String metric) {
      return events.getOrDefault(metric, 0L);
    }

    BigDecimal units(String metric) {
      return units.getOrDefault(metric, BigDecimal.ZERO);
    }

    /** Each charge's fee lines in cents, by metric code (tokens: one line per model). */
    Map<String, Long> chargeCents() {
      Map<String, Long> cents = new HashMap<>();
      cents.put("api_calls", cents(units("api_calls").multiply(new BigDecimal(API_CALL_PRICE))));
      long tokens = 0;
      for (String model : List.of(Workload.MODELS)) {
        tokens += cents(packaged(tokenUnits.getOrDefault(model, BigDecimal.ZERO), model));
      }
      cents.put("tokens", tokens);
      cents.put("storage_gb", cents(volume(units("storage_gb"))));
      cents.put("active_users", cents(graduated(units("active_users"))));
      cents.put("cpu_hours", cents(units("cpu_hours").multiply(new BigDecimal(CPU_HOUR_PRICE))));
      return cents;
    }

    long invoiceCents() {
      return FLAT_FEE_CENTS + chargeCents().values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private Expected() {}

  /** ceil((U − free) / 1,000) packages × the model's price; nothing within the free units. */
  static BigDecimal packaged(BigDecimal units, String model) {
    BigDecimal paid = units.subtract(BigDecimal.valueOf(TOKEN_FREE.get(model)));
    if (paid.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal packages = paid.divide(BigDecimal.valueOf(TOKEN_PACKAGE), 0, RoundingMode.CEILING);
    return packages.multiply(new BigDecimal(TOKEN_PRICE.get(model)));
  }

  /** The one tier holding U (integer units here): U × its price + its flat amount. */
  static BigDecimal volume(BigDecimal units) {
    if (units.signum() == 0) {
      return BigDecimal.ZERO;
    }
    long u = units.longValueExact();
    for (int t = 0; t < VOLUME_BOUNDS.length; t++) {
      if (u >= VOLUME_BOUNDS[t][0] && (VOLUME_BOUNDS[t][1] < 0 || u <= VOLUME_BOUNDS[t][1])) {
        return units
            .multiply(new BigDecimal(VOLUME_PER_UNIT[t]))
            .add(new BigDecimal(VOLUME_FLAT[t]));
      }
    }
    throw new IllegalStateException("no volume tier for " + units);
  }

  /** Every tier reached: its units × its price, plus its flat amount. */
  static BigDecimal graduated(BigDecimal units) {
    BigDecimal amount = BigDecimal.ZERO;
    if (units.signum() == 0) {
      return amount;
    }
    for (int t = 0; t < GRADUATED_BOUNDS.length; t++) {
      long from = GRADUATED_BOUNDS[t][0];
      long to = GRADUATED_BOUNDS[t][1];
      if (t > 0 && units.compareTo(BigDecimal.valueOf(from - 1)) <= 0) {
        break;
      }
      BigDecimal top = to < 0 ? units : units.min(BigDecimal.valueOf(to));
      BigDecimal inTier = top.subtract(BigDecimal.valueOf(Math.max(0, from - 1)));
      amount =
          amount
              .add(inTier.multiply(new BigDecimal(GRADUATED_PER_UNIT[t])))
              .add(new BigDecimal(GRADUATED_FLAT[t]));
    }
    return amount;
  }

  /** Dollars to cents, half-up, once. */
  static long cents(BigDecimal dollars) {
    return dollars.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
