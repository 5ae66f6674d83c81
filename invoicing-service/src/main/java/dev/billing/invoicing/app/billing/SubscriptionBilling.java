package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.client.RatingFees;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.invoice.ChargesSchedule;
import dev.billing.invoicing.domain.invoice.ChargesSchedule.ChargesPeriod;
import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.GeneratedFees;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.domain.invoice.InvoiceGenerator;
import dev.billing.invoicing.domain.invoice.InvoiceTotals;
import dev.billing.invoicing.domain.invoice.NewInvoice;
import dev.billing.invoicing.domain.invoice.NextBillingRun;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.persistence.BillingPositionRepository;
import dev.billing.invoicing.persistence.BillingPositionRepository.Candidate;
import dev.billing.invoicing.persistence.FeeRepository;
import dev.billing.invoicing.persistence.FeeRepository.ChargeDetails;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscription;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscriptionView;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * One subscription's billing, in the caller's transaction and under its billing position's lock:
 * the usage periods that closed, the base fees due and the true-ups, minus every line already
 * billed ({@link InvoiceGenerator}), so a re-run or an overlapping run bills nothing twice.
 */
@ApplicationScoped
public class SubscriptionBilling {

  private final BillingPositionRepository positions;
  private final SubscriptionRepository subscriptions;
  private final BillingContexts contexts;
  private final ChargeFees charges;
  private final InvoiceLifecycle invoices;
  private final InvoiceRepository invoiceRepository;
  private final FeeRepository feeRepository;
  private final Clock clock;
  private final InvoiceGenerator generator = new InvoiceGenerator();

  public SubscriptionBilling(
      BillingPositionRepository positions,
      SubscriptionRepository subscriptions,
      BillingContexts contexts,
      ChargeFees charges,
      InvoiceLifecycle invoices,
      InvoiceRepository invoiceRepository,
      FeeRepository feeRepository,
      Clock clock) {
    this.positions = positions;
    this.subscriptions = subscriptions;
    this.contexts = contexts;
    this.charges = charges;
    this.invoices = invoices;
    this.invoiceRepository = invoiceRepository;
    this.feeRepository = feeRepository;
    this.clock = clock;
  }

  /**
   * Bills what is due as of {@code asOf}; returns the invoice made, if any. {@code page} is what
   * the run read before the transaction; {@code prefetched} the fees it expects to need.
   */
  public Uni<Optional<UUID>> bill(
      SqlClient tx,
      BillingContext page,
      Instant asOf,
      Map<RatingFees.Period, PeriodFees> prefetched) {
    Subscription s = page.subscription();
    // one round trip: the statements after the lock run once it is held, so they see what its
    // last holder committed (the subscription again: a termination may have come meanwhile)
    return Uni.combine()
        .all()
        .unis(
            positions.lock(tx, s.id()),
            subscriptions.find(tx, s.organizationId(), s.id()),
            feeRepository.billedLines(tx, s.id()))
        .asTuple()
        .flatMap(
            locked -> {
              BillingContext context =
                  page.withSubscription(locked.getItem2().orElseThrow())
                      .withPosition(locked.getItem1());
              if (!context.isDue(asOf)) {
                return none();
              }
              return owed(
                      context,
                      asOf,
                      context.position().chargesBilledTo(),
                      locked.getItem3(),
                      prefetched)
                  .flatMap(owed -> bill(tx, context, asOf, owed));
            });
  }

  /**
   * What a subscription owes as of an instant.
   *
   * @param facts the subscription as the generator sees it
   * @param closed the usage periods priced (those starting on or after the billed-to date)
   * @param billed what was billed before
   * @param generated expected minus billed
   * @param details what the charge lines show beyond their amounts
   */
  private record Owed(
      SubscriptionFacts facts,
      List<ChargesPeriod> closed,
      List<FeeLine> billed,
      GeneratedFees generated,
      Map<String, ChargeDetails> details) {}

  private Uni<Owed> owed(
      BillingContext context,
      Instant asOf,
      LocalDate billedTo,
      List<FeeLine> billed,
      Map<RatingFees.Period, PeriodFees> prefetched) {
    SubscriptionFacts facts = context.facts();
    List<ChargesPeriod> closed = ChargesSchedule.closedBy(facts, asOf, billedTo);
    Map<String, ChargeDetails> details = new HashMap<>();
    return charges
        .lines(context.subscription(), closed, facts.terms().currency(), prefetched, details)
        .map(
            chargeLines ->
                new Owed(
                    facts,
                    closed,
                    billed,
                    generator.generate(facts, asOf, chargeLines, List.of(), billed),
                    details));
  }

