package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.PlanPruning;
import dev.billing.rating.domain.charge.ChargeModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A charge's {@code filters}: {@code [{invoice_display_name, properties, values:{key:[..]}}]}. The
 * keys and values must be declared by the metric's filters ({@code values: value_is_invalid}); a
 * filter keeps the lago id of the stored filter with the same values, as Lago matches them.
 */
final class ChargeFiltersInput {

  private ChargeFiltersInput() {}

  static List<ChargeFilterDefinition> read(
      Object raw,
      ChargeModel model,
      BillableMetric metric,
      List<ChargeFilterDefinition> stored,
      ValidationErrors errors) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> items)) {
      errors.add("filters", InputValues.INVALID);
      return List.of();
    }
    List<ChargeFilterDefinition> filters = new ArrayList<>();
    Set<Map<String, List<String>>> seen = new HashSet<>();
    for (Object item : items) {
      Map<String, Object> input = InputValues.object(item);
      if (input == null) {
        errors.add("filters", InputValues.INVALID);
        continue;
      }
      Map<String, List<String>> values = values(input.get("values"), metric, errors);
      if (values != null && !seen.add(values)) {
        errors.add("values", "value_already_exist");
      }
      String displayName =
          InputValues.text(input.get("invoice_display_name"), "invoice_display_name", errors);
      ChargePropertiesInput.Priced priced =
          model == null
              ? null
              : ChargePropertiesInput.read(model, input.get("properties"), false, errors);
      if (values != null && priced != null) {
        filters.add(
            new ChargeFilterDefinition(
                idFor(values, stored), displayName, values, priced.properties(), priced.pricing()));
      }
    }
    return filters;
  }

  private static Map<String, List<String>> values(
      Object raw, BillableMetric metric, ValidationErrors errors) {
    Map<String, Object> input = InputValues.object(raw);
    if (input == null || input.isEmpty()) {
      errors.add("values", raw == null ? InputValues.MANDATORY : InputValues.INVALID);
      return null;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : input.entrySet()) {
      List<String> list = strings(entry.getValue());
      if (list == null) {
        errors.add("values", InputValues.INVALID);
        return null;
      }
      values.put(entry.getKey(), list);
    }
    if (metric != null && !PlanPruning.declaresValues(metric.definition().filters(), values)) {
      errors.add("values", InputValues.INVALID);
      return null;
    }
    return values;
  }

  private static List<String> strings(Object raw) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String text) || strings.contains(text)) {
        return null;
      }
      strings.add(text);
    }
    return List.copyOf(strings);
  }

  private static UUID idFor(Map<String, List<String>> values, List<ChargeFilterDefinition> stored) {
    return stored.stream()
        .filter(filter -> filter.values().equals(values))
        .map(ChargeFilterDefinition::id)
        .findFirst()
        .orElseGet(UUID::randomUUID);
  }
}
