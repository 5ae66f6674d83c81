package dev.billing.rating.domain.usage;

import dev.billing.rating.domain.charge.ChargeProperties;
import dev.billing.rating.domain.charge.PercentageProperties;

/**
 * Whether a price needs each event's value rather than the period's totals: a percentage charge
 * with free units or per-transaction bounds depends on the order of events.
 */
public final class PercentageNeeds {

  private PercentageNeeds() {}

  public static boolean eventValues(ChargeProperties pricing) {
    return pricing instanceof PercentageProperties p
        && (p.freeUnitsPerEvents() != null
            || p.freeUnitsPerTotalAggregation() != null
            || p.perTransactionMinAmount() != null
            || p.perTransactionMaxAmount() != null);
  }
}
