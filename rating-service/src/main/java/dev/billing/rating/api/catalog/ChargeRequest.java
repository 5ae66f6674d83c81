package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ApiException;
import java.util.Map;

/**
 * Lago's {@code {"charge": {...}}} input. The object stays a JSON map: Lago's validation codes are
 * worked out from it, field by field.
 *
 * @param charge the input object
 */
public record ChargeRequest(Map<String, Object> charge) {

  /** The input object; Lago's 400 when the root key is missing or empty. */
  public static Map<String, Object> require(ChargeRequest request) {
    if (request == null || request.charge() == null || request.charge().isEmpty()) {
      throw ApiException.missingRootKey("charge");
    }
    return request.charge();
  }
}
