package dev.billing.rating.domain.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The live metrics a plan input may refer to, by lago id and by code. */
public record MetricIndex(Map<UUID, BillableMetric> byId, Map<String, BillableMetric> byCode) {

  public static MetricIndex of(List<BillableMetric> metrics) {
    Map<UUID, BillableMetric> byId = new HashMap<>();
    Map<String, BillableMetric> byCode = new HashMap<>();
    for (BillableMetric metric : metrics) {
      byId.put(metric.id(), metric);
      byCode.put(metric.code(), metric);
    }
    return new MetricIndex(byId, byCode);
  }
}
