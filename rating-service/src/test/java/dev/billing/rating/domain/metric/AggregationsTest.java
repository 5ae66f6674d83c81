package dev.billing.rating.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationsTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static MeteredEvent event(int minute, Map<String, String> properties) {
    return new MeteredEvent("tx-" + minute, T0.plusSeconds(60L * minute), properties);
  }

  private static MeteredEvent value(int minute, String value) {
    return event(minute, Map.of("gb", value));
  }

  @Test
  void shouldCountEveryEventWhenCounting() {
    AggregationResult result =
        Aggregations.count(List.of(value(1, "x"), event(2, Map.of()), value(3, "1")));

    assertThat(result.value()).isEqualByComparingTo("3");
    assertThat(result.eventsCount()).isEqualTo(3);
  }

  @Test
  void shouldSkipAndReportEventsWhenValueIsMissingOrNotNumeric() {
    List<MeteredEvent> events =
        List.of(
            value(1, "1.5"),
            value(2, "-0.5"),
            value(3, "abc"),
            value(4, "1e3"),
            event(5, Map.of("other", "2")),
            value(6, "10"));

    AggregationResult result = Aggregations.sum(events, "gb");

    // 1.5 − 0.5 + 10 = 11; "abc", "1e3" and the event without "gb" are skipped
    assertThat(result.value()).isEqualByComparingTo("11");
    assertThat(result.eventsCount()).isEqualTo(3);
    assertThat(result.skippedEvents()).isEqualTo(3);
  }

  @Test
  void shouldTakeLargestValueWhenMax() {
    AggregationResult result =
        Aggregations.max(List.of(value(1, "3"), value(2, "12.5"), value(3, "7")), "gb");

    assertThat(result.value()).isEqualByComparingTo("12.5");
    assertThat(Aggregations.max(List.of(), "gb").value()).isEqualByComparingTo("0");
  }

  @Test
  void shouldTakeValueOfLatestTimestampWhenLatestAndEventsAreUnordered() {
    AggregationResult result =
        Aggregations.latest(List.of(value(5, "8"), value(9, "4"), value(2, "20")), "gb");

    assertThat(result.value()).isEqualByComparingTo("4");
    assertThat(result.eventsCount()).isEqualTo(3);
  }

  @Test
  void shouldGiveZeroWhenLatestValueIsNegative() {
    assertThat(Aggregations.latest(List.of(value(1, "5"), value(2, "-3")), "gb").value())
        .isEqualByComparingTo("0");
  }

  @Test
  void shouldCountDistinctValuesWhenNoOperationType() {
    AggregationResult result =
        Aggregations.uniqueCount(
            List.of(value(1, "a"), value(2, "b"), value(3, "a"), event(4, Map.of())), "gb");

    assertThat(result.value()).isEqualByComparingTo("2");
    assertThat(result.eventsCount()).isEqualTo(3);
    assertThat(result.skippedEvents()).isEqualTo(1);
  }

  @Test
  void shouldApplyAddAndRemoveInTimestampOrderWhenOperationTypeIsGiven() {
    List<MeteredEvent> events =
        List.of(
            op(7, "d", "remove"),
            op(1, "a", "add"),
            op(2, "a", "add"), // repeated add counts 0
            op(3, "b", "add"),
            op(4, "a", "remove"), // a: +1 − 1 = 0
            op(5, "c", "remove"), // a first remove counts 0
            op(6, "d", "add"),
            op(8, "d", "add"), // d: +1 − 1 + 1 = 1
            op(9, "e", "subtract")); // unknown operation: skipped

    AggregationResult result = Aggregations.uniqueCount(events, "user");

    // a 0 + b 1 + c 0 + d 1 = 2
    assertThat(result.value()).isEqualByComparingTo("2");
    assertThat(result.skippedEvents()).isEqualTo(1);
  }

  @Test
  void shouldCarryStateAcrossPeriodsWhenUniqueCountIsRecurring() {
    UniqueCountState state = new UniqueCountState();
    Aggregations.uniqueCount(List.of(op(1, "a", "add"), op(2, "b", "add")), "user", state);

    UniqueCountState restored = new UniqueCountState(state.snapshot());
    AggregationResult next =
        Aggregations.uniqueCount(List.of(op(10, "a", "remove")), "user", restored);

    assertThat(next.value()).isEqualByComparingTo("1");
    assertThat(restored.presentValues()).containsExactly("b");
  }

  @Test
  void shouldAverageRunningTotalOverPeriodWhenWeightedSumMatchesLagoExample() {
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    Instant to = Instant.parse("2024-01-31T00:00:00Z");
    List<MeteredEvent> events =
        List.of(
            new MeteredEvent("t1", Instant.parse("2024-01-15T00:00:00Z"), Map.of("gb", "20")),
            new MeteredEvent("t2", Instant.parse("2024-01-17T00:00:00Z"), Map.of("gb", "-10")));

    AggregationResult result = Aggregations.weightedSum(events, "gb", BigDecimal.ZERO, from, to);

    // (20 × 2 days + 10 × 14 days) / 30 days = 180 / 30 = 6
    assertThat(result.value()).isEqualByComparingTo("6");
    assertThat(result.eventsCount()).isEqualTo(2);
  }

  @Test
  void shouldCountInitialValueWhenWeightedSumIsRecurring() {
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    Instant to = Instant.parse("2024-01-31T00:00:00Z");
    List<MeteredEvent> events =
        List.of(
            new MeteredEvent("t1", Instant.parse("2024-01-15T00:00:00Z"), Map.of("gb", "20")),
            new MeteredEvent("t2", Instant.parse("2024-01-17T00:00:00Z"), Map.of("gb", "-10")));

    AggregationResult result =
        Aggregations.weightedSum(events, "gb", new BigDecimal("5"), from, to);

    // (5 × 14 + 25 × 2 + 15 × 14) / 30 = 330 / 30 = 11
    assertThat(result.value()).isEqualByComparingTo("11");
  }

  @Test
  void shouldRoundUnitsWhenMetricHasRoundingRule() {
    BillableMetricDefinition metric =
        new BillableMetricDefinition(
            "Storage",
            "storage",
            null,
            AggregationType.SUM_AGG,
            "gb",
            false,
            null,
            RoundingFunction.CEIL,
            1,
            List.of(),
            null);

    AggregationResult result =
        Aggregations.aggregate(
            metric, List.of(value(1, "1.21"), value(2, "1")), T0, T0.plusSeconds(3600), null);

    // 1.21 + 1 = 2.21 → ceil to 1 decimal = 2.3
    assertThat(result.value()).isEqualByComparingTo("2.3");
  }

  private static MeteredEvent op(int minute, String user, String operation) {
    return event(minute, Map.of("user", user, "operation_type", operation));
  }
}
