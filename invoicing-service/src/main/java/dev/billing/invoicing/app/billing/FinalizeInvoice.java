package dev.billing.invoicing.app.billing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Finalizes a draft of the organization; 405 {@code not_finalizable} unless it is a draft. */
@ApplicationScoped
public class FinalizeInvoice {

  private final Pool pool;
  private final InvoiceLifecycle lifecycle;

  public FinalizeInvoice(Pool pool, InvoiceLifecycle lifecycle) {
    this.pool = pool;
    this.lifecycle = lifecycle;
  }

  public Uni<Void> apply(UUID organizationId, UUID invoiceId) {
    return pool.withTransaction(tx -> lifecycle.finalize(tx, organizationId, invoiceId));
  }
}
