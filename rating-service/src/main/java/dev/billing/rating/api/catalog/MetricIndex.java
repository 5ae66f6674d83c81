package dev.billing.rating.api.catalog;

import dev.billing.rating.domain.catalog.BillableMetric;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The live metrics a plan input may refer to, by lago id and by code. */
record MetricIndex(Map<UUID, BillableMetric> byId, Map<String, BillableMetric> byCode) {

  static MetricIndex of(List<BillableMetric> metrics) {
    Map<UUID, BillableMetric> byId = new HashMap<>();
    Map<String, BillableMetric> byCode = new HashMap<>();
    for (BillableMetric metric : metrics) {
      byId.put(metric.id(), metric);
      byCode.put(metric.code(), metric);
    }
    return new MetricIndex(byId, byCode);
  }
}
