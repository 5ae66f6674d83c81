package dev.billing.rating.persistence;

import static dev.billing.rating.persistence.CatalogRepository.toJson;
import static dev.billing.rating.persistence.CatalogRepository.utc;

import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.Plan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes tables {@code plans}, {@code charges} and {@code charge_filters}. A plan is written whole:
 * its charges and filters are matched by id against the stored ones, so kept ones are updated, new
 * ones inserted and missing ones soft-deleted. Every plan write counts a revision.
 */
@ApplicationScoped
public class PlanRepository {

  private static final String PLAN_FIELDS =
      "code, name, invoice_display_name, description, interval, amount_cents, amount_currency,"
          + " pay_in_advance, trial_period, bill_charges_monthly, minimum_commitment_id,"
          + " minimum_commitment_amount_cents, minimum_commitment_invoice_display_name";
  private static final String INSERT_PLAN =
      "INSERT INTO plans (id, organization_id, "
          + PLAN_FIELDS
          + ", revision, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
          + " $11, $12, $13, $14, $15, 1, $16, $16)";
  private static final String UPDATE_PLAN =
      "UPDATE plans SET code = $3, name = $4, invoice_display_name = $5, description = $6,"
          + " interval = $7, amount_cents = $8, amount_currency = $9, pay_in_advance = $10,"
          + " trial_period = $11, bill_charges_monthly = $12, minimum_commitment_id = $13,"
          + " minimum_commitment_amount_cents = $14, minimum_commitment_invoice_display_name = $15,"
          + " revision = revision + 1, updated_at = $16"
          + " WHERE id = $1 AND organization_id = $2 RETURNING revision";
  private static final String DELETE_PLAN =
      "UPDATE plans SET deleted_at = $3, updated_at = $3, revision = revision + 1"
          + " WHERE id = $1 AND organization_id = $2 RETURNING revision";
  private static final String INSERT_CHARGE =
      "INSERT INTO charges (id, organization_id, plan_id, billable_metric_id, code, charge_model,"
          + " pay_in_advance, invoiceable, prorated, min_amount_cents, invoice_display_name,"
          + " properties, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7,"
          + " $8, $9, $10, $11, $12::text::jsonb, $13, $14, $15)";
  private static final String UPDATE_CHARGE =
      "UPDATE charges SET plan_id = $3, billable_metric_id = $4, code = $5, charge_model = $6,"
          + " pay_in_advance = $7, invoiceable = $8, prorated = $9, min_amount_cents = $10,"
          + " invoice_display_name = $11, properties = $12::text::jsonb, position = $13,"
          + " updated_at = $14 WHERE id = $1 AND organization_id = $2";
  private static final String DELETE_CHARGES =
      "UPDATE charges SET deleted_at = $3, updated_at = $3"
          + " WHERE organization_id = $1 AND id = ANY($2) AND deleted_at IS NULL";
  private static final String DELETE_FILTERS_OF_CHARGES =
      "UPDATE charge_filters SET deleted_at = $3, updated_at = $3"
          + " WHERE organization_id = $1 AND charge_id = ANY($2) AND deleted_at IS NULL";
  private static final String INSERT_FILTER =
      "INSERT INTO charge_filters (id, organization_id, charge_id, invoice_display_name,"
          + " properties, filter_values, position, created_at, updated_at)"
          + " VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8, $8)";
  private static final String UPDATE_FILTER =
      "UPDATE charge_filters SET charge_id = $3, invoice_display_name = $4,"
          + " properties = $5::text::jsonb, filter_values = $6::text::jsonb, position = $7,"
          + " updated_at = $8 WHERE id = $1 AND organization_id = $2";
  private static final String DELETE_FILTERS =
      "UPDATE charge_filters SET deleted_at = $3, updated_at = $3"
          + " WHERE organization_id = $1 AND id = ANY($2) AND deleted_at IS NULL";

  /** Inserts a new plan with its charges and filters, at revision 1. */
  public Uni<Void> insert(SqlClient tx, Plan plan, Instant now) {
    return tx.preparedQuery(INSERT_PLAN)
        .execute(planTuple(plan, now))
        .call(() -> writeCharges(tx, plan, List.of(), now))
        .replaceWithVoid();
  }

  /** Writes {@code desired} over {@code current}; returns the plan's new revision. */
  public Uni<Long> update(SqlClient tx, Plan current, Plan desired, Instant now) {
    return tx.preparedQuery(UPDATE_PLAN)
        .execute(planTuple(desired, now))
        .map(rows -> rows.iterator().next().getLong("revision"))
        .call(() -> writeCharges(tx, desired, current.charges(), now));
  }

  /**
   * Soft-deletes the plan; returns its new revision. Its charges and filters stay as they were, so
   * that the deleted plan can still be read as it was (its {@code deleted_at} covers them).
   */
  public Uni<Long> delete(SqlClient tx, Plan plan, Instant now) {
    return tx.preparedQuery(DELETE_PLAN)
        .execute(Tuple.of(plan.id(), plan.organizationId(), utc(now)))
        .map(rows -> rows.iterator().next().getLong("revision"));
  }

