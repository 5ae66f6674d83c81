package dev.billing.rating.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.error.ValidationErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BillableMetricRulesTest {

  private static Map<String, Object> metric(Object... overrides) {
    Map<String, Object> params = new HashMap<>();
    params.put("name", "Storage");
    params.put("code", "storage");
    params.put("aggregation_type", "sum_agg");
    params.put("field_name", "gb");
    for (int i = 0; i < overrides.length; i += 2) {
      params.put((String) overrides[i], overrides[i + 1]);
    }
    return params;
  }

  private static Map<String, Object> filter(Object key, Object values) {
    Map<String, Object> filter = new HashMap<>();
    filter.put("key", key);
    filter.put("values", values);
    return filter;
  }

  static Stream<Arguments> invalidMetrics() {
    return Stream.of(
        Arguments.of(metric("name", null), "name", "value_is_mandatory"),
        Arguments.of(metric("name", " "), "name", "value_is_mandatory"),
        Arguments.of(metric("code", null), "code", "value_is_mandatory"),
        Arguments.of(metric("aggregation_type", "avg_agg"), "aggregation_type", "value_is_invalid"),
        Arguments.of(metric("aggregation_type", null), "aggregation_type", "value_is_invalid"),
        Arguments.of(metric("field_name", null), "field_name", "value_is_mandatory"),
        Arguments.of(
            metric("aggregation_type", "max_agg", "recurring", true),
            "recurring",
            "not_compatible_with_aggregation_type"),
        Arguments.of(
            metric("aggregation_type", "count_agg", "recurring", true),
            "recurring",
            "not_compatible_with_aggregation_type"),
        Arguments.of(
            metric("aggregation_type", "latest_agg", "recurring", true),
            "recurring",
            "not_compatible_with_aggregation_type"),
        Arguments.of(metric("recurring", "yes"), "recurring", "value_is_invalid"),
        Arguments.of(
            metric("aggregation_type", "weighted_sum_agg"),
            "weighted_interval",
            "value_is_invalid"),
        Arguments.of(metric("rounding_function", "trunc"), "rounding_function", "value_is_invalid"),
        Arguments.of(metric("rounding_precision", 1.5), "rounding_precision", "value_is_invalid"),
        Arguments.of(metric("rounding_precision", "two"), "rounding_precision", "value_is_invalid"),
        Arguments.of(metric("filters", "model"), "filters", "invalid_filters"),
        Arguments.of(
            metric("filters", List.of(filter(" ", List.of("a")))), "filters", "invalid_filter_key"),
        Arguments.of(
            metric("filters", List.of(filter("model", List.of()))),
            "filters",
            "invalid_filter_values"),
        Arguments.of(
            metric("filters", List.of(filter("model", List.of("a", "a")))),
            "filters",
            "invalid_filter_values"),
        Arguments.of(
            metric("filters", List.of(filter("model", List.of("__ALL_FILTER_VALUES__")))),
            "filters",
            "invalid_filter_values"),
        Arguments.of(
            metric(
                "filters", List.of(filter("model", List.of("a")), filter("model", List.of("b")))),
            "filters",
            "duplicated_filter_key"),
        Arguments.of(
            metric("expression", "round(event.properties.gb"), "expression", "invalid_expression"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalidMetrics")
  void shouldReportLagoCodeWhenMetricIsInvalid(
      Map<String, Object> params, String field, String code) {
    ValidationErrors errors = new ValidationErrors();

    BillableMetricDefinition definition = BillableMetricRules.validate(params, errors);

    assertThat(definition).isNull();
    assertThat(errors.details().get(field)).contains(code);
  }

  @Test
  void shouldBuildDefinitionWhenMetricIsValid() {
    ValidationErrors errors = new ValidationErrors();

    BillableMetricDefinition definition =
        BillableMetricRules.validate(
            metric(
                "recurring",
                true,
                "rounding_function",
                "round",
                "rounding_precision",
                2,
                "expression",
                "round(event.properties.bytes / 1000000000, 3)",
                "filters",
                List.of(filter("region", List.of("eu", "us")))),
            errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(definition.aggregationType()).isEqualTo(AggregationType.SUM_AGG);
    assertThat(definition.recurring()).isTrue();
    assertThat(definition.roundingFunction()).isEqualTo(RoundingFunction.ROUND);
    assertThat(definition.roundingPrecision()).isEqualTo(2);
    assertThat(definition.filters())
        .containsExactly(new MetricFilter("region", List.of("eu", "us")));
  }

  @Test
  void shouldDropFieldNameWhenAggregationIsCount() {
    ValidationErrors errors = new ValidationErrors();

    BillableMetricDefinition definition =
        BillableMetricRules.validate(metric("aggregation_type", "count_agg"), errors);
    BillableMetricDefinition noField =
        BillableMetricRules.validate(
            metric("aggregation_type", "count_agg", "field_name", null), errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(definition.fieldName()).isNull();
    assertThat(noField).isNotNull();
  }

  @Test
  void shouldAcceptAnyNonBlankCodeWhenCodeHasSpacesOrSymbols() {
    ValidationErrors errors = new ValidationErrors();

    BillableMetricDefinition definition =
        BillableMetricRules.validate(metric("code", "API calls / v2 ✓"), errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(definition.code()).isEqualTo("API calls / v2 ✓");
  }

  @Test
  void shouldRequireSecondsWhenAggregationIsWeightedSum() {
    ValidationErrors errors = new ValidationErrors();

    BillableMetricDefinition definition =
        BillableMetricRules.validate(
            metric("aggregation_type", "weighted_sum_agg", "weighted_interval", "seconds"), errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(definition.weightedInterval()).isEqualTo("seconds");
  }

  @Test
  void shouldRoundTripWireNamesWhenAggregationTypeIsKnown() {
    for (AggregationType type : AggregationType.values()) {
      assertThat(AggregationType.fromWire(type.wireName())).contains(type);
    }
    assertThat(AggregationType.fromWire("custom_agg")).isEmpty();
    assertThat(AggregationType.WEIGHTED_SUM_AGG.wireName()).isEqualTo("weighted_sum_agg");
  }
}
