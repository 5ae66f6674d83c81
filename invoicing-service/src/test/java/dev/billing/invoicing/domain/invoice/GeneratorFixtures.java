package dev.billing.invoicing.domain.invoice;

import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/** Shared builders for the generator scenarios: subscription "sub-1" in UTC, USD. */
final class GeneratorFixtures {

  static final ZoneId UTC = ZoneId.of("UTC");
  static final InvoiceGenerator GENERATOR = new InvoiceGenerator();

  private GeneratorFixtures() {}

  static SubscriptionFacts started(PlanTerms terms, BillingTime time, String at) {
    return SubscriptionFacts.started("sub-1", terms, time, Instant.parse(at), UTC);
  }

  static PlanTerms arrears(long cents) {
    return PlanTerms.of(cents, "USD", PlanInterval.MONTHLY, false);
  }

  static PlanTerms advance(long cents) {
    return PlanTerms.of(cents, "USD", PlanInterval.MONTHLY, true);
  }

  static FeeLine charge(String from, String to, String amount) {
    return FeeLine.charge(
        "sub-1",
        "charge-api",
        null,
        null,
        BillingPeriod.full(LocalDate.parse(from), LocalDate.parse(to)),
        BigDecimal.TEN,
        new BigDecimal(amount),
        Currencies.of("USD"),
        "API calls");
  }

  static GeneratedFees run(SubscriptionFacts sub, String asOf, List<FeeLine> charges) {
    return run(sub, asOf, charges, List.of());
  }

  static GeneratedFees run(
      SubscriptionFacts sub, String asOf, List<FeeLine> charges, List<FeeLine> billed) {
    return GENERATOR.generate(sub, Instant.parse(asOf), charges, List.of(), billed);
  }

  static List<Money> amounts(List<FeeLine> lines) {
    return lines.stream().map(FeeLine::amount).toList();
  }

  static List<FeeLine> concat(List<FeeLine> a, List<FeeLine> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  static Money usd(long cents) {
    return Money.ofMinor(cents, "USD");
  }
}
