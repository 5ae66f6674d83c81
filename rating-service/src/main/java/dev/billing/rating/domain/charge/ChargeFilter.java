package dev.billing.rating.domain.charge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A charge filter's {@code values}: for each metric filter key, the values it selects. {@link
 * ChargeFilterMatcher#ALL_FILTER_VALUES} stands for every value the metric declares for that key.
 */
public record ChargeFilter(Map<String, List<String>> values) {

  public ChargeFilter {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
    values = Collections.unmodifiableMap(copy);
  }
}