  private Uni<Optional<UUID>> bill(SqlClient tx, BillingContext context, Instant asOf, Owed owed) {
    Uni<Void> advance =
        positions.advance(
            tx,
            context.subscription().id(),
            owed.closed().isEmpty()
                ? context.position().chargesBilledTo()
                : owed.closed().get(owed.closed().size() - 1).active().toDate(),
            NextBillingRun.after(owed.facts(), asOf).orElse(null),
            asOf,
            clock.instant());
    // the position's update travels with the invoice's first writes (pipelined)
    return Uni.combine()
        .all()
        .unis(advance, invoice(tx, context, asOf, owed))
        .asTuple()
        .map(written -> written.getItem2());
  }

  /**
   * Rebuilds a draft's fees as of the instant it billed: usage is priced again (an event that
   * arrived since counts), base fees and true-ups recomputed. 405 unless it is a draft.
   */
  public Uni<Void> refresh(SqlClient tx, UUID organizationId, UUID invoiceId) {
    return invoiceRepository
        .findForUpdate(tx, organizationId, invoiceId)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("invoice")))
        .flatMap(
            invoice -> {
              if (!invoice.status().isRefreshable()) {
                throw new ApiException(ErrorCode.NOT_REFRESHABLE);
              }
              return invoiceRepository
                  .subscriptionsOf(tx, List.of(invoiceId))
                  .flatMap(
                      bySubscription -> {
                        List<BilledSubscriptionView> billed =
                            bySubscription.getOrDefault(invoiceId, List.of());
                        if (billed.isEmpty()) {
                          return Uni.createFrom().voidItem();
                        }
                        return refresh(tx, invoice, billed.get(0).billed());
                      });
            });
  }

  private Uni<Void> refresh(SqlClient tx, Invoice invoice, BilledSubscription billed) {
    UUID id = billed.subscriptionId();
    return feeRepository
        .deleteFees(tx, invoice.id())
        .chain(
            () ->
                contexts.of(
                    tx, List.of(new Candidate(id, invoice.organizationId())), clock.instant()))
        .map(found -> Optional.ofNullable(found.get(id)).orElseThrow(NoSuchElementException::new))
        .flatMap(
            page ->
                Uni.combine()
                    .all()
                    .unis(positions.lock(tx, id), feeRepository.billedLines(tx, id))
                    .asTuple()
                    .flatMap(
                        locked -> {
                          BillingContext context = page.withPosition(locked.getItem1());
                          LocalDate from =
                              billed.chargesFrom() == null
                                  ? context.position().chargesBilledTo()
                                  : billed
                                      .chargesFrom()
                                      .atZone(context.facts().zone())
                                      .toLocalDate();
                          return owed(
                              context, invoice.billedAsOf(), from, locked.getItem2(), Map.of());
                        }))
        .flatMap(
            owed ->
                invoiceRepository.replaceFees(
                    tx,
                    invoice,
                    owed.generated().lines(),
                    owed.details(),
                    id,
                    InvoiceTotals.of(
                        owed.facts().terms().currency(),
                        owed.generated().lines(),
                        Money.zero(owed.facts().terms().currency())),
                    clock.instant()));
  }

  private Uni<Optional<UUID>> invoice(
      SqlClient tx, BillingContext context, Instant asOf, Owed owed) {
    Subscription s = context.subscription();
    GeneratedFees generated = owed.generated();
    boolean terminating = s.terminatedAt() != null && !s.terminatedAt().isAfter(asOf);
    if (generated.lines().isEmpty() || (terminating && "skip".equals(s.onTerminationInvoice()))) {
      return none();
    }
    Customer customer = context.customer();
    Organization organization = context.organization();
    int grace =
        Optional.ofNullable(customer.billing().invoiceGracePeriod())
            .orElse(organization.invoiceGracePeriod());
    int netTerm =
        Optional.ofNullable(customer.billing().netPaymentTerm())
            .orElse(organization.netPaymentTerm());
    NewInvoice invoice =
        NewInvoice.of(
            generated.lines(),
            owed.facts().terms().currency(),
            terminating ? s.terminatedAt() : asOf,
            owed.facts().zone(),
            grace,
            netTerm);
    String reason =
        terminating
            ? "subscription_terminating"
            : owed.billed().isEmpty() ? "subscription_starting" : "subscription_periodic";
    List<ChargesPeriod> closed = owed.closed();
    BilledSubscription billedSubscription =
        new BilledSubscription(
            s.id(),
            reason,
            closed.isEmpty() ? null : closed.get(0).opensAt(),
            closed.isEmpty() ? null : closed.get(closed.size() - 1).closesAt());
    return invoices
        .create(tx, organization, customer, s, invoice, billedSubscription, owed.details(), asOf)
        .map(Optional::of);
  }

  private static Uni<Optional<UUID>> none() {
    return Uni.createFrom().item(Optional.empty());
  }
}
