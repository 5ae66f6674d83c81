package dev.billing.invoicing.domain.invoice;

import java.util.List;

/**
 * What the generator found still to do for a subscription.
 *
 * @param lines positive amounts still to bill, in Lago's fee order (subscription, charges, add-ons,
 *     commitment)
 * @param credits negative differences: amounts billed beyond what is now expected (a pay-in-advance
 *     fee cut by a termination or an upgrade, usage corrected downwards); for a credit note, never
 *     put on an invoice as fees
 */
public record GeneratedFees(List<FeeLine> lines, List<FeeLine> credits) {

  public GeneratedFees {
    lines = List.copyOf(lines);
    credits = List.copyOf(credits);
  }

  /** Whether there is nothing left to bill or credit: a re-run of a billed period. */
  public boolean isEmpty() {
    return lines.isEmpty() && credits.isEmpty();
  }
}
