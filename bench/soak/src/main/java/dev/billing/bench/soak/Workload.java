package dev.billing.bench.soak;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The soak's events, each a pure function of its index, so the producers keep no copy and the
 * recount rebuilds exactly what was sent: even indices go by HTTP, odd ones by Kafka. Event {@code
 * i} belongs to one of {@code subscriptions} subscriptions and one of the five metrics; its
 * timestamp lies between the period start and the soak's start (so every event is in the period the
 * billing run closes).
 *
 * @param subscriptions how many subscriptions share the events
 * @param periodStart the period start, epoch seconds
 * @param soakStart when the soak started, epoch seconds (latest event timestamp)
 */
record Workload(int subscriptions, long periodStart, long soakStart) {

  /** The metric codes, as in the plan's charges. */
  static final String[] METRICS = {
    "api_calls", "tokens", "storage_gb", "active_users", "cpu_hours"
  };

  /** The two values of the tokens metric's filter ({@code model}). */
  static final String[] MODELS = {"fast", "smart"};

  /**
   * One event.
   *
   * @param index its index
   * @param subscription subscription number
   * @param metric metric code
   * @param timestamp epoch seconds
   * @param properties as sent
   * @param value what its metric aggregates (1 for a count; the user id's number for a unique
   *     count)
   */
  record Event(
      long index,
      int subscription,
      String metric,
      long timestamp,
      Map<String, Object> properties,
      BigDecimal value) {

    String transactionId() {
      return "soak-" + index;
    }

    /** The filter value of a tokens event, else null. */
    String model() {
      return (String) properties.get("model");
    }
  }

  Event event(long index) {
    SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + 0x5EED);
    int sub = random.nextInt(subscriptions);
    long span = Math.max(60, soakStart - periodStart - 60);
    long at = periodStart + random.nextLong(span);
    String metric = METRICS[random.nextInt(METRICS.length)];
    Map<String, Object> properties = new LinkedHashMap<>();
    BigDecimal value;
    switch (metric) {
      case "api_calls" -> value = BigDecimal.ONE;
      case "tokens" -> {
        long tokens = 50 + random.nextInt(4000);
        properties.put("model", MODELS[random.nextInt(MODELS.length)]);
        properties.put("tokens", tokens);
        value = BigDecimal.valueOf(tokens);
      }
      case "storage_gb" -> {
        // each subscription has its own ceiling, so the max lands in different volume tiers
        long gb = 1 + random.nextInt(storageCeiling(sub));
        properties.put("gb", gb);
        value = BigDecimal.valueOf(gb);
      }
      case "active_users" -> {
        int user = random.nextInt(usersOf(sub));
        properties.put("user_id", "user-" + user);
        value = BigDecimal.valueOf(user);
      }
      default -> {
        // quarter hours as a string, as Lago clients often send decimals
        BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(16)).divide(BigDecimal.valueOf(4));
        properties.put("hours", hours.toPlainString());
        value = hours;
      }
    }
    return new Event(index, sub, metric, at, properties, value);
  }

  static int storageCeiling(int sub) {
    return 40 + (sub * 37) % 760;
  }

  static int usersOf(int sub) {
    return 3 + sub % 30;
  }

  static String customerId(int sub) {
    return String.format("soak-cus-%03d", sub);
  }

  static String subscriptionId(int sub) {
    return String.format("soak-sub-%03d", sub);
  }
}
