package dev.billing.rating.domain.metric.expression;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an expression can read from an event: {@code event.code}, {@code event.timestamp} (Unix
 * seconds, with milliseconds as decimals) and {@code event.properties.<name>}.
 */
public record EventContext(String code, BigDecimal timestamp, Map<String, String> properties) {

  public EventContext {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(timestamp, "timestamp");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  public static EventContext of(String code, Instant timestamp, Map<String, String> properties) {
    BigDecimal seconds = BigDecimal.valueOf(timestamp.toEpochMilli(), 3).stripTrailingZeros();
    return new EventContext(code, seconds.scale() < 0 ? seconds.setScale(0) : seconds, properties);
  }
}
