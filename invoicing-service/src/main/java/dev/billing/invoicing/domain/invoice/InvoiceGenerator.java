package dev.billing.invoicing.domain.invoice;

import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.platform.money.CurrencyUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kill Bill's idea with Lago's rules: the fee lines a subscription still owes are what is expected
 * as of an instant minus what was already billed, by key. Running it again with its own output as
 * already billed yields nothing; a changed expectation yields only the difference.
 *
 * <p>Expected lines are the base fees due by {@code asOf} over the whole life of the subscription
 * ({@link SubscriptionFeeSchedule}), the charge and add-on lines given (usage is priced elsewhere),
 * and the minimum-commitment true-ups of closed periods ({@link CommitmentTrueUp}). Pure: the
 * instant is a parameter and nothing is read or written.
 */
public final class InvoiceGenerator {

  /**
   * The lines still to bill and the amounts billed beyond what is now expected.
   *
   * @param sub the subscription (terminated or replaced ones included)
   * @param asOf the billing instant: a period boundary, a termination, a plan change
   * @param chargeLines this run's usage lines for the subscription, each with its own key
   * @param addOnLines add-on lines to put on the same invoice
   * @param alreadyBilled every line billed for this subscription so far, corrections included
   */
  public GeneratedFees generate(
      SubscriptionFacts sub,
      Instant asOf,
      List<FeeLine> chargeLines,
      List<FeeLine> addOnLines,
      List<FeeLine> alreadyBilled) {
    List<FeeLine> expected = new ArrayList<>(SubscriptionFeeSchedule.dueLines(sub, asOf));
    expected.addAll(chargeLines);
    expected.addAll(addOnLines);
    requireOneCurrencyAndUniqueKeys(sub.terms().currency(), expected, alreadyBilled);
    FeeLedger billed = FeeLedger.of(alreadyBilled);
    Set<String> expectedKeys = expected.stream().map(FeeLine::key).collect(Collectors.toSet());
    expected.addAll(SubscriptionFeeSchedule.noLongerDue(sub, billed, expectedKeys));
    expected.addAll(CommitmentTrueUp.dueLines(sub, asOf, billed.replacedBy(expected)));
    return FeeDifference.between(expected, billed);
  }

  private static void requireOneCurrencyAndUniqueKeys(
      CurrencyUnit currency, List<FeeLine> expected, List<FeeLine> billed) {
    Set<String> keys = new HashSet<>();
    for (FeeLine line : expected) {
      if (!keys.add(line.key())) {
        throw new IllegalArgumentException("two expected lines share the key " + line.key());
      }
    }
    for (List<FeeLine> lines : List.of(expected, billed)) {
      for (FeeLine line : lines) {
        if (!line.currency().code().equals(currency.code())) {
          throw new IllegalArgumentException(
              line.key() + " is in " + line.currency().code() + ", the plan in " + currency.code());
        }
      }
    }
  }
}
