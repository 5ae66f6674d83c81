package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.client.RatingFees;
import dev.billing.invoicing.domain.invoice.ChargesSchedule;
import dev.billing.invoicing.domain.invoice.ChargesSchedule.ChargesPeriod;
import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.persistence.FeeRepository.ChargeDetails;
import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.money.CurrencyUnit;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The usage fee lines of a subscription's closed periods, priced by rating-service. A billing run
 * prices a whole page's periods in one call before any billing transaction starts ({@link
 * #prefetch}), so no transaction waits on rating while it holds its locks; a period the page did
 * not foresee (another run moved the position meanwhile) is asked for alone.
 */
@ApplicationScoped
public class ChargeFees {

  private final RatingFees rating;

  public ChargeFees(RatingFees rating) {
    this.rating = rating;
  }

  /** The fees of the periods the page's subscriptions are expected to bill as of {@code asOf}. */
  public Uni<Map<RatingFees.Period, PeriodFees>> prefetch(
      Collection<BillingContext> page, Instant asOf) {
    List<RatingFees.Period> periods = new ArrayList<>();
    for (BillingContext context : page) {
      if (!context.isDue(asOf)) {
        continue;
      }
      for (ChargesPeriod period :
          ChargesSchedule.closedBy(context.facts(), asOf, context.position().chargesBilledTo())) {
        periods.add(period(context.subscription(), period));
      }
    }
    return rating.ofEach(periods);
  }

  /**
   * The fee lines of the closed periods, from {@code prefetched} or else from rating; {@code
   * details} receives what each line shows beyond its amount.
   */
  public Uni<List<FeeLine>> lines(
      Subscription s,
      List<ChargesPeriod> closed,
      CurrencyUnit currency,
      Map<RatingFees.Period, PeriodFees> prefetched,
      Map<String, ChargeDetails> details) {
    List<FeeLine> lines = new ArrayList<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (ChargesPeriod period : closed) {
      RatingFees.Period wanted = period(s, period);
      PeriodFees known = prefetched.get(wanted);
      Uni<PeriodFees> fees =
          known != null
              ? Uni.createFrom().item(known)
              : rating.of(s.id(), wanted.periodAt(), wanted.billedTo());
      chain =
          chain.chain(
              () ->
                  fees.invoke(
                          f -> f.lines().forEach(l -> add(s, period, l, currency, lines, details)))
                      .replaceWithVoid());
    }
    return chain.replaceWith(lines);
  }

  private static RatingFees.Period period(Subscription s, ChargesPeriod period) {
    return new RatingFees.Period(s.id(), period.opensAt(), period.closesAt());
  }

  private static void add(
      Subscription s,
      ChargesPeriod period,
      PeriodFees.Line line,
      CurrencyUnit currency,
      List<FeeLine> lines,
      Map<String, ChargeDetails> details) {
    // Lago: the item's name is the metric's; the label falls back from the charge's to it
    String name =
        line.billableMetricName() != null ? line.billableMetricName() : line.billableMetricCode();
    String label = line.invoiceDisplayName() != null ? line.invoiceDisplayName() : name;
    FeeLine fee =
        FeeLine.charge(
            s.id().toString(),
            line.chargeId(),
            line.trueUp() ? "true_up" : line.chargeFilterId(),
            line.groupedBy() == null ? Map.of() : line.groupedBy(),
            period.active(),
            new BigDecimal(line.units()),
            new BigDecimal(line.preciseAmount()),
            currency,
            line.trueUp() ? name + " (true-up)" : name);
    lines.add(fee);
    details.put(fee.key(), new ChargeDetails(line.eventsCount(), line.billableMetricCode(), label));
  }
}
