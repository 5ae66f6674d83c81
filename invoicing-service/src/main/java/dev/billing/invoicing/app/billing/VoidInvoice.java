package dev.billing.invoicing.app.billing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Voids a finalized invoice of the organization; 405 {@code not_voidable} otherwise. */
@ApplicationScoped
public class VoidInvoice {

  private final Pool pool;
  private final InvoiceLifecycle lifecycle;

  public VoidInvoice(Pool pool, InvoiceLifecycle lifecycle) {
    this.pool = pool;
    this.lifecycle = lifecycle;
  }

  public Uni<Void> apply(UUID organizationId, UUID invoiceId) {
    return pool.withTransaction(tx -> lifecycle.voidInvoice(tx, organizationId, invoiceId));
  }
}
