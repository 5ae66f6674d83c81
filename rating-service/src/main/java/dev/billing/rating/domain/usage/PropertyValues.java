package dev.billing.rating.domain.usage;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Event property values as metering compares them: strings, numbers in their plain text. */
public final class PropertyValues {

  private PropertyValues() {}

  public static Map<String, String> asStrings(Map<?, ?> properties) {
    Map<String, String> values = new LinkedHashMap<>();
    if (properties == null) {
      return values;
    }
    properties.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            values.put(key.toString(), text(value));
          }
        });
    return values;
  }

  /** One property value as metering compares it. */
  public static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }
}
