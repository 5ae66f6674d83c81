package dev.billing.invoicing.app.billing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Rebuilds a draft's fees as of the instant it billed (usage priced again); 405 {@code
 * not_refreshable} unless it is a draft.
 */
@ApplicationScoped
public class RefreshInvoice {

  private final Pool pool;
  private final SubscriptionBilling billing;

  public RefreshInvoice(Pool pool, SubscriptionBilling billing) {
    this.pool = pool;
    this.billing = billing;
  }

  public Uni<Void> apply(UUID organizationId, UUID invoiceId) {
    return pool.withTransaction(tx -> billing.refresh(tx, organizationId, invoiceId));
  }
}
