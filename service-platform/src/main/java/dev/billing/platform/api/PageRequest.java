package dev.billing.platform.api;

import dev.billing.platform.error.ValidationErrors;

/**
 * Lago's {@code page} (1-based) and {@code per_page} query parameters.
 *
 * @param page the 1-based page
 * @param perPage items per page, 1 to {@value #MAX_PER_PAGE}
 */
public record PageRequest(int page, int perPage) {

  public static final int DEFAULT_PER_PAGE = 100;
  public static final int MAX_PER_PAGE = 1000;

  /** From raw query values; a non-number or out-of-range value is a 422 naming the parameter. */
  public static PageRequest of(String page, String perPage) {
    ValidationErrors errors = new ValidationErrors();
    int p = parse(page, 1, "page", errors);
    int pp = parse(perPage, DEFAULT_PER_PAGE, "per_page", errors);
    if (!errors.has("page") && p < 1) {
      errors.add("page", "value_is_invalid");
    }
    if (!errors.has("per_page") && (pp < 1 || pp > MAX_PER_PAGE)) {
      errors.add("per_page", "value_is_invalid");
    }
    errors.throwIfAny();
    return new PageRequest(p, pp);
  }

  public long offset() {
    return (long) (page - 1) * perPage;
  }

  private static int parse(String raw, int fallback, String name, ValidationErrors errors) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      errors.add(name, "value_is_invalid");
      return fallback;
    }
  }
}
