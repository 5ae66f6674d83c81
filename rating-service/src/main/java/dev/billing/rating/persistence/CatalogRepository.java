package dev.billing.rating.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.charge.ChargeModel;
import dev.billing.rating.domain.charge.ChargeProperties;
import dev.billing.rating.domain.charge.ChargePropertiesParser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the catalog as the domain sees it: plans with their charges and filters (prices parsed) and
 * billable metrics. A deleted plan is read with the charges it had when it was deleted.
 */
@ApplicationScoped
public class CatalogRepository {

  private static final String PLAN_SELECT =
      "SELECT id, organization_id, code, name, invoice_display_name, description, interval,"
          + " amount_cents, amount_currency, pay_in_advance, trial_period, bill_charges_monthly,"
          + " minimum_commitment_id, minimum_commitment_amount_cents,"
          + " minimum_commitment_invoice_display_name, created_at FROM plans";
  // a deleted plan keeps its charges and filters as they were: its own deleted_at covers them
  private static final String CHARGES =
      "SELECT id, plan_id, billable_metric_id, code, charge_model, pay_in_advance, invoiceable,"
          + " prorated, min_amount_cents, invoice_display_name, properties::text AS properties,"
          + " created_at FROM charges WHERE organization_id = $1 AND plan_id = ANY($2)"
          + " AND deleted_at IS NULL ORDER BY position, created_at, id";
  private static final String FILTERS =
      "SELECT id, charge_id, invoice_display_name, properties::text AS properties,"
          + " filter_values::text AS filter_values FROM charge_filters WHERE organization_id = $1"
          + " AND charge_id = ANY($2) AND deleted_at IS NULL ORDER BY position, created_at, id";
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

  private final BillableMetricRepository metrics;

  public CatalogRepository(BillableMetricRepository metrics) {
    this.metrics = metrics;
  }

  /** The live plan with this code, with its live charges and filters. */
  public Uni<Optional<Plan>> livePlanByCode(SqlClient client, UUID organizationId, String code) {
    return plans(
            client,
            organizationId,
            " WHERE organization_id = $1 AND code = $2 AND deleted_at IS NULL",
            Tuple.of(organizationId, code))
        .map(found -> found.stream().findFirst());
  }

  /** Holds the organization's catalog lock until the transaction ends. */
  public Uni<Void> lockCatalog(SqlClient tx, UUID organizationId) {
    return tx.preparedQuery("SELECT pg_advisory_xact_lock($1::int, $2::int)")
        .execute(Tuple.of(CATALOG_LOCK_SPACE, organizationId.hashCode()))
        .replaceWithVoid();
  }

  /** Makes the caller's transaction read one snapshot; its first statement. */
  public Uni<Void> repeatableRead(SqlClient tx) {
    return tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute().replaceWithVoid();
  }

  /** Advisory-lock key space of catalog writes (beside those of SubscriptionRepository). */
  private static final int CATALOG_LOCK_SPACE = 0x5243;

  /**
   * @param number a plan's revision
   * @param at when it was made
   */
  public record Revision(long number, Instant at) {}

