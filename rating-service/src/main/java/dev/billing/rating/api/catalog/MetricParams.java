package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
import dev.billing.rating.domain.metric.BillableMetricRules;
import dev.billing.rating.domain.metric.MetricFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A billable metric input made whole for {@link BillableMetricRules}: an update is the stored
 * metric with the given fields laid over it. As in Lago, a metric priced by a plan only changes its
 * name, description and filters (other fields are ignored), and a weighted sum without {@code
 * weighted_interval} counts in seconds, the only interval there is.
 */
final class MetricParams {

  private static final Set<String> EDITABLE_WHEN_USED = Set.of("name", "description", "filters");

  private MetricParams() {}

  static BillableMetricDefinition create(Map<String, Object> input) {
    return validated(new LinkedHashMap<>(input));
  }

  static BillableMetricDefinition update(
      BillableMetric stored, Map<String, Object> input, boolean usedByPlans) {
    Map<String, Object> params = params(stored.definition());
    input.forEach(
        (key, value) -> {
          if (!usedByPlans || EDITABLE_WHEN_USED.contains(key)) {
            params.put(key, value);
          }
        });
    return validated(params);
  }

  private static BillableMetricDefinition validated(Map<String, Object> params) {
    if ("weighted_sum_agg".equals(params.get("aggregation_type"))
        && params.get("weighted_interval") == null) {
      params.put("weighted_interval", "seconds");
    }
    ValidationErrors errors = new ValidationErrors();
    BillableMetricDefinition definition = BillableMetricRules.validate(params, errors);
    errors.throwIfAny();
    return definition;
  }

  private static Map<String, Object> params(BillableMetricDefinition d) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", d.name());
    params.put("code", d.code());
    params.put("description", d.description());
    params.put("aggregation_type", d.aggregationType().wireName());
    params.put("field_name", d.fieldName());
    params.put("recurring", d.recurring());
    params.put("weighted_interval", d.weightedInterval());
    params.put(
        "rounding_function", d.roundingFunction() == null ? null : d.roundingFunction().wireName());
    params.put("rounding_precision", d.roundingPrecision());
    params.put("expression", d.expression());
    List<Map<String, Object>> filters = new ArrayList<>();
    for (MetricFilter filter : d.filters()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", filter.key());
      item.put("values", filter.values());
      filters.add(item);
    }
    params.put("filters", filters);
    return params;
  }
}
