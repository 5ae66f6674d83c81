package dev.billing.invoicing.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The running numbers of finalized invoices, per customer and per organization. */
@ApplicationScoped
public class InvoiceNumberingRepository {

  /** The customer's and the organization's next running numbers, for a finalization. */
  public Uni<long[]> nextSequentialIds(SqlClient tx, UUID organizationId, UUID customerId) {
    return tx.preparedQuery(
            // the IS NOT NULL conditions let the planner use the indexes of numbered invoices
            "SELECT COALESCE((SELECT max(sequential_id) FROM invoices WHERE customer_id = $2"
                + " AND sequential_id IS NOT NULL), 0) + 1,"
                + " COALESCE((SELECT max(organization_sequential_id) FROM invoices"
                + " WHERE organization_id = $1 AND organization_sequential_id IS NOT NULL), 0) + 1")
        .execute(Tuple.of(organizationId, customerId))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new long[] {r.getLong(0), r.getLong(1)};
            });
  }
}
