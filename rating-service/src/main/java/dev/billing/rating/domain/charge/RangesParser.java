package dev.billing.rating.domain.charge;

import dev.billing.platform.error.ValidationErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses and validates the tier lists of the graduated, graduated percentage and volume models.
 * Bounds: the first tier starts at 0; each next tier starts at the previous {@code to_value}
 * ("adjacent") or one past it ("inclusive"); every tier but the last has a {@code to_value} not
 * below its {@code from_value}; the last has {@code to_value: null}.
 */
final class RangesParser {

  /** Builds one typed tier from its bounds and its raw map, adding amount errors if any. */
  @FunctionalInterface
  interface TierReader<R> {
    R read(long fromValue, Long toValue, Map<?, ?> raw, ValidationErrors errors);
  }

  private RangesParser() {}

  static <R extends TierBounds> List<R> parse(
      Object raw,
      String field,
      String missingCode,
      String invalidCode,
      TierReader<R> reader,
      ValidationErrors errors) {
    if (raw == null || raw instanceof List<?> list && list.isEmpty()) {
      errors.add(field, missingCode);
      return null;
    }
    if (!(raw instanceof List<?> list)) {
      errors.add(field, invalidCode);
      return null;
    }
    List<R> tiers = new ArrayList<>();
    Long previousTo = null;
    for (int index = 0; index < list.size(); index++) {
      if (!(list.get(index) instanceof Map<?, ?> map)) {
        errors.add(field, invalidCode);
        return null;
      }
      boolean last = index == list.size() - 1;
      Optional<Long> from = JsonValues.integer(map.get("from_value"));
      Object rawTo = map.get("to_value");
      Optional<Long> to = JsonValues.integer(rawTo);
      boolean validFrom = from.isPresent() && startsRight(from.get(), index, previousTo);
      boolean validTo =
          last ? rawTo == null : to.isPresent() && from.isPresent() && to.get() >= from.get();
      if (!validFrom || !validTo) {
        errors.add(field, invalidCode);
      }
      R tier = reader.read(from.orElse(0L), to.orElse(null), map, errors);
      if (tier != null) {
        tiers.add(tier);
      }
      previousTo = to.orElse(0L);
    }
    return tiers.size() == list.size() ? tiers : null;
  }

  private static boolean startsRight(long from, int index, Long previousTo) {
    if (index == 0) {
      return from == 0;
    }
    return from == previousTo || from == previousTo + 1;
  }

  /** Reads a non-negative decimal string, or adds {@code code} on {@code field}. */
  static BigDecimal amount(Map<?, ?> raw, String field, String code, ValidationErrors errors) {
    Optional<BigDecimal> amount = JsonValues.amount(raw.get(field));
    if (amount.isEmpty()) {
      errors.add(field, code);
    }
    return amount.orElse(null);
  }
}
