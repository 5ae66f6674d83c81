package dev.billing.rating.domain.metric;

import java.util.List;
import java.util.Objects;

/** A filter declared on a billable metric: an event property key and its allowed values. */
public record MetricFilter(String key, List<String> values) {

  public MetricFilter {
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
  }
}
