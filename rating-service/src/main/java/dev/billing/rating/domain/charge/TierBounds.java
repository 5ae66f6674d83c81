package dev.billing.rating.domain.charge;

/**
 * The bounds of one tier of a tiered model. {@code toValue} is null only for the last tier. Tiers
 * are "inclusive" (0–100, 101–200) or "adjacent" (0–100, 100–200).
 */
public interface TierBounds {

  long fromValue();

  /** The upper bound, or null for the open-ended last tier. */
  Long toValue();
}