  private Uni<Void> writeCharges(SqlClient tx, Plan plan, List<Charge> stored, Instant now) {
    Map<UUID, Charge> storedById = new HashMap<>();
    stored.forEach(charge -> storedById.put(charge.id(), charge));
    List<Supplier<Uni<Void>>> writes = new ArrayList<>();
    List<Charge> desired = plan.charges();
    for (int position = 0; position < desired.size(); position++) {
      Charge charge = desired.get(position);
      Charge before = storedById.remove(charge.id());
      Tuple tuple = chargeTuple(plan, charge, position, before == null, now);
      List<ChargeFilterDefinition> storedFilters = before == null ? List.of() : before.filters();
      writes.add(() -> execute(tx, before == null ? INSERT_CHARGE : UPDATE_CHARGE, tuple));
      writes.add(() -> writeFilters(tx, plan.organizationId(), charge, storedFilters, now));
    }
    List<UUID> removed = List.copyOf(storedById.keySet());
    writes.add(() -> deleteCharges(tx, plan.organizationId(), removed, now));
    return sequentially(writes);
  }

  private Uni<Void> writeFilters(
      SqlClient tx,
      UUID organizationId,
      Charge charge,
      List<ChargeFilterDefinition> stored,
      Instant now) {
    Map<UUID, ChargeFilterDefinition> storedById = new HashMap<>();
    stored.forEach(filter -> storedById.put(filter.id(), filter));
    List<Supplier<Uni<Void>>> writes = new ArrayList<>();
    List<ChargeFilterDefinition> desired = charge.filters();
    for (int position = 0; position < desired.size(); position++) {
      ChargeFilterDefinition filter = desired.get(position);
      boolean known = storedById.remove(filter.id()) != null;
      Tuple tuple =
          Tuple.from(
              new Object[] {
                filter.id(),
                organizationId,
                charge.id(),
                filter.invoiceDisplayName(),
                toJson(filter.properties()),
                toJson(filter.values()),
                position,
                utc(now)
              });
      writes.add(() -> execute(tx, known ? UPDATE_FILTER : INSERT_FILTER, tuple));
    }
    List<UUID> removed = List.copyOf(storedById.keySet());
    if (!removed.isEmpty()) {
      writes.add(
          () ->
              execute(
                  tx,
                  DELETE_FILTERS,
                  Tuple.of(organizationId, removed.toArray(UUID[]::new), utc(now))));
    }
    return sequentially(writes);
  }

  private Uni<Void> deleteCharges(
      SqlClient tx, UUID organizationId, List<UUID> chargeIds, Instant now) {
    if (chargeIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Tuple tuple = Tuple.of(organizationId, chargeIds.toArray(UUID[]::new), utc(now));
    return execute(tx, DELETE_CHARGES, tuple)
        .call(() -> execute(tx, DELETE_FILTERS_OF_CHARGES, tuple));
  }

  private static Uni<Void> execute(SqlClient tx, String sql, Tuple tuple) {
    return tx.preparedQuery(sql).execute(tuple).replaceWithVoid();
  }

  /** One statement after the other: a transaction's connection runs one at a time. */
  private static Uni<Void> sequentially(List<Supplier<Uni<Void>>> writes) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Supplier<Uni<Void>> write : writes) {
      chain = chain.chain(() -> write.get());
    }
    return chain;
  }

  private static Tuple planTuple(Plan p, Instant now) {
    Plan.MinimumCommitment commitment = p.minimumCommitment();
    return Tuple.from(
        new Object[] {
          p.id(),
          p.organizationId(),
          p.code(),
          p.name(),
          p.invoiceDisplayName(),
          p.description(),
          p.interval().wireName(),
          p.amountCents(),
          p.amountCurrency(),
          p.payInAdvance(),
          p.trialPeriodDays(),
          p.billChargesMonthly(),
          commitment == null ? null : commitment.id(),
          commitment == null ? null : commitment.amountCents(),
          commitment == null ? null : commitment.invoiceDisplayName(),
          utc(now)
        });
  }

  private static Tuple chargeTuple(Plan plan, Charge c, int position, boolean insert, Instant now) {
    Tuple tuple =
        Tuple.from(
            new Object[] {
              c.id(),
              plan.organizationId(),
              plan.id(),
              c.billableMetricId(),
              c.code(),
              c.chargeModel().wireName(),
              c.payInAdvance(),
              c.invoiceable(),
              c.prorated(),
              c.minAmountCents(),
              c.invoiceDisplayName(),
              toJson(c.properties()),
              position
            });
    if (insert) {
      tuple.addOffsetDateTime(utc(c.createdAt()));
    }
    return tuple.addOffsetDateTime(utc(now));
  }
}
