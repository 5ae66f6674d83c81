package dev.billing.invoicing.domain.invoice;

import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Fee lines summed by key: what has been billed (or is to be billed) for each thing. */
public final class FeeLedger {

  /**
   * The sum of the lines under one key.
   *
   * @param line the first line seen under the key: type, period and charge identity
   * @param units summed units
   * @param preciseAmount summed unrounded amounts
   * @param amount summed rounded amounts
   */
  public record Entry(FeeLine line, BigDecimal units, BigDecimal preciseAmount, Money amount) {

    Entry plus(FeeLine other) {
      return new Entry(
          line,
          units.add(other.units()),
          preciseAmount.add(other.preciseAmount()),
          amount.plus(other.amount()));
    }
  }

  private final Map<String, Entry> byKey;

  private FeeLedger(Map<String, Entry> byKey) {
    this.byKey = byKey;
  }

  public static FeeLedger of(Collection<FeeLine> lines) {
    FeeLedger ledger = new FeeLedger(new LinkedHashMap<>());
    lines.forEach(ledger::add);
    return ledger;
  }

  public Optional<Entry> get(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public Collection<Entry> entries() {
    return Collections.unmodifiableCollection(byKey.values());
  }

  /** This ledger with the entries of {@code replacements}' keys replaced by those lines. */
  public FeeLedger replacedBy(List<FeeLine> replacements) {
    FeeLedger merged = new FeeLedger(new LinkedHashMap<>(byKey));
    replacements.forEach(line -> merged.byKey.remove(line.key()));
    replacements.forEach(merged::add);
    return merged;
  }

  /** The summed amounts of the entries whose first line matches. */
  public Optional<Money> sum(Predicate<FeeLine> which) {
    return byKey.values().stream()
        .filter(entry -> which.test(entry.line()))
        .map(Entry::amount)
        .reduce(Money::plus);
  }

  private void add(FeeLine line) {
    byKey.merge(
        line.key(),
        new Entry(line, line.units(), line.preciseAmount(), line.amount()),
        (existing, added) -> existing.plus(line));
  }
}
