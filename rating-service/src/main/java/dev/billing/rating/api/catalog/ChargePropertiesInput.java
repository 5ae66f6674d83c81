package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.domain.charge.ChargeModel;
import dev.billing.rating.domain.charge.ChargeProperties;
import dev.billing.rating.domain.charge.ChargePropertiesParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A charge's (or a charge filter's) {@code properties}: kept to the keys of its model plus {@code
 * pricing_group_keys} (the deprecated {@code grouped_by} becomes it), parsed into a price. As in
 * Lago, every price error is reported on the field {@code properties}.
 */
final class ChargePropertiesInput {

  /** The properties as stored and shown, the parsed price and the pricing group keys. */
  record Priced(Map<String, Object> properties, ChargeProperties pricing, List<String> groupKeys) {}

  private static final Map<ChargeModel, List<String>> MODEL_KEYS =
      Map.of(
          ChargeModel.STANDARD, List.of("amount"),
          ChargeModel.GRADUATED, List.of("graduated_ranges"),
          ChargeModel.GRADUATED_PERCENTAGE, List.of("graduated_percentage_ranges"),
          ChargeModel.PACKAGE, List.of("amount", "free_units", "package_size"),
          ChargeModel.PERCENTAGE,
              List.of(
                  "fixed_amount",
                  "free_units_per_events",
                  "free_units_per_total_aggregation",
                  "per_transaction_max_amount",
                  "per_transaction_min_amount",
                  "rate"),
          ChargeModel.VOLUME, List.of("volume_ranges"),
          ChargeModel.DYNAMIC, List.of());

  private ChargePropertiesInput() {}

  /**
   * Reads properties; when {@code defaultWhenEmpty} and none are given, Lago's defaults for the
   * model (a zero price). Null when invalid, the reasons added to {@code errors}.
   */
  static Priced read(
      ChargeModel model, Object raw, boolean defaultWhenEmpty, ValidationErrors errors) {
    Map<String, Object> given = InputValues.object(raw);
    if (raw != null && given == null) {
      errors.add("properties", InputValues.INVALID);
      return null;
    }
    Map<String, Object> properties =
        (given == null || given.isEmpty()) && defaultWhenEmpty
            ? defaults(model)
            : slice(model, given);
    ValidationErrors found = new ValidationErrors();
    ChargeProperties pricing = ChargePropertiesParser.parse(model, properties, found);
    List<String> groupKeys = ChargePropertiesParser.parsePricingGroupKeys(properties, found);
    found.details().values().forEach(codes -> codes.forEach(c -> errors.add("properties", c)));
    return found.isEmpty() ? new Priced(properties, pricing, groupKeys) : null;
  }

  private static Map<String, Object> slice(ChargeModel model, Map<String, Object> given) {
    Map<String, Object> sliced = new LinkedHashMap<>();
    if (given == null) {
      return sliced;
    }
    for (String key : MODEL_KEYS.get(model)) {
      if (given.containsKey(key)) {
        sliced.put(key, given.get(key));
      }
    }
    Object keys = present(given.get("pricing_group_keys")) ? given.get("pricing_group_keys") : null;
    if (keys == null && present(given.get("grouped_by"))) {
      keys = given.get("grouped_by");
    }
    if (keys != null) {
      sliced.put("pricing_group_keys", keys);
    }
    return sliced;
  }

  private static boolean present(Object value) {
    return value != null && !(value instanceof List<?> list && list.isEmpty());
  }

  /** Lago's default properties of a charge given none: everything free. */
  static Map<String, Object> defaults(ChargeModel model) {
    Map<String, Object> properties = new LinkedHashMap<>();
    switch (model) {
      case STANDARD -> properties.put("amount", "0");
      case PACKAGE -> {
        properties.put("package_size", 1);
        properties.put("amount", "0");
        properties.put("free_units", 0);
      }
      case PERCENTAGE -> properties.put("rate", "0");
      case GRADUATED -> properties.put("graduated_ranges", List.of(freeTier("per_unit_amount")));
      case VOLUME -> properties.put("volume_ranges", List.of(freeTier("per_unit_amount")));
      case GRADUATED_PERCENTAGE ->
          properties.put("graduated_percentage_ranges", List.of(freeTier("rate")));
      case DYNAMIC -> {
        // dynamic prices come with the events
      }
    }
    return properties;
  }

  private static Map<String, Object> freeTier(String priceKey) {
    Map<String, Object> tier = new LinkedHashMap<>();
    tier.put("from_value", 0);
    tier.put("to_value", null);
    tier.put(priceKey, "0");
    tier.put("flat_amount", "0");
    return tier;
  }
}
