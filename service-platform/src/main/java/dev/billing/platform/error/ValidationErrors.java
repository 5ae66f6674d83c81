package dev.billing.platform.error;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects Lago's {@code error_details} for a 422: each field maps to the list of its error codes,
 * e.g. {@code {"timezone":["invalid_timezone"]}}. Not thread-safe; one per request.
 */
public final class ValidationErrors {

  private final Map<String, List<String>> details = new LinkedHashMap<>();

  public ValidationErrors add(String field, String code) {
    List<String> codes = details.computeIfAbsent(field, f -> new ArrayList<>());
    if (!codes.contains(code)) {
      codes.add(code);
    }
    return this;
  }

  public boolean isEmpty() {
    return details.isEmpty();
  }

  public boolean has(String field) {
    return details.containsKey(field);
  }

  public Map<String, List<String>> details() {
    return details;
  }

  /**
   * An ISO-8601 instant with its offset ({@code 2026-11-01T00:00:00Z}), null when absent or blank,
   * or null with {@code invalid_date} added for {@code field}.
   */
  public Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      add(field, "invalid_date");
      return null;
    }
  }

  /** Like {@link #instant}, with {@code value_is_mandatory} added when absent or blank. */
  public Instant requiredInstant(String field, String value) {
    if (value == null || value.isBlank()) {
      add(field, "value_is_mandatory");
      return null;
    }
    return instant(field, value);
  }

  /** Throws a 422 {@code validation_errors} if anything was collected. */
  public void throwIfAny() {
    if (!details.isEmpty()) {
      throw toException();
    }
  }

  public ApiException toException() {
    return new ApiException(PlatformErrorCode.VALIDATION_ERRORS, details);
  }

  /** A 422 for one field and one code. */
  public static ApiException single(String field, String code) {
    return new ValidationErrors().add(field, code).toException();
  }
}
