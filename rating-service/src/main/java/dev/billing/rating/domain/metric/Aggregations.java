package dev.billing.rating.domain.metric;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reference aggregations over the events of one period (and one filter or group bucket), used for
 * re-rating and as an independent recount. Events whose aggregated property is missing or not
 * numeric are skipped, as Lago's queries do, and counted in {@link
 * AggregationResult#skippedEvents()}. Events with equal timestamps keep their list order.
 */
public final class Aggregations {

  static final String OPERATION_TYPE = "operation_type";

  private Aggregations() {}

  /**
   * Aggregates with the metric's type and applies its rounding rule. {@code from}/{@code to} bound
   * the period (used by weighted sum); {@code initialValue} is the running total carried into a
   * recurring weighted sum (zero otherwise).
   */
  public static AggregationResult aggregate(
      BillableMetricDefinition metric,
      List<MeteredEvent> events,
      Instant from,
      Instant to,
      BigDecimal initialValue) {
    String field = metric.fieldName();
    AggregationResult result =
        switch (metric.aggregationType()) {
          case COUNT_AGG -> count(events);
          case SUM_AGG -> sum(events, field);
          case MAX_AGG -> max(events, field);
          case LATEST_AGG -> latest(events, field);
          case UNIQUE_COUNT_AGG -> uniqueCount(events, field);
          case WEIGHTED_SUM_AGG -> weightedSum(events, field, initialValue, from, to);
        };
    return result.withValue(
        UnitsRounding.apply(result.value(), metric.roundingFunction(), metric.roundingPrecision()));
  }

  public static AggregationResult count(List<MeteredEvent> events) {
    return new AggregationResult(BigDecimal.valueOf(events.size()), events.size(), 0);
  }

  public static AggregationResult sum(List<MeteredEvent> events, String field) {
    BigDecimal total = BigDecimal.ZERO;
    long counted = 0;
    for (MeteredEvent event : events) {
      Optional<BigDecimal> value = event.numericValue(field);
      if (value.isPresent()) {
        total = total.add(value.get());
        counted++;
      }
    }
    return new AggregationResult(total, counted, events.size() - counted);
  }

  /** The largest value in the period; zero without numeric events. */
  public static AggregationResult max(List<MeteredEvent> events, String field) {
    List<BigDecimal> values = numericValues(events, field);
    BigDecimal max = values.stream().max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
    return new AggregationResult(max, values.size(), events.size() - values.size());
  }

  /** The value of the event with the latest timestamp; negative values count as zero (Lago). */
  public static AggregationResult latest(List<MeteredEvent> events, String field) {
    BigDecimal latest = BigDecimal.ZERO;
    Instant latestAt = null;
    long counted = 0;
    for (MeteredEvent event : events) {
      Optional<BigDecimal> value = event.numericValue(field);
      if (value.isEmpty()) {
        continue;
      }
      counted++;
      if (latestAt == null || !event.timestamp().isBefore(latestAt)) {
        latest = value.get();
        latestAt = event.timestamp();
      }
    }
    return new AggregationResult(latest.max(BigDecimal.ZERO), counted, events.size() - counted);
  }

  /**
   * Distinct values of the property; with {@code operation_type} add/remove, a value counts when
   * its last relevant operation is an add (see {@link UniqueCountState}).
   */
  public static AggregationResult uniqueCount(List<MeteredEvent> events, String field) {
    return uniqueCount(events, field, new UniqueCountState());
  }

  /** The same, continuing from a state carried in (recurring metric) and updating it. */
  public static AggregationResult uniqueCount(
      List<MeteredEvent> events, String field, UniqueCountState state) {
    long counted = 0;
    for (MeteredEvent event : byTimestamp(events)) {
      Optional<String> value = event.value(field);
      Optional<UniqueCountState.Operation> operation =
          UniqueCountState.Operation.fromWire(event.properties().get(OPERATION_TYPE));
      if (value.isEmpty() || operation.isEmpty()) {
        continue;
      }
      state.apply(value.get(), operation.get());
      counted++;
    }
    return new AggregationResult(
        BigDecimal.valueOf(state.count()), counted, events.size() - counted);
  }

  /**
   * Time-weighted average of a running total over {@code [from, to)}: the property is a delta,
   * {@code initialTotal} the total carried in. Events must lie inside the period.
   */
  public static AggregationResult weightedSum(
      List<MeteredEvent> events, String field, BigDecimal initialTotal, Instant from, Instant to) {
    List<WeightedSum.Delta> deltas = new ArrayList<>();
    for (MeteredEvent event : byTimestamp(events)) {
      event
          .numericValue(field)
          .ifPresent(v -> deltas.add(new WeightedSum.Delta(event.timestamp(), v)));
    }
    BigDecimal start = initialTotal == null ? BigDecimal.ZERO : initialTotal;
    WeightedSum.Segment segment = WeightedSum.integrate(start, from, to, deltas);
    return new AggregationResult(
        WeightedSum.average(segment.area(), from, to),
        deltas.size(),
        events.size() - deltas.size());
  }

  private static List<BigDecimal> numericValues(List<MeteredEvent> events, String field) {
    List<BigDecimal> values = new ArrayList<>();
    for (MeteredEvent event : events) {
      event.numericValue(field).ifPresent(values::add);
    }
    return values;
  }

  private static List<MeteredEvent> byTimestamp(List<MeteredEvent> events) {
    List<MeteredEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(MeteredEvent::timestamp));
    return sorted;
  }
}
