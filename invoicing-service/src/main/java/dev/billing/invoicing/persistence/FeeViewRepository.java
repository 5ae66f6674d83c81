package dev.billing.invoicing.persistence;

import dev.billing.invoicing.persistence.FeeRepository.StoredFee;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Fees as the fees API lists them, with what their objects show from around them. */
@ApplicationScoped
public class FeeViewRepository {

  /**
   * A fee with what its API object shows from around it.
   *
   * @param fee the fee
   * @param paymentStatus its invoice's payment status
   * @param planCode the plan of its subscription, or null
   * @param externalSubscriptionId its subscription's external id, or null
   */
  public record FeeView(
      StoredFee fee, String paymentStatus, String planCode, String externalSubscriptionId) {}

  /**
   * What fees to list; null fields match everything.
   *
   * @param organizationId the tenant
   * @param externalSubscriptionId the subscription
   * @param feeType subscription, charge, add_on or commitment
   * @param billableMetricCode the metric of charge fees
   */
  public record FeeFilter(
      UUID organizationId,
      String externalSubscriptionId,
      String feeType,
      String billableMetricCode) {}

  private static final String FEE_VIEW =
      "SELECT f.*, i.payment_status, s.plan_code, s.external_id AS external_subscription_id"
          + " FROM fees f JOIN invoices i ON i.id = f.invoice_id"
          + " LEFT JOIN subscriptions s ON s.id = f.subscription_id"
          + " WHERE f.organization_id = $1";
  private static final String FEE_WHERE =
      " AND ($2::text IS NULL OR s.external_id = $2) AND ($3::text IS NULL OR f.fee_type = $3)"
          + " AND ($4::text IS NULL OR f.billable_metric_code = $4)";

  public Uni<Optional<FeeView>> fee(SqlClient client, UUID organizationId, UUID id) {
    return client
        .preparedQuery(FEE_VIEW + " AND f.id = $2")
        .execute(Tuple.of(organizationId, id))
        .map(rows -> feeViews(rows).stream().findFirst());
  }

  public Uni<List<FeeView>> fees(SqlClient client, FeeFilter filter, int limit, long offset) {
    return client
        .preparedQuery(
            FEE_VIEW + FEE_WHERE + " ORDER BY f.created_at DESC, f.id LIMIT $5 OFFSET $6")
        .execute(feeFilter(filter).addInteger(limit).addLong(offset))
        .map(FeeViewRepository::feeViews);
  }

  public Uni<Long> countFees(SqlClient client, FeeFilter filter) {
    return client
        .preparedQuery(
            "SELECT count(*) FROM fees f LEFT JOIN subscriptions s ON s.id = f.subscription_id"
                + " WHERE f.organization_id = $1"
                + FEE_WHERE)
        .execute(feeFilter(filter))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Tuple feeFilter(FeeFilter f) {
    return Tuple.of(
        f.organizationId(), f.externalSubscriptionId(), f.feeType(), f.billableMetricCode());
  }

  private static List<FeeView> feeViews(RowSet<Row> rows) {
    List<StoredFee> fees = FeeRepository.fees(rows);
    List<FeeView> views = new ArrayList<>();
    int i = 0;
    for (Row r : rows) {
      views.add(
          new FeeView(
              fees.get(i++),
              r.getString("payment_status"),
              r.getString("plan_code"),
              r.getString("external_subscription_id")));
    }
    return views;
  }
}
