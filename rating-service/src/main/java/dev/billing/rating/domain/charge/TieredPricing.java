package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/** The graduated, graduated percentage and volume formulas (lago.md §4). */
final class TieredPricing {

  private static final int PERCENT_SHIFT = 2;

  private TieredPricing() {}

  /** Σ over tiers reached of units in tier × per-unit amount + flat amount. */
  static BigDecimal graduated(List<GraduatedRange> ranges, BigDecimal units) {
    boolean adjacent = isAdjacent(ranges);
    BigDecimal total = BigDecimal.ZERO;
    for (GraduatedRange tier : ranges) {
      BigDecimal tierUnits = unitsInTier(tier, units, adjacent);
      total = total.add(tierUnits.multiply(tier.perUnitAmount())).add(tier.flatAmount());
      if (isLastReached(tier, units)) {
        break;
      }
    }
    return total;
  }

  /** Σ over tiers reached of units in tier × rate / 100 + flat amount. */
  static BigDecimal graduatedPercentage(List<GraduatedPercentageRange> ranges, BigDecimal units) {
    boolean adjacent = isAdjacent(ranges);
    BigDecimal total = BigDecimal.ZERO;
    for (GraduatedPercentageRange tier : ranges) {
      BigDecimal tierUnits = unitsInTier(tier, units, adjacent);
      BigDecimal percentage = tierUnits.multiply(tier.rate()).movePointLeft(PERCENT_SHIFT);
      total = total.add(percentage).add(tier.flatAmount());
      if (isLastReached(tier, units)) {
        break;
      }
    }
    return total;
  }

  /**
   * All units at the price of the tier with {@code from ≤ ceil(U)} and {@code U ≤ to}, plus that
   * tier's flat amount; zero if no tier holds U (only possible for negative units).
   */
  static BigDecimal volume(List<VolumeRange> ranges, BigDecimal units) {
    BigDecimal ceiled = units.setScale(0, RoundingMode.CEILING);
    return ranges.stream()
        .sorted(Comparator.comparingLong(VolumeRange::fromValue))
        .filter(tier -> BigDecimal.valueOf(tier.fromValue()).compareTo(ceiled) <= 0)
        .filter(tier -> tier.toValue() == null || units.compareTo(toValue(tier)) <= 0)
        .findFirst()
        .map(tier -> units.multiply(tier.perUnitAmount()).add(tier.flatAmount()))
        .orElse(BigDecimal.ZERO);
  }

  /** True when every tier starts at the previous tier's {@code to_value} (0–100, 100–200). */
  static boolean isAdjacent(List<? extends TierBounds> tiers) {
    if (tiers.size() < 2) {
      return false;
    }
    for (int i = 1; i < tiers.size(); i++) {
      Long previousTo = tiers.get(i - 1).toValue();
      if (tiers.get(i).fromValue() != (previousTo == null ? 0 : previousTo)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Units billed in one tier: up to {@code min(U, to)}; from 0 that is all of them, otherwise
   * {@code − from + 1} with inclusive bounds or {@code − from} with adjacent ones.
   */
  static BigDecimal unitsInTier(TierBounds tier, BigDecimal units, boolean adjacent) {
    BigDecimal upTo =
        tier.toValue() != null && units.compareTo(toValue(tier)) >= 0 ? toValue(tier) : units;
    if (tier.fromValue() == 0) {
      return upTo;
    }
    BigDecimal diff = upTo.subtract(BigDecimal.valueOf(tier.fromValue()));
    return adjacent ? diff : diff.add(BigDecimal.ONE);
  }

  private static boolean isLastReached(TierBounds tier, BigDecimal units) {
    return tier.toValue() == null || toValue(tier).compareTo(units) >= 0;
  }

  private static BigDecimal toValue(TierBounds tier) {
    return BigDecimal.valueOf(tier.toValue());
  }
}
