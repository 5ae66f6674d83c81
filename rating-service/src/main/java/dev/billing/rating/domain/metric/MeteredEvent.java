package dev.billing.rating.domain.metric;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A usage event as aggregation sees it. Property values arrive as JSON strings or numbers and are
 * kept as strings (as Lago's ClickHouse map does); null values are dropped.
 */
public record MeteredEvent(
    String transactionId, Instant timestamp, Map<String, String> properties) {

  /** Lago's numeric test for aggregated properties: optional minus, digits, optional decimals. */
  private static final Pattern NUMERIC = Pattern.compile("-?\\d+(\\.\\d+)?");

  public MeteredEvent {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(timestamp, "timestamp");
    Map<String, String> copy = new LinkedHashMap<>();
    if (properties != null) {
      properties.forEach(
          (key, value) -> {
            if (key != null && value != null) {
              copy.put(key, value);
            }
          });
    }
    properties = Map.copyOf(copy);
  }

  public Optional<String> value(String property) {
    return Optional.ofNullable(properties.get(property));
  }

  /**
   * The property as a number, if it is one by Lago's rule ({@code ^-?\d+(\.\d+)?$}): "1e3", "+1" or
   * ".5" are not numbers and such events are left out of sum, max, latest and weighted sum.
   */
  public Optional<BigDecimal> numericValue(String property) {
    String raw = properties.get(property);
    if (raw == null || !NUMERIC.matcher(raw).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(raw));
  }
}
