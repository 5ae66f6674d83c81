package dev.billing.invoicing.billing;

import dev.billing.invoicing.config.InvoicingConfig;
import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.invoicing.domain.billing.Termination;
import dev.billing.invoicing.domain.billing.Trial;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.invoice.ChargesSchedule;
import dev.billing.invoicing.domain.invoice.ChargesSchedule.ChargesPeriod;
import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.GeneratedFees;
import dev.billing.invoicing.domain.invoice.InvoiceGenerator;
import dev.billing.invoicing.domain.invoice.InvoiceTotals;
import dev.billing.invoicing.domain.invoice.NewInvoice;
import dev.billing.invoicing.domain.invoice.NextBillingRun;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.messaging.RatingFees;
import dev.billing.invoicing.persistence.BillingPositionRepository;
import dev.billing.invoicing.persistence.BillingPositionRepository.Candidate;
import dev.billing.invoicing.persistence.BillingPositionRepository.Position;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscription;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscriptionView;
import dev.billing.invoicing.persistence.InvoiceRepository.ChargeDetails;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.PlanRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Bills every subscription that has something due as of an instant: the usage periods that closed
 * (priced by rating-service), the base fees due, the minimum-commitment true-ups, minus what was
 * already billed. One transaction per subscription, holding its billing position's lock, so runs
 * may overlap (the scheduler and an operator's as-of run) without billing anything twice.
 */
@ApplicationScoped
public class BillingRun {

  private static final Logger LOG = Logger.getLogger(BillingRun.class);
  private static final int PAGE = 500;

  /**
   * What a run did.
   *
   * @param asOf the instant billed up to
   * @param subscriptionsChecked subscriptions looked at
   * @param invoiceIds the invoices it created
   * @param failures subscriptions that could not be billed (left for the next run), with why
   */
  public record Result(
      Instant asOf, int subscriptionsChecked, List<UUID> invoiceIds, Map<UUID, String> failures) {}

  private final Pool pool;
  private final BillingPositionRepository positions;
  private final SubscriptionRepository subscriptions;
  private final PlanRepository plans;
  private final CustomerRepository customers;
  private final OrganizationRepository organizations;
  private final RatingFees rating;
  private final InvoiceLifecycle invoices;
  private final InvoiceRepository invoiceRepository;
  private final InvoicingConfig config;
  private final Clock clock;
  private final InvoiceGenerator generator = new InvoiceGenerator();

  public BillingRun(
      Pool pool,
      BillingPositionRepository positions,
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      CustomerRepository customers,
      OrganizationRepository organizations,
      RatingFees rating,
      InvoiceLifecycle invoices,
      InvoiceRepository invoiceRepository,
      InvoicingConfig config,
      Clock clock) {
    this.pool = pool;
    this.positions = positions;
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.customers = customers;
    this.organizations = organizations;
    this.rating = rating;
    this.invoices = invoices;
    this.invoiceRepository = invoiceRepository;
    this.config = config;
    this.clock = clock;
  }

  /** Bills everything due as of {@code asOf}, for one organization or (null) for all. */
  public Uni<Result> asOf(Instant asOf, UUID organizationId) {
    Result result =
        new Result(
            asOf,
            0,
            Collections.synchronizedList(new ArrayList<>()),
            Collections.synchronizedMap(new HashMap<>()));
    return page(asOf, organizationId, new UUID(0, 0), result, 0);
  }

  private Uni<Result> page(
      Instant asOf, UUID organizationId, UUID after, Result result, int checked) {
    return positions
        .due(pool, asOf, organizationId, after, PAGE)
        .flatMap(
            due -> {
              if (due.isEmpty()) {
                return Uni.createFrom()
                    .item(new Result(asOf, checked, result.invoiceIds(), result.failures()));
              }
              UUID last = due.get(due.size() - 1).subscriptionId();
              return Multi.createFrom()
                  .iterable(due)
                  .onItem()
                  .transformToUni(candidate -> billReportingFailure(candidate, asOf, result))
                  .merge(config.billing().concurrency())
                  .collect()
                  .last()
                  .flatMap(
                      ignored -> page(asOf, organizationId, last, result, checked + due.size()));
            });
  }

  private Uni<Void> billReportingFailure(Candidate candidate, Instant asOf, Result result) {
    return pool.withTransaction(tx -> bill(tx, candidate, asOf))
        .invoke(invoiceId -> invoiceId.ifPresent(result.invoiceIds()::add))
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf(
                  e, "could not bill subscription %s as of %s", candidate.subscriptionId(), asOf);
              result.failures().put(candidate.subscriptionId(), String.valueOf(e.getMessage()));
              return Uni.createFrom().voidItem();
            });
  }

  /**
   * Everything a subscription's billing needs, read in its transaction.
   *
   * @param subscription the subscription
   * @param plan its plan
   * @param customer its customer
   * @param organization its organization
   * @param position how far it was billed (locked)
   */
  private record Context(
      Subscription subscription,
      Plan plan,
      Customer customer,
      Organization organization,
      Position position) {}

  private Uni<Optional<UUID>> bill(SqlClient tx, Candidate candidate, Instant asOf) {
    UUID org = candidate.organizationId();
    UUID id = candidate.subscriptionId();
    return context(tx, org, id, positions.lock(tx, id, org, clock.instant()))
        .flatMap(context -> isDue(context, asOf) ? bill(tx, context, asOf) : none());
  }

  private Uni<Context> context(SqlClient tx, UUID org, UUID id, Uni<Position> lockedPosition) {
    return lockedPosition.flatMap(
        position ->
            subscriptions
                .find(tx, org, id)
                .map(Optional::orElseThrow)
                .flatMap(
                    s ->
                        plans
                            .find(tx, org, s.planId())
                            .map(Optional::orElseThrow)
                            .flatMap(
                                plan ->
                                    customers
                                        .findById(tx, org, s.customerId())
                                        .map(Optional::orElseThrow)
                                        .flatMap(
                                            customer ->
                                                organizations
                                                    .find(tx, org)
                                                    .map(Optional::orElseThrow)
                                                    .map(
                                                        o ->
                                                            new Context(
                                                                s, plan, customer, o,
                                                                position))))));
  }

  private static boolean isDue(Context context, Instant asOf) {
    Position p = context.position();
    Instant terminated = context.subscription().terminatedAt();
    boolean endedSinceLastRun =
        terminated != null
            && !terminated.isAfter(asOf)
            && (p.lastRunAt() == null || p.lastRunAt().isBefore(terminated));
    return endedSinceLastRun || (p.nextRunAt() != null && !p.nextRunAt().isAfter(asOf));
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

  private Uni<Owed> owed(SqlClient tx, Context context, Instant asOf, LocalDate billedTo) {
    SubscriptionFacts facts = facts(context);
    List<ChargesPeriod> closed = ChargesSchedule.closedBy(facts, asOf, billedTo);
    Map<String, ChargeDetails> details = new HashMap<>();
    return chargeLines(context.subscription(), closed, facts.terms().currency(), details)
        .flatMap(
            chargeLines ->
                invoiceRepository
                    .billedLines(tx, context.subscription().id())
                    .map(
                        billed ->
                            new Owed(
                                facts,
                                closed,
                                billed,
                                generator.generate(facts, asOf, chargeLines, List.of(), billed),
                                details)));
  }

  private Uni<Optional<UUID>> bill(SqlClient tx, Context context, Instant asOf) {
    return owed(tx, context, asOf, context.position().chargesBilledTo())
        .flatMap(
            owed ->
                invoice(
                        tx,
                        context,
                        owed.facts(),
                        asOf,
                        owed.closed(),
                        owed.billed(),
                        owed.generated(),
                        owed.details())
                    .call(
                        ignored ->
                            positions.advance(
                                tx,
                                context.subscription().id(),
                                owed.closed().isEmpty()
                                    ? context.position().chargesBilledTo()
                                    : owed.closed().get(owed.closed().size() - 1).active().toDate(),
                                NextBillingRun.after(owed.facts(), asOf).orElse(null),
                                asOf,
                                clock.instant())));
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
              if (!"draft".equals(invoice.status())) {
                throw new ApiException(InvoiceErrorCode.NOT_REFRESHABLE);
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
                        BilledSubscription subscription = billed.get(0).billed();
                        return invoiceRepository
                            .deleteFees(tx, invoiceId)
                            .chain(
                                () ->
                                    context(
                                        tx,
                                        organizationId,
                                        subscription.subscriptionId(),
                                        positions.lock(
                                            tx,
                                            subscription.subscriptionId(),
                                            organizationId,
                                            clock.instant())))
                            .flatMap(
                                context ->
                                    owed(
                                            tx,
                                            context,
                                            invoice.billedAsOf(),
                                            subscription.chargesFrom() == null
                                                ? context.position().chargesBilledTo()
                                                : subscription
                                                    .chargesFrom()
                                                    .atZone(facts(context).zone())
                                                    .toLocalDate())
                                        .flatMap(
                                            owed ->
                                                invoiceRepository.replaceFees(
                                                    tx,
                                                    invoice,
                                                    owed.generated().lines(),
                                                    owed.details(),
                                                    subscription.subscriptionId(),
                                                    InvoiceTotals.of(
                                                        owed.facts().terms().currency(),
                                                        owed.generated().lines(),
                                                        Money.zero(
                                                            owed.facts().terms().currency())),
                                                    clock.instant())));
                      });
            });
  }

  private Uni<Optional<UUID>> invoice(
      SqlClient tx,
      Context context,
      SubscriptionFacts facts,
      Instant asOf,
      List<ChargesPeriod> closed,
      List<FeeLine> billed,
      GeneratedFees generated,
      Map<String, ChargeDetails> details) {
    Subscription s = context.subscription();
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
            facts.terms().currency(),
            terminating ? s.terminatedAt() : asOf,
            facts.zone(),
            grace,
            netTerm);
    String reason =
        terminating
            ? "subscription_terminating"
            : billed.isEmpty() ? "subscription_starting" : "subscription_periodic";
    BilledSubscription billedSubscription =
        new BilledSubscription(
            s.id(),
            reason,
            closed.isEmpty() ? null : closed.get(0).opensAt(),
            closed.isEmpty() ? null : closed.get(closed.size() - 1).closesAt());
    return invoices
        .create(tx, organization, customer, s.id(), invoice, billedSubscription, details, asOf)
        .map(Optional::of);
  }

  private Uni<List<FeeLine>> chargeLines(
      Subscription s,
      List<ChargesPeriod> closed,
      CurrencyUnit currency,
      Map<String, ChargeDetails> details) {
    List<FeeLine> lines = new ArrayList<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (ChargesPeriod period : closed) {
      chain =
          chain.chain(
              () ->
                  rating
                      .of(s.id(), period.opensAt(), period.closesAt())
                      .invoke(
                          fees ->
                              fees.lines()
                                  .forEach(l -> add(s, period, l, currency, lines, details)))
                      .replaceWithVoid());
    }
    return chain.replaceWith(lines);
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

  /** The subscription as the pure generator sees it. */
  static SubscriptionFacts facts(Context context) {
    Subscription s = context.subscription();
    Plan plan = context.plan();
    ZoneId zone =
        ZoneId.of(
            context.customer().timezone() != null
                ? context.customer().timezone()
                : context.organization().timezone());
    PlanTerms terms =
        PlanTerms.of(plan.amountCents(), plan.currency(), plan.interval(), plan.payInAdvance())
            .withTrialPeriodDays(plan.trialPeriodDays())
            .withBillChargesMonthly(plan.billChargesMonthly())
            .withMinimumCommitmentCents(plan.minimumCommitmentCents());
    Optional<Instant> trialEnd =
        s.trialEndedAt() != null
            ? Optional.of(s.trialEndedAt())
            : Trial.endOf(s.startedAt(), plan.trialPeriodDays());
    Optional<Termination> termination =
        Optional.ofNullable(s.terminatedAt())
            .map(
                at ->
                    new Termination(
                        at,
                        s.nextId() != null
                            ? Termination.Kind.REPLACED
                            : Termination.Kind.TERMINATED));
    Instant anchor = s.subscriptionAt().isAfter(s.startedAt()) ? s.startedAt() : s.subscriptionAt();
    return new SubscriptionFacts(
        s.id().toString(),
        terms,
        s.billingTime(),
        anchor,
        s.startedAt(),
        trialEnd,
        termination,
        zone);
  }

  private static Uni<Optional<UUID>> none() {
    return Uni.createFrom().item(Optional.empty());
  }
}
