package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ApiException;
import java.util.Map;

/**
 * Lago's {@code {"plan": {...}}} input. The object stays a JSON map: Lago's validation codes are
 * worked out from it, field by field.
 *
 * @param plan the input object
 */
public record PlanRequest(Map<String, Object> plan) {

  /** The input object; Lago's 400 when the root key is missing or empty. */
  public static Map<String, Object> require(PlanRequest request) {
    if (request == null || request.plan() == null || request.plan().isEmpty()) {
      throw ApiException.missingRootKey("plan");
    }
    return request.plan();
  }
}