  /** The revision of the plan with this id. */
  public Uni<Revision> planRevision(SqlClient client, UUID organizationId, UUID planId) {
    return client
        .preparedQuery(
            "SELECT revision, updated_at FROM plans WHERE organization_id = $1 AND id = $2")
        .execute(Tuple.of(organizationId, planId))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new Revision(row.getLong(0), row.getOffsetDateTime(1).toInstant());
            });
  }

  /** The plan with this id, even if deleted (then as it was when it was deleted). */
  public Uni<Optional<Plan>> planById(SqlClient client, UUID organizationId, UUID planId) {
    return plans(
            client,
            organizationId,
            " WHERE organization_id = $1 AND id = $2",
            Tuple.of(organizationId, planId))
        .map(found -> found.stream().findFirst());
  }

  /** Billable metrics by id, deleted ones included. */
  public Uni<List<BillableMetric>> metricsByIds(
      SqlClient client, UUID organizationId, Collection<UUID> ids) {
    return metrics.byIds(client, organizationId, ids);
  }

  public Uni<Optional<BillableMetric>> liveMetricByCode(
      SqlClient client, UUID organizationId, String code) {
    return metrics.liveByCode(client, organizationId, code, false);
  }

  /** The live plan with this code or id, locked until the transaction ends. */
  public Uni<Optional<Plan>> lockLivePlan(SqlClient tx, UUID organizationId, String code, UUID id) {
    String where =
        code != null
            ? " WHERE organization_id = $1 AND code = $2 AND deleted_at IS NULL FOR UPDATE"
            : " WHERE organization_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE";
    return plans(tx, organizationId, where, Tuple.of(organizationId, code != null ? code : id))
        .map(found -> found.stream().findFirst());
  }

  public Uni<List<Plan>> livePlans(SqlClient client, UUID organizationId, int limit, long offset) {
    return plans(
        client,
        organizationId,
        " WHERE organization_id = $1 AND deleted_at IS NULL"
            + " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
        Tuple.of(organizationId, limit, offset));
  }

  public Uni<Long> countLivePlans(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery(
            "SELECT count(*) FROM plans WHERE organization_id = $1 AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Whether a live plan other than {@code planId} has this code. */
  public Uni<Boolean> planCodeTaken(
      SqlClient client, UUID organizationId, String code, UUID planId) {
    return client
        .preparedQuery(
            "SELECT 1 FROM plans WHERE organization_id = $1 AND code = $2 AND id <> $3"
                + " AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId, code, planId))
        .map(rows -> rows.size() > 0);
  }

  private Uni<List<Plan>> plans(SqlClient client, UUID organizationId, String where, Tuple args) {
    return client
        .preparedQuery(PLAN_SELECT + where)
        .execute(args)
        .flatMap(
            planRows -> {
              List<Row> rows = new ArrayList<>();
              planRows.forEach(rows::add);
              UUID[] planIds = rows.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
              return charges(client, organizationId, planIds)
                  .map(charges -> rows.stream().map(r -> plan(r, charges)).toList());
            });
  }

  private Uni<Map<UUID, List<Charge>>> charges(
      SqlClient client, UUID organizationId, UUID[] planIds) {
    if (planIds.length == 0) {
      return Uni.createFrom().item(Map.of());
    }
    return client
        .preparedQuery(CHARGES)
        .execute(Tuple.of(organizationId, planIds))
        .flatMap(
            chargeRows -> {
              List<Row> rows = new ArrayList<>();
              chargeRows.forEach(rows::add);
              UUID[] chargeIds = rows.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
              return filters(client, organizationId, chargeIds)
                  .map(
                      filters -> {
                        Map<UUID, List<Charge>> byPlan = new HashMap<>();
                        for (Row row : rows) {
                          byPlan
                              .computeIfAbsent(row.getUUID("plan_id"), id -> new ArrayList<>())
                              .add(charge(row, filters));
                        }
                        return byPlan;
                      });
            });
  }

  private Uni<Map<UUID, List<ChargeFilterDefinition>>> filters(
      SqlClient client, UUID organizationId, UUID[] chargeIds) {
    if (chargeIds.length == 0) {
      return Uni.createFrom().item(Map.of());
    }
    return client
        .preparedQuery(FILTERS)
        .execute(Tuple.of(organizationId, chargeIds))
        .map(CatalogRepository::rowsToFilters);
  }

  private static Map<UUID, List<ChargeFilterDefinition>> rowsToFilters(RowSet<Row> rows) {
    Map<UUID, List<ChargeFilterDefinition>> byCharge = new HashMap<>();
    for (Row row : rows) {
      byCharge.computeIfAbsent(row.getUUID("charge_id"), id -> new ArrayList<>()).add(filter(row));
    }
    return byCharge;
  }

  private static Plan plan(Row r, Map<UUID, List<Charge>> charges) {
    UUID commitmentId = r.getUUID("minimum_commitment_id");
    return new Plan(
        r.getUUID("id"),
        r.getUUID("organization_id"),
        r.getString("code"),
        r.getString("name"),
        r.getString("invoice_display_name"),
        r.getString("description"),
        PlanInterval.fromWireName(r.getString("interval")).orElseThrow(),
        r.getLong("amount_cents"),
        r.getString("amount_currency"),
        r.getBoolean("pay_in_advance"),
        r.getBigDecimal("trial_period"),
        r.getBoolean("bill_charges_monthly"),
        commitmentId == null
            ? null
            : new Plan.MinimumCommitment(
                commitmentId,
                r.getLong("minimum_commitment_amount_cents"),
                r.getString("minimum_commitment_invoice_display_name")),
        List.copyOf(charges.getOrDefault(r.getUUID("id"), List.of())),
        r.getOffsetDateTime("created_at").toInstant());
  }

  private static Charge charge(Row r, Map<UUID, List<ChargeFilterDefinition>> filters) {
    UUID id = r.getUUID("id");
    ChargeModel model = ChargeModel.fromWire(r.getString("charge_model")).orElseThrow();
    Map<String, Object> properties = fromJsonObject(r.getString("properties"));
    ValidationErrors errors = new ValidationErrors();
    List<String> groupKeys = ChargePropertiesParser.parsePricingGroupKeys(properties, errors);
    return new Charge(
        id,
        r.getString("code"),
        r.getUUID("billable_metric_id"),
        model,
        r.getBoolean("pay_in_advance"),
        r.getBoolean("invoiceable"),
        r.getBoolean("prorated"),
        r.getLong("min_amount_cents"),
        r.getString("invoice_display_name"),
        properties,
        pricing(model, properties, "charge " + id),
        groupKeys,
        filters.getOrDefault(id, List.of()).stream().map(f -> priced(f, model)).toList(),
        r.getOffsetDateTime("created_at").toInstant());
  }

  private static ChargeFilterDefinition priced(ChargeFilterDefinition f, ChargeModel model) {
    return new ChargeFilterDefinition(
        f.id(),
        f.invoiceDisplayName(),
        f.values(),
        f.properties(),
        pricing(model, f.properties(), "charge filter " + f.id()));
  }

  /** A filter as stored, priced once its charge's model is known. */
  @SuppressWarnings("unchecked")
  private static ChargeFilterDefinition filter(Row r) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    fromJsonObject(r.getString("filter_values"))
        .forEach((key, list) -> values.put(key, List.copyOf((List<String>) list)));
    Map<String, Object> properties = fromJsonObject(r.getString("properties"));
    return new ChargeFilterDefinition(
        r.getUUID("id"), r.getString("invoice_display_name"), values, properties, null);
  }

  /** Stored prices were validated when written; one that no longer parses is a bug, not input. */
  private static ChargeProperties pricing(
      ChargeModel model, Map<String, Object> properties, String what) {
    ChargeProperties pricing =
        ChargePropertiesParser.parse(model, properties, new ValidationErrors());
    if (pricing == null) {
      throw new IllegalStateException("stored prices of " + what + " do not parse");
    }
    return pricing;
  }

  static String toJson(Object value) {
    try {
      return MessageCodec.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode catalog JSON", e);
    }
  }

  static Map<String, Object> fromJsonObject(String json) {
    return read(json, OBJECT);
  }

  static List<Map<String, Object>> fromJsonList(String json) {
    return read(json, LIST);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MessageCodec.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored catalog JSON does not parse", e);
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
