package dev.billing.bench.rating;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The expected aggregates, counted from the workload definition, not from the service. */
final class Recount {

  /**
   * Expected usage of one subscription and metric.
   *
   * @param events events
   * @param units count, sum, max or distinct count, by the metric's aggregation
   */
  record Expected(long events, BigDecimal units) {}

  private final Map<String, Long> events = new HashMap<>();
  private final Map<String, BigDecimal> sums = new HashMap<>();
  private final Map<String, BigDecimal> maxes = new HashMap<>();
  private final Map<String, Set<String>> distinct = new HashMap<>();

  void add(Workload.Event e) {
    String key = Workload.externalId(e.subscription()) + "|" + e.metric();
    events.merge(key, 1L, Long::sum);
    if (e.uniqueValue() != null) {
      distinct.computeIfAbsent(key, k -> new HashSet<>()).add(e.uniqueValue());
    } else if ("storage_peak".equals(e.metric())) {
      maxes.merge(key, e.value(), BigDecimal::max);
    } else {
      sums.merge(key, e.value(), BigDecimal::add);
    }
  }

  Map<String, Expected> expected() {
    Map<String, Expected> expected = new HashMap<>();
    events.forEach(
        (key, count) -> {
          BigDecimal units;
          if (distinct.containsKey(key)) {
            units = BigDecimal.valueOf(distinct.get(key).size());
          } else if (maxes.containsKey(key)) {
            units = maxes.get(key);
          } else {
            units = sums.get(key);
          }
          expected.put(key, new Expected(count, units));
        });
    return expected;
  }
}
