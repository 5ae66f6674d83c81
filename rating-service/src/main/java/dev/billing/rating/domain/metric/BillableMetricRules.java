package dev.billing.rating.domain.metric;

import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.domain.metric.expression.Expression;
import dev.billing.rating.domain.metric.expression.InvalidExpressionException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a billable metric's create/update parameters (Lago's {@code billable_metric} object, as
 * a JSON-like map) and builds its definition. Codes are Lago's: {@code value_is_mandatory}, {@code
 * value_is_invalid}, {@code not_compatible_with_aggregation_type}, {@code invalid_expression};
 * filters add {@code invalid_filters}, {@code invalid_filter_key}, {@code duplicated_filter_key}
 * and {@code invalid_filter_values} on the field {@code filters}. Uniqueness of {@code code} is the
 * repository's business ({@code value_already_exist}).
 */
public final class BillableMetricRules {

  static final String MANDATORY = "value_is_mandatory";
  static final String INVALID = "value_is_invalid";
  static final String WEIGHTED_INTERVAL_SECONDS = "seconds";
  static final String ALL_FILTER_VALUES = "__ALL_FILTER_VALUES__";

  private BillableMetricRules() {}

  /** The definition, or null when invalid (the reasons are then added to {@code errors}). */
  public static BillableMetricDefinition validate(
      Map<String, Object> params, ValidationErrors errors) {
    Map<String, Object> p = params == null ? Map.of() : params;
    ValidationErrors found = new ValidationErrors();
    String name = requiredText(p, "name", found);
    String code = requiredText(p, "code", found);
    String description = optionalText(p, "description", found);
    Optional<AggregationType> type = aggregationType(p.get("aggregation_type"), found);
    String fieldName = fieldName(p, type, found);
    boolean recurring = recurring(p.get("recurring"), type, found);
    String weightedInterval = weightedInterval(p.get("weighted_interval"), type, found);
    RoundingFunction rounding = roundingFunction(p.get("rounding_function"), found);
    Integer precision = roundingPrecision(p.get("rounding_precision"), found);
    List<MetricFilter> filters = filters(p.get("filters"), found);
    String expression = expression(p.get("expression"), found);
    found.details().forEach((field, codes) -> codes.forEach(c -> errors.add(field, c)));
    if (!found.isEmpty()) {
      return null;
    }
    return new BillableMetricDefinition(
        name,
        code,
        description,
        type.orElseThrow(),
        fieldName,
        recurring,
        weightedInterval,
        rounding,
        precision,
        filters,
        expression);
  }

  private static String requiredText(Map<String, Object> p, String field, ValidationErrors e) {
    if (p.get(field) instanceof String text && !text.isBlank()) {
      return text;
    }
    e.add(field, MANDATORY);
    return null;
  }

  private static String optionalText(Map<String, Object> p, String field, ValidationErrors e) {
    Object raw = p.get(field);
    if (raw == null || raw instanceof String) {
      return (String) raw;
    }
    e.add(field, INVALID);
    return null;
  }

  private static Optional<AggregationType> aggregationType(Object raw, ValidationErrors e) {
    Optional<AggregationType> type =
        raw instanceof String text ? AggregationType.fromWire(text) : Optional.empty();
    if (type.isEmpty()) {
      e.add("aggregation_type", INVALID);
    }
    return type;
  }

  /** count_agg ignores and drops the field name, as Lago does. */
  private static String fieldName(
      Map<String, Object> p, Optional<AggregationType> type, ValidationErrors e) {
    if (type.isEmpty() || !type.get().requiresFieldName()) {
      return null;
    }
    return requiredText(p, "field_name", e);
  }

  private static boolean recurring(Object raw, Optional<AggregationType> type, ValidationErrors e) {
    if (raw == null) {
      return false;
    }
    if (!(raw instanceof Boolean recurring)) {
      e.add("recurring", INVALID);
      return false;
    }
    if (recurring && type.isPresent() && !type.get().supportsRecurring()) {
      e.add("recurring", "not_compatible_with_aggregation_type");
    }
    return recurring;
  }

  private static String weightedInterval(
      Object raw, Optional<AggregationType> type, ValidationErrors e) {
    if (type.isEmpty() || type.get() != AggregationType.WEIGHTED_SUM_AGG) {
      return null;
    }
    if (!WEIGHTED_INTERVAL_SECONDS.equals(raw)) {
      e.add("weighted_interval", INVALID);
    }
    return WEIGHTED_INTERVAL_SECONDS;
  }

  private static RoundingFunction roundingFunction(Object raw, ValidationErrors e) {
    if (raw == null) {
      return null;
    }
    Optional<RoundingFunction> function =
        raw instanceof String text ? RoundingFunction.fromWire(text) : Optional.empty();
    if (function.isEmpty()) {
      e.add("rounding_function", INVALID);
    }
    return function.orElse(null);
  }

  /** A JSON integer, or a string of one (Rails casts "2" to 2); anything else is invalid. */
  private static Integer roundingPrecision(Object raw, ValidationErrors e) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
      return ((Number) raw).intValue();
    }
    if (raw instanceof Long || raw instanceof BigInteger || raw instanceof String) {
      try {
        return new BigInteger(raw.toString().strip()).intValueExact();
      } catch (ArithmeticException | NumberFormatException ex) {
        e.add("rounding_precision", INVALID);
        return null;
      }
    }
    e.add("rounding_precision", INVALID);
    return null;
  }

  private static List<MetricFilter> filters(Object raw, ValidationErrors e) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      e.add("filters", "invalid_filters");
      return List.of();
    }
    List<MetricFilter> filters = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> map)) {
        e.add("filters", "invalid_filters");
        continue;
      }
      Object key = map.get("key");
      if (!(key instanceof String text) || text.isBlank()) {
        e.add("filters", "invalid_filter_key");
        continue;
      }
      if (!keys.add(text)) {
        e.add("filters", "duplicated_filter_key");
      }
      List<String> values = filterValues(map.get("values"));
      if (values == null) {
        e.add("filters", "invalid_filter_values");
        continue;
      }
      filters.add(new MetricFilter(text, values));
    }
    return filters;
  }

  /** Non-empty, distinct, non-blank strings, without the reserved "all values" marker. */
  private static List<String> filterValues(Object raw) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String value)
          || value.isBlank()
          || value.equals(ALL_FILTER_VALUES)
          || values.contains(value)) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  private static String expression(Object raw, ValidationErrors e) {
    if (raw == null || raw instanceof String text && text.isBlank()) {
      return null;
    }
    if (!(raw instanceof String text)) {
      e.add("expression", "invalid_expression");
      return null;
    }
    try {
      Expression.parse(text);
      return text;
    } catch (InvalidExpressionException ex) {
      e.add("expression", "invalid_expression");
      return null;
    }
  }
}
