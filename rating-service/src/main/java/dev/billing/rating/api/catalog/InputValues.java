package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ValidationErrors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.UUID;

/**
 * Reads typed values out of Lago's JSON inputs (maps as Jackson builds them), adding Lago's codes:
 * {@code value_is_mandatory} for a missing required value, {@code value_is_invalid} for a value of
 * the wrong type or range.
 */
final class InputValues {

  static final String MANDATORY = "value_is_mandatory";
  static final String INVALID = "value_is_invalid";

  private InputValues() {}

  /** A non-blank string, or null after adding {@code value_is_mandatory}. */
  static String requiredText(Object raw, String field, ValidationErrors errors) {
    if (raw instanceof String text && !text.isBlank()) {
      return text;
    }
    errors.add(field, raw == null || raw instanceof String ? MANDATORY : INVALID);
    return null;
  }

  /** A string or null; blank counts as null. */
  static String text(Object raw, String field, ValidationErrors errors) {
    if (raw == null || raw instanceof String text && text.isBlank()) {
      return null;
    }
    if (raw instanceof String text) {
      return text;
    }
    errors.add(field, INVALID);
    return null;
  }

  static boolean bool(Object raw, String field, boolean fallback, ValidationErrors errors) {
    if (raw == null) {
      return fallback;
    }
    if (raw instanceof Boolean value) {
      return value;
    }
    errors.add(field, INVALID);
    return fallback;
  }

  /**
   * A whole number not below zero: a JSON integer or a string of one (Rails casts "100" to 100);
   * null when absent.
   */
  static Long count(Object raw, String field, ValidationErrors errors) {
    if (raw == null) {
      return null;
    }
    try {
      long value =
          raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger
              ? new BigInteger(raw.toString()).longValueExact()
              : raw instanceof String text ? new BigInteger(text.strip()).longValueExact() : -1;
      if (value >= 0) {
        return value;
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // reported below
    }
    errors.add(field, INVALID);
    return null;
  }

  /** A decimal not below zero, from a JSON number or a string of one; null when absent. */
  static BigDecimal decimal(Object raw, String field, ValidationErrors errors) {
    if (raw == null) {
      return null;
    }
    try {
      BigDecimal value =
          raw instanceof Number || raw instanceof String
              ? new BigDecimal(raw.toString().strip())
              : null;
      if (value != null && value.signum() >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(field, INVALID);
    return null;
  }

  /** A lago id, or null when absent or not a UUID. */
  static UUID uuid(Object raw) {
    if (!(raw instanceof String text)) {
      return null;
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A JSON object, or null when the value is not one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object raw) {
    return raw instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }
}
