package dev.billing.rating.domain.catalog;

import dev.billing.rating.domain.charge.ChargeFilterMatcher;
import dev.billing.rating.domain.metric.MetricFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a change of a billable metric takes away from the plans that price it. */
public final class PlanPruning {

  private PlanPruning() {}

  /**
   * Whether a charge filter's values name only keys and values the metric declares ({@code
   * __ALL_FILTER_VALUES__} alone standing for all of a key's values).
   */
  public static boolean declaresValues(
      List<MetricFilter> metricFilters, Map<String, List<String>> values) {
    Map<String, List<String>> declared = new HashMap<>();
    metricFilters.forEach(filter -> declared.put(filter.key(), filter.values()));
    return values.entrySet().stream()
        .allMatch(
            entry ->
                declared.containsKey(entry.getKey())
                    && !entry.getValue().isEmpty()
                    && (entry.getValue().equals(List.of(ChargeFilterMatcher.ALL_FILTER_VALUES))
                        || declared.get(entry.getKey()).containsAll(entry.getValue())));
  }

  /** The plan without the charges on this metric (the same instance if it has none). */
  public static Plan withoutChargesOn(Plan plan, UUID metricId) {
    List<Charge> kept =
        plan.charges().stream().filter(c -> !c.billableMetricId().equals(metricId)).toList();
    return kept.size() == plan.charges().size() ? plan : plan.withCharges(kept);
  }

  /**
   * The plan without the filters, on charges of this metric, that name values the metric no longer
   * declares (the same instance if there are none).
   */
  public static Plan withDeclaredFilters(Plan plan, BillableMetric metric) {
    List<MetricFilter> declared = metric.definition().filters();
    boolean pruned = false;
    List<Charge> charges = new ArrayList<>();
    for (Charge c : plan.charges()) {
      List<ChargeFilterDefinition> kept =
          c.filters().stream()
              .filter(
                  f ->
                      !c.billableMetricId().equals(metric.id())
                          || declaresValues(declared, f.values()))
              .toList();
      pruned |= kept.size() != c.filters().size();
      charges.add(c.withFilters(kept));
    }
    return pruned ? plan.withCharges(charges) : plan;
  }
}
