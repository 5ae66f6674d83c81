package dev.billing.bench.rating;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmark's events, a pure function of their index, so the load and the independent recount
 * are made by separate processes from the same definition: a hot subscription with {@code
 * hotEvents} token events, then 999 subscriptions × 5 metrics in turn.
 */
final class Workload {

  static final int SUBSCRIPTIONS = 1000;
  static final String[] METRICS = {
    "api_calls", "tokens", "storage_peak", "active_users", "cpu_hours"
  };

  /**
   * One event.
   *
   * @param index its index
   * @param subscription the subscription number
   * @param metric the metric code
   * @param properties its properties
   * @param value the value the metric aggregates (1 for a count), or null for unique values
   * @param uniqueValue the distinct value (active_users), else null
   */
  record Event(
      long index,
      int subscription,
      String metric,
      Map<String, Object> properties,
      BigDecimal value,
      String uniqueValue) {}

  private final long hotEvents;

  Workload(long hotEvents) {
    this.hotEvents = hotEvents;
  }

  void forEach(long from, long to, Consumer<Event> sink) {
    for (long i = from; i < to; i++) {
      sink.accept(event(i));
    }
  }

  Event event(long i) {
    if (i < hotEvents) {
      long tokens = 1 + i % 97;
      return new Event(i, 0, "tokens", Map.of("tokens", tokens), BigDecimal.valueOf(tokens), null);
    }
    long j = i - hotEvents;
    int subscription = 1 + (int) (j % (SUBSCRIPTIONS - 1));
    String metric = METRICS[(int) ((j / (SUBSCRIPTIONS - 1)) % METRICS.length)];
    return switch (metric) {
      case "api_calls" -> new Event(i, subscription, metric, Map.of(), BigDecimal.ONE, null);
      case "tokens" -> {
        long tokens = j % 1000 + 1;
        yield new Event(
            i, subscription, metric, Map.of("tokens", tokens), BigDecimal.valueOf(tokens), null);
      }
      case "storage_peak" -> {
        long gb = j % 500;
        yield new Event(i, subscription, metric, Map.of("gb", gb), BigDecimal.valueOf(gb), null);
      }
      case "active_users" -> {
        String user = "u" + j % 37;
        yield new Event(i, subscription, metric, Map.of("user_id", user), null, user);
      }
      default -> {
        BigDecimal hours = new BigDecimal((j % 7) + ".25");
        yield new Event(
            i, subscription, metric, Map.of("hours", hours.toPlainString()), hours, null);
      }
    };
  }

  static String externalId(int subscription) {
    return String.format("bench-sub-%04d", subscription);
  }
}
