package dev.billing.rating.domain.charge;

import dev.billing.platform.error.ValidationErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a charge's {@code properties} object (a JSON-like map as Jackson produces it) into the
 * model's record, adding Lago's error codes to {@link ValidationErrors}. Prices must be decimal
 * strings; counts must be JSON integers.
 */
public final class ChargePropertiesParser {

  static final String INVALID_AMOUNT = "invalid_amount";
  static final String INVALID_RATE = "invalid_rate";

  private ChargePropertiesParser() {}

  /**
   * The properties for {@code model}, or null when they are invalid (the reasons are then in {@code
   * errors}). Unknown keys are ignored.
   */
  public static ChargeProperties parse(
      ChargeModel model, Map<String, Object> properties, ValidationErrors errors) {
    Objects.requireNonNull(model, "model");
    Map<String, Object> props = properties == null ? Map.of() : properties;
    ValidationErrors found = new ValidationErrors();
    ChargeProperties parsed =
        switch (model) {
          case STANDARD -> standard(props, found);
          case GRADUATED -> graduated(props, found);
          case GRADUATED_PERCENTAGE -> graduatedPercentage(props, found);
          case PACKAGE -> packageModel(props, found);
          case PERCENTAGE -> percentage(props, found);
          case VOLUME -> volume(props, found);
          case DYNAMIC -> new DynamicProperties();
        };
    found.details().forEach((field, codes) -> codes.forEach(code -> errors.add(field, code)));
    return found.isEmpty() ? parsed : null;
  }

