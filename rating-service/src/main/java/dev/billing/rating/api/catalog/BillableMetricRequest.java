package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ApiException;
import java.util.Map;

/**
 * Lago's {@code {"billable_metric": {...}}} input. The object stays a JSON map: Lago's validation
 * codes are worked out from it, field by field.
 *
 * @param billableMetric the input object
 */
public record BillableMetricRequest(Map<String, Object> billableMetric) {

  /** The input object; Lago's 400 when the root key is missing or empty. */
  public static Map<String, Object> require(BillableMetricRequest request) {
    if (request == null || request.billableMetric() == null || request.billableMetric().isEmpty()) {
      throw ApiException.missingRootKey("billable_metric");
    }
    return request.billableMetric();
  }
}
