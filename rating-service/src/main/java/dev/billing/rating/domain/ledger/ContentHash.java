package dev.billing.rating.domain.ledger;

import dev.billing.rating.domain.usage.RatedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A 64-bit FNV-1a hash of what an event says (code, time, properties in key order, precise amount):
 * equal for a retry, different for a correction, whatever the JSON's whitespace or key order.
 */
public final class ContentHash {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private ContentHash() {}

  public static long of(RatedEvent event) {
    long hash = OFFSET_BASIS;
    hash = mix(hash, event.code());
    hash = mix(hash, Long.toString(event.timestamp().toEpochMilli()));
    for (Map.Entry<String, String> property : new TreeMap<>(event.properties()).entrySet()) {
      hash = mix(hash, property.getKey());
      hash = mix(hash, property.getValue());
    }
    String precise =
        event.preciseTotalAmountCents() == null
            ? ""
            : event.preciseTotalAmountCents().stripTrailingZeros().toPlainString();
    return mix(hash, precise);
  }

  private static long mix(long hash, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    // a separator, so ("ab","c") and ("a","bc") differ
    hash ^= 0xff;
    return hash * PRIME;
  }
}
