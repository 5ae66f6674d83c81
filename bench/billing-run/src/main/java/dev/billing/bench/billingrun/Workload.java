package dev.billing.bench.billingrun;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's usage, a pure function of the subscription number, so the process that sends the
 * events and the one that recomputes the invoices build them from the same definition: for every
 * subscription and metric, between {@code minEvents} and {@code maxEvents} events at instants in
 * November 2026 (before the wall clock of the machine that made this benchmark, 2026-11-25).
 */
final class Workload {

  /** The five metrics, in the order of the plan's charges. */
  static final String[] METRICS = {"api_calls", "tokens", "storage_gb", "cpu_hours", "payments"};

  static final Instant PERIOD_START = Instant.parse("2026-11-01T00:00:00Z");
  private static final long SPREAD_SECONDS = 23L * 86_400;

  /**
   * One event.
   *
   * @param transactionId its id (unique within the subscription)
   * @param metric the metric code
   * @param timestamp when it happened
   * @param properties its properties as sent
   * @param value the value its metric aggregates (1 for a count)
   */
  record Event(
      String transactionId,
      String metric,
      Instant timestamp,
      Map<String, Object> properties,
      BigDecimal value) {}

  private final int minEvents;
  private final int maxEvents;

  Workload(int minEvents, int maxEvents) {
    this.minEvents = minEvents;
    this.maxEvents = maxEvents;
  }

  /** Parses "5-20" (or "12": exactly 12). */
  static Workload of(String eventsPerMetric) {
    String[] bounds = eventsPerMetric.split("-");
    int min = Integer.parseInt(bounds[0].trim());
    int max = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : min;
    return new Workload(min, max);
  }

  /** Every event of subscription {@code n}, metric by metric. */
  List<Event> events(int n) {
    List<Event> events = new ArrayList<>();
    for (int m = 0; m < METRICS.length; m++) {
      SplittableRandom random = new SplittableRandom(n * 7919L + m * 104_729L + 17);
      int count = minEvents + random.nextInt(maxEvents - minEvents + 1);
      for (int i = 0; i < count; i++) {
        Instant at = PERIOD_START.plusSeconds(random.nextLong(SPREAD_SECONDS));
        String id = "m" + m + "-" + i;
        events.add(
            switch (METRICS[m]) {
              case "api_calls" -> new Event(id, METRICS[m], at, Map.of(), BigDecimal.ONE);
              case "tokens" -> {
                long tokens = 20 + random.nextInt(1500);
                yield new Event(
                    id, METRICS[m], at, Map.of("tokens", tokens), BigDecimal.valueOf(tokens));
              }
              case "storage_gb" -> {
                long gb = 1 + random.nextInt(700);
                yield new Event(id, METRICS[m], at, Map.of("gb", gb), BigDecimal.valueOf(gb));
              }
              case "cpu_hours" -> {
                // quarter hours, sent as a string like Lago clients often do
                BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(40), 0).divide(FOUR);
                yield new Event(id, METRICS[m], at, Map.of("hours", hours.toPlainString()), hours);
              }
              default -> {
                // a marketplace payment in dollars and cents
                BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(50_000), 2);
                yield new Event(id, METRICS[m], at, Map.of("amount", amount), amount);
              }
            });
      }
    }
    return events;
  }

  private static final BigDecimal FOUR = BigDecimal.valueOf(4);

  static String externalCustomerId(int n) {
    return String.format("brc-%05d", n);
  }

  static String externalSubscriptionId(int n) {
    return String.format("brs-%05d", n);
  }
}
