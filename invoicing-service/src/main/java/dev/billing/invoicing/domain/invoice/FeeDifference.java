package dev.billing.invoicing.domain.invoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Expected minus already billed, key by key: the heart of a re-runnable generator. */
final class FeeDifference {

  private FeeDifference() {}

  /**
   * A never-billed key yields its expected line unless it is empty (no units, no amount); a billed
   * key yields a correction only when the rounded amounts differ. Billed keys that are not expected
   * are left alone: the generator only corrects what it was asked about.
   */
  static GeneratedFees between(List<FeeLine> expected, FeeLedger billed) {
    List<FeeLine> lines = new ArrayList<>();
    List<FeeLine> credits = new ArrayList<>();
    for (FeeLine line : expected) {
      Optional<FeeLedger.Entry> entry = billed.get(line.key());
      boolean empty = line.amount().isZero() && line.units().signum() == 0;
      FeeLine due =
          entry
              .map(e -> line.differenceFrom(e.units(), e.preciseAmount(), e.amount()))
              .orElse(line);
      if (due.amount().isNegative()) {
        credits.add(due);
      } else if (!due.amount().isZero() || (entry.isEmpty() && !empty)) {
        lines.add(due);
      }
    }
    return new GeneratedFees(lines, credits);
  }
}
