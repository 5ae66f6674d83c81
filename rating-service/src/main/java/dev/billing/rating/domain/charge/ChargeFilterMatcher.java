package dev.billing.rating.domain.charge;

import dev.billing.rating.domain.metric.MetricFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the charge filter an event is billed under (Lago's EventMatchingService). Only the metric's
 * filter keys of the event are looked at; a filter matches when each of its keys is present and the
 * value is in its list; the filter with the most keys wins, the first declared on a tie. No match
 * means the charge's default bucket.
 */
public final class ChargeFilterMatcher {

  /** The charge filter value meaning "any value the metric declares for this key". */
  public static final String ALL_FILTER_VALUES = "__ALL_FILTER_VALUES__";

  private final Map<String, List<String>> declaredValues = new HashMap<>();
  private final List<ChargeFilter> chargeFilters;

  public ChargeFilterMatcher(List<MetricFilter> metricFilters, List<ChargeFilter> chargeFilters) {
    metricFilters.forEach(filter -> declaredValues.put(filter.key(), filter.values()));
    this.chargeFilters = List.copyOf(chargeFilters);
  }

  /** The most specific matching filter, or empty for the default bucket. */
  public Optional<ChargeFilter> bestMatch(Map<String, String> eventProperties) {
    ChargeFilter best = null;
    for (ChargeFilter filter : allMatches(eventProperties)) {
      if (best == null || filter.values().size() > best.values().size()) {
        best = filter;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Every matching filter, in declaration order. */
  public List<ChargeFilter> allMatches(Map<String, String> eventProperties) {
    List<ChargeFilter> matches = new ArrayList<>();
    for (ChargeFilter filter : chargeFilters) {
      if (matches(filter, eventProperties)) {
        matches.add(filter);
      }
    }
    return matches;
  }

  private boolean matches(ChargeFilter filter, Map<String, String> eventProperties) {
    for (Map.Entry<String, List<String>> entry : filter.values().entrySet()) {
      String key = entry.getKey();
      String value = declaredValues.containsKey(key) ? eventProperties.get(key) : null;
      if (value == null || !allowedValues(key, entry.getValue()).contains(value)) {
        return false;
      }
    }
    return true;
  }

  private List<String> allowedValues(String key, List<String> filterValues) {
    return filterValues.contains(ALL_FILTER_VALUES) ? declaredValues.get(key) : filterValues;
  }
}
