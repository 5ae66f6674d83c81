package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.PlanMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The plans read model (table {@code plans}), fed by {@code billing.catalog}. */
@ApplicationScoped
public class PlanRepository {

  private static final String COLUMNS =
      "plan_id, organization_id, revision, code, name, interval, amount_cents, amount_currency,"
          + " pay_in_advance, trial_period_days, bill_charges_monthly,"
          + " minimum_commitment_amount_cents, deleted";
  private static final String UPSERT =
      "INSERT INTO plans AS p (plan_id, organization_id, revision, code, name,"
          + " invoice_display_name, interval, amount_cents, amount_currency, pay_in_advance,"
          + " trial_period_days, bill_charges_monthly, minimum_commitment_amount_cents, charges,"
          + " deleted, source_updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
          + " $12, $13, $14::jsonb, $15, $16)"
          + " ON CONFLICT (plan_id) DO UPDATE SET revision = excluded.revision,"
          + " code = excluded.code, name = excluded.name,"
          + " invoice_display_name = excluded.invoice_display_name,"
          + " interval = excluded.interval, amount_cents = excluded.amount_cents,"
          + " amount_currency = excluded.amount_currency,"
          + " pay_in_advance = excluded.pay_in_advance,"
          + " trial_period_days = excluded.trial_period_days,"
          + " bill_charges_monthly = excluded.bill_charges_monthly,"
          + " minimum_commitment_amount_cents = excluded.minimum_commitment_amount_cents,"
          + " charges = excluded.charges, deleted = excluded.deleted,"
          + " source_updated_at = excluded.source_updated_at, updated_at = now()"
          + " WHERE p.revision < excluded.revision";

  /** Applies a plan revision unless a newer one is held; true if it changed the row. */
  public Uni<Boolean> apply(SqlClient tx, PlanMessage m) {
    return tx.preparedQuery(UPSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  m.planId(),
                  m.organizationId(),
                  m.revision(),
                  m.code(),
                  m.name(),
                  m.invoiceDisplayName(),
                  m.interval(),
                  m.amountCents(),
                  m.amountCurrency(),
                  m.payInAdvance(),
                  m.trialPeriodDays() == null ? BigDecimal.ZERO : m.trialPeriodDays(),
                  m.billChargesMonthly(),
                  m.minimumCommitmentAmountCents(),
                  MessageCodec.encode(m.charges() == null ? java.util.List.of() : m.charges()),
                  m.deleted(),
                  m.updatedAt() == null ? null : m.updatedAt().atOffset(ZoneOffset.UTC)
                }))
        .map(rows -> rows.rowCount() > 0);
  }

  /** The live plan with this code, if the organization has one. */
  public Uni<Optional<Plan>> findLive(SqlClient client, UUID organizationId, String code) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM plans WHERE organization_id = $1 AND code = $2 AND NOT deleted"
                + " ORDER BY revision DESC LIMIT 1")
        .execute(Tuple.of(organizationId, code))
        .map(PlanRepository::first);
  }

  public Uni<Optional<Plan>> find(SqlClient client, UUID organizationId, UUID planId) {
    return client
        .preparedQuery(
            "SELECT " + COLUMNS + " FROM plans WHERE organization_id = $1 AND plan_id = $2")
        .execute(Tuple.of(organizationId, planId))
        .map(PlanRepository::first);
  }

  /** The organization's plans with these ids, by id. */
  public Uni<Map<UUID, Plan>> byIds(SqlClient client, UUID organizationId, List<UUID> planIds) {
    return client
        .preparedQuery(
            "SELECT " + COLUMNS + " FROM plans WHERE organization_id = $1 AND plan_id = ANY($2)")
        .execute(Tuple.of(organizationId, planIds.toArray(UUID[]::new)))
        .map(
            rows -> {
              Map<UUID, Plan> byId = new HashMap<>();
              rows.forEach(r -> byId.put(r.getUUID("plan_id"), map(r)));
              return byId;
            });
  }

  private static Optional<Plan> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  private static Plan map(Row r) {
    return new Plan(
        r.getUUID("plan_id"),
        r.getUUID("organization_id"),
        r.getLong("revision"),
        r.getString("code"),
        r.getString("name"),
        PlanInterval.fromWireName(r.getString("interval")).orElseThrow(),
        r.getLong("amount_cents"),
        r.getString("amount_currency"),
        r.getBoolean("pay_in_advance"),
        r.getBigDecimal("trial_period_days"),
        r.getBoolean("bill_charges_monthly"),
        r.getLong("minimum_commitment_amount_cents"),
        r.getBoolean("deleted"));
  }
}