  /**
   * The {@code pricing_group_keys} (or the deprecated {@code grouped_by}) of a charge's properties:
   * a list of non-blank strings, empty when absent. Otherwise adds {@code invalid_type} on the key
   * that was used, as Lago does.
   */
  public static List<String> parsePricingGroupKeys(
      Map<String, Object> properties, ValidationErrors errors) {
    Map<String, Object> props = properties == null ? Map.of() : properties;
    String key = props.get("pricing_group_keys") != null ? "pricing_group_keys" : "grouped_by";
    Object raw = props.get(key);
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof List<?> list) {
      List<String> keys = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String text) || text.isBlank()) {
          errors.add(key, "invalid_type");
          return List.of();
        }
        keys.add(text);
      }
      return List.copyOf(keys);
    }
    errors.add(key, "invalid_type");
    return List.of();
  }

  private static StandardProperties standard(Map<String, Object> props, ValidationErrors errors) {
    BigDecimal amount = required(props, "amount", INVALID_AMOUNT, errors);
    return amount == null ? null : new StandardProperties(amount);
  }

  private static PackageProperties packageModel(
      Map<String, Object> props, ValidationErrors errors) {
    BigDecimal amount = required(props, "amount", INVALID_AMOUNT, errors);
    Optional<Long> packageSize = JsonValues.integer(props.get("package_size")).filter(s -> s > 0);
    if (packageSize.isEmpty()) {
      errors.add("package_size", "invalid_package_size");
    }
    Optional<Long> freeUnits = JsonValues.integer(props.get("free_units")).filter(f -> f >= 0);
    if (freeUnits.isEmpty()) {
      errors.add("free_units", "invalid_free_units");
    }
    if (amount == null || packageSize.isEmpty() || freeUnits.isEmpty()) {
      return null;
    }
    return new PackageProperties(amount, packageSize.get(), freeUnits.get());
  }

  private static PercentageProperties percentage(
      Map<String, Object> props, ValidationErrors errors) {
    BigDecimal rate = required(props, "rate", INVALID_RATE, errors);
    BigDecimal fixedAmount = optional(props, "fixed_amount", "invalid_fixed_amount", errors);
    Long freeEvents = null;
    Object rawFreeEvents = props.get("free_units_per_events");
    if (rawFreeEvents != null) {
      freeEvents = JsonValues.integer(rawFreeEvents).filter(n -> n > 0).orElse(null);
      if (freeEvents == null) {
        errors.add("free_units_per_events", "invalid_free_units_per_events");
      }
    }
    BigDecimal freeTotal =
        optional(
            props,
            "free_units_per_total_aggregation",
            "invalid_free_units_per_total_aggregation",
            errors);
    // Lago ignores blank per-transaction bounds (Rails' present?) and reports bad ones as
    // invalid_amount on the field itself.
    BigDecimal min = optionalIgnoringBlank(props, "per_transaction_min_amount", errors);
    BigDecimal max = optionalIgnoringBlank(props, "per_transaction_max_amount", errors);
    if (min != null && max != null && min.compareTo(max) > 0) {
      errors.add(
          "per_transaction_max_amount", "per_transaction_max_lower_than_per_transaction_min");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new PercentageProperties(rate, fixedAmount, freeEvents, freeTotal, min, max);
  }

  private static GraduatedProperties graduated(Map<String, Object> props, ValidationErrors errors) {
    List<GraduatedRange> ranges =
        RangesParser.parse(
            props.get("graduated_ranges"),
            "graduated_ranges",
            "missing_graduated_ranges",
            "invalid_graduated_ranges",
            (from, to, raw, errs) -> {
              BigDecimal perUnit =
                  RangesParser.amount(raw, "per_unit_amount", INVALID_AMOUNT, errs);
              BigDecimal flat = RangesParser.amount(raw, "flat_amount", INVALID_AMOUNT, errs);
              return perUnit == null || flat == null
                  ? null
                  : new GraduatedRange(from, to, perUnit, flat);
            },
            errors);
    return errors.isEmpty() ? new GraduatedProperties(ranges) : null;
  }

  private static GraduatedPercentageProperties graduatedPercentage(
      Map<String, Object> props, ValidationErrors errors) {
    List<GraduatedPercentageRange> ranges =
        RangesParser.parse(
            props.get("graduated_percentage_ranges"),
            "graduated_percentage_ranges",
            "missing_graduated_percentage_ranges",
            "invalid_graduated_percentage_ranges",
            (from, to, raw, errs) -> {
              BigDecimal rate = RangesParser.amount(raw, "rate", INVALID_RATE, errs);
              BigDecimal flat = RangesParser.amount(raw, "flat_amount", INVALID_AMOUNT, errs);
              return rate == null || flat == null
                  ? null
                  : new GraduatedPercentageRange(from, to, rate, flat);
            },
            errors);
    return errors.isEmpty() ? new GraduatedPercentageProperties(ranges) : null;
  }

  private static VolumeProperties volume(Map<String, Object> props, ValidationErrors errors) {
    List<VolumeRange> ranges =
        RangesParser.parse(
            props.get("volume_ranges"),
            "volume_ranges",
            "missing_volume_ranges",
            "invalid_volume_ranges",
            (from, to, raw, errs) -> {
              BigDecimal perUnit =
                  RangesParser.amount(raw, "per_unit_amount", INVALID_AMOUNT, errs);
              BigDecimal flat = RangesParser.amount(raw, "flat_amount", INVALID_AMOUNT, errs);
              return perUnit == null || flat == null
                  ? null
                  : new VolumeRange(from, to, perUnit, flat);
            },
            errors);
    return errors.isEmpty() ? new VolumeProperties(ranges) : null;
  }

  private static BigDecimal required(
      Map<String, Object> props, String field, String code, ValidationErrors errors) {
    Optional<BigDecimal> value = JsonValues.amount(props.get(field));
    if (value.isEmpty()) {
      errors.add(field, code);
    }
    return value.orElse(null);
  }

  private static BigDecimal optional(
      Map<String, Object> props, String field, String code, ValidationErrors errors) {
    return props.get(field) == null ? null : required(props, field, code, errors);
  }

  private static BigDecimal optionalIgnoringBlank(
      Map<String, Object> props, String field, ValidationErrors errors) {
    Object raw = props.get(field);
    if (raw == null || raw instanceof String text && text.isBlank()) {
      return null;
    }
    return required(props, field, INVALID_AMOUNT, errors);
  }
}
