package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.client.RatingFees;
import dev.billing.invoicing.config.InvoicingConfig;
import dev.billing.invoicing.persistence.BillingPositionRepository;
import dev.billing.invoicing.persistence.BillingPositionRepository.Candidate;
import dev.billing.platform.contracts.PeriodFees;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Bills every subscription that has something due as of an instant ({@link SubscriptionBilling}),
 * one transaction per subscription, holding its billing position's lock, so runs may overlap (the
 * scheduler and an operator's as-of run) without billing anything twice. Subscriptions come in
 * pages: each page's subscriptions, plans, customers and organization are read with a few queries
 * and its usage priced by rating-service in one call, before its transactions start; the next page
 * is read while the last ones of a page are billed.
 */
@ApplicationScoped
public class RunBilling {

  private static final Logger LOG = Logger.getLogger(RunBilling.class);

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

  /**
   * A page of due subscriptions, read and priced.
   *
   * @param candidates the subscriptions due, by id
   * @param contexts what their billing reads, by subscription id
   * @param prefetched the fees of the usage periods they are expected to bill
   */
  private record Page(
      List<Candidate> candidates,
      Map<UUID, BillingContext> contexts,
      Map<RatingFees.Period, PeriodFees> prefetched) {}

  /**
   * A subscription to bill, and the page it came in.
   *
   * @param candidate the subscription
   * @param page its page
   */
  private record Due(Candidate candidate, Page page) {}

  private final Pool pool;
  private final BillingPositionRepository positions;
  private final BillingContexts contexts;
  private final ChargeFees charges;
  private final SubscriptionBilling billing;
  private final InvoicingConfig.Billing config;
  private final Clock clock;

  public RunBilling(
      Pool pool,
      BillingPositionRepository positions,
      BillingContexts contexts,
      ChargeFees charges,
      SubscriptionBilling billing,
      InvoicingConfig config,
      Clock clock) {
    this.pool = pool;
    this.positions = positions;
    this.contexts = contexts;
    this.charges = charges;
    this.billing = billing;
    this.config = config.billing();
    this.clock = clock;
  }

  /** Bills everything due as of {@code asOf}, for one organization or (null) for all. */
  public Uni<Result> asOf(Instant asOf, UUID organizationId) {
    List<UUID> invoiceIds = Collections.synchronizedList(new ArrayList<>());
    Map<UUID, String> failures = Collections.synchronizedMap(new HashMap<>());
    AtomicInteger checked = new AtomicInteger();
    return pages(asOf, organizationId)
        .onItem()
        .transformToIterable(
            page -> page.candidates().stream().map(candidate -> new Due(candidate, page)).toList())
        .onItem()
        .transformToUni(
            due ->
                bill(due.candidate(), due.page(), asOf, invoiceIds, failures)
                    .invoke(checked::incrementAndGet))
        .merge(config.concurrency())
        .collect()
        .last()
        .map(ignored -> new Result(asOf, checked.get(), invoiceIds, failures));
  }

  /** The pages of due subscriptions, by id (keyset), each read when the billing asks for more. */
  private Multi<Page> pages(Instant asOf, UUID organizationId) {
    UUID[] after = {new UUID(0, 0)};
    return Multi.createBy()
        .repeating()
        .uni(
            () ->
                positions
                    .due(pool, asOf, organizationId, after[0], config.pageSize())
                    .invoke(
                        due -> {
                          if (!due.isEmpty()) {
                            after[0] = due.get(due.size() - 1).subscriptionId();
                          }
                        })
                    .flatMap(due -> page(due, asOf)))
        .until(page -> page.candidates().isEmpty());
  }

  private Uni<Page> page(List<Candidate> due, Instant asOf) {
    if (due.isEmpty()) {
      return Uni.createFrom().item(new Page(due, Map.of(), Map.of()));
    }
    return contexts
        .of(pool, due, clock.instant())
        .flatMap(
            read ->
                charges
                    .prefetch(read.values(), asOf)
                    .map(prefetched -> new Page(due, read, prefetched)));
  }

  private Uni<Void> bill(
      Candidate candidate,
      Page page,
      Instant asOf,
      List<UUID> invoiceIds,
      Map<UUID, String> failures) {
    UUID id = candidate.subscriptionId();
    BillingContext context = page.contexts().get(id);
    Uni<Optional<UUID>> billed =
        context == null
            ? Uni.createFrom().failure(new NoSuchElementException("no billing context for " + id))
            : pool.withTransaction(tx -> billing.bill(tx, context, asOf, page.prefetched()));
    return billed
        .invoke(invoiceId -> invoiceId.ifPresent(invoiceIds::add))
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.warnf(e, "could not bill subscription %s as of %s", id, asOf);
              failures.put(id, String.valueOf(e.getMessage()));
              return Uni.createFrom().voidItem();
            });
  }
}
