package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.persistence.InvoiceRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Finalizes the drafts whose grace period has ended. */
@ApplicationScoped
public class FinalizeDueDrafts {

  private static final int BATCH = 500;

  private final Pool pool;
  private final InvoiceRepository invoices;
  private final InvoiceLifecycle lifecycle;

  public FinalizeDueDrafts(Pool pool, InvoiceRepository invoices, InvoiceLifecycle lifecycle) {
    this.pool = pool;
    this.invoices = invoices;
    this.lifecycle = lifecycle;
  }

  /** Finalizes every draft whose grace period ended by {@code asOf}; returns how many. */
  public Uni<Integer> finalizeDue(Instant asOf) {
    AtomicInteger finalized = new AtomicInteger();
    return invoices
        .draftsDue(pool, asOf, BATCH)
        .flatMap(
            drafts ->
                Multi.createFrom()
                    .iterable(drafts)
                    .onItem()
                    .transformToUniAndConcatenate(
                        draft ->
                            pool.withTransaction(
                                    tx ->
                                        lifecycle.finalize(tx, draft.organizationId(), draft.id()))
                                .invoke(finalized::incrementAndGet)
                                // finalized meanwhile by its API: nothing to do
                                .onFailure()
                                .recoverWithNull())
                    .collect()
                    .last()
                    .map(ignored -> finalized.get()));
  }
}
