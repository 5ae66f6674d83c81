package dev.billing.rating.persistence;

import static dev.billing.rating.persistence.CatalogRepository.fromJsonList;
import static dev.billing.rating.persistence.CatalogRepository.toJson;
import static dev.billing.rating.persistence.CatalogRepository.utc;

import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.metric.AggregationType;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
import dev.billing.rating.domain.metric.MetricFilter;
import dev.billing.rating.domain.metric.RoundingFunction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Table {@code billable_metrics}; a deleted metric keeps its row with {@code deleted_at} set. */
@ApplicationScoped
public class BillableMetricRepository {

  private static final String COLUMNS =
      "id, organization_id, code, name, description, aggregation_type, field_name, recurring,"
          + " weighted_interval, rounding_function, rounding_precision, expression,"
          + " filters::text AS filters, created_at";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM billable_metrics";
  private static final String INSERT =
      "INSERT INTO billable_metrics (id, organization_id, code, name, description,"
          + " aggregation_type, field_name, recurring, weighted_interval, rounding_function,"
          + " rounding_precision, expression, filters, revision, created_at, updated_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, 1,"
          + " $14, $14)";
  private static final String UPDATE =
      "UPDATE billable_metrics SET code = $3, name = $4, description = $5, aggregation_type = $6,"
          + " field_name = $7, recurring = $8, weighted_interval = $9, rounding_function = $10,"
          + " rounding_precision = $11, expression = $12, filters = $13::text::jsonb,"
          + " revision = revision + 1, updated_at = $14 WHERE id = $1 AND organization_id = $2";
  private static final String LIVE_PLANS_USING =
      "SELECT DISTINCT c.plan_id FROM charges c JOIN plans p ON p.id = c.plan_id"
          + " WHERE c.organization_id = $1 AND c.billable_metric_id = $2"
          + " AND c.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY c.plan_id";
  private static final String PLANS_COUNT =
      "SELECT c.billable_metric_id, count(DISTINCT c.plan_id) AS plans FROM charges c"
          + " JOIN plans p ON p.id = c.plan_id WHERE c.organization_id = $1"
          + " AND c.billable_metric_id = ANY($2) AND c.deleted_at IS NULL"
          + " AND p.deleted_at IS NULL GROUP BY c.billable_metric_id";

  public Uni<Void> insert(SqlClient tx, BillableMetric metric, Instant now) {
    return tx.preparedQuery(INSERT).execute(tuple(metric, now)).replaceWithVoid();
  }

  /** Writes the metric's new definition and counts a revision. */
  public Uni<Void> update(SqlClient tx, BillableMetric metric, Instant now) {
    return tx.preparedQuery(UPDATE).execute(tuple(metric, now)).replaceWithVoid();
  }

  public Uni<Void> delete(SqlClient tx, UUID organizationId, UUID id, Instant now) {
    return tx.preparedQuery(
            "UPDATE billable_metrics SET deleted_at = $3, updated_at = $3, revision = revision + 1"
                + " WHERE id = $1 AND organization_id = $2")
        .execute(Tuple.of(id, organizationId, utc(now)))
        .replaceWithVoid();
  }

  /** The live metric with this code; {@code lock} holds it until the transaction ends. */
  public Uni<Optional<BillableMetric>> liveByCode(
      SqlClient client, UUID organizationId, String code, boolean lock) {
    String sql =
        SELECT
            + " WHERE organization_id = $1 AND code = $2 AND deleted_at IS NULL"
            + (lock ? " FOR UPDATE" : "");
    return client
        .preparedQuery(sql)
        .execute(Tuple.of(organizationId, code))
        .map(rows -> list(rows).stream().findFirst());
  }

  /** Metrics by id, deleted ones included. */
  public Uni<List<BillableMetric>> byIds(
      SqlClient client, UUID organizationId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return client
        .preparedQuery(SELECT + " WHERE organization_id = $1 AND id = ANY($2)")
        .execute(Tuple.of(organizationId, ids.toArray(UUID[]::new)))
        .map(BillableMetricRepository::list);
  }

  /**
   * Live metrics named by id or code, share-locked so that none is deleted before the transaction
   * that refers to them commits.
   */
  public Uni<List<BillableMetric>> liveByIdsOrCodes(
      SqlClient tx, UUID organizationId, Collection<UUID> ids, Collection<String> codes) {
    if (ids.isEmpty() && codes.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return tx.preparedQuery(
            SELECT
                + " WHERE organization_id = $1 AND deleted_at IS NULL"
                + " AND (id = ANY($2) OR code = ANY($3)) ORDER BY id FOR SHARE")
        .execute(Tuple.of(organizationId, ids.toArray(UUID[]::new), codes.toArray(String[]::new)))
        .map(BillableMetricRepository::list);
  }

  public Uni<List<BillableMetric>> live(
      SqlClient client, UUID organizationId, int limit, long offset) {
    return client
        .preparedQuery(
            SELECT
                + " WHERE organization_id = $1 AND deleted_at IS NULL"
                + " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
        .execute(Tuple.of(organizationId, limit, offset))
        .map(BillableMetricRepository::list);
  }

  public Uni<Long> countLive(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery(
            "SELECT count(*) FROM billable_metrics WHERE organization_id = $1"
                + " AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Ids of the live plans with a live charge on the metric, in id order (the locking order). */
  public Uni<List<UUID>> livePlanIdsUsing(SqlClient client, UUID organizationId, UUID metricId) {
    return client
        .preparedQuery(LIVE_PLANS_USING)
        .execute(Tuple.of(organizationId, metricId))
        .map(
            rows -> {
              List<UUID> ids = new ArrayList<>();
              rows.forEach(row -> ids.add(row.getUUID(0)));
              return ids;
            });
  }

  /** For each metric, how many live plans price it (absent: none). */
  public Uni<Map<UUID, Long>> plansCount(
      SqlClient client, UUID organizationId, Collection<UUID> metricIds) {
    if (metricIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return client
        .preparedQuery(PLANS_COUNT)
        .execute(Tuple.of(organizationId, metricIds.toArray(UUID[]::new)))
        .map(
            rows -> {
              Map<UUID, Long> counts = new HashMap<>();
              rows.forEach(row -> counts.put(row.getUUID(0), row.getLong(1)));
              return counts;
            });
  }

  private static Tuple tuple(BillableMetric metric, Instant now) {
    BillableMetricDefinition d = metric.definition();
    return Tuple.from(
        new Object[] {
          metric.id(),
          metric.organizationId(),
          d.code(),
          d.name(),
          d.description(),
          d.aggregationType().wireName(),
          d.fieldName(),
          d.recurring(),
          d.weightedInterval(),
          d.roundingFunction() == null ? null : d.roundingFunction().wireName(),
          d.roundingPrecision(),
          d.expression(),
          toJson(filtersJson(d.filters())),
          utc(now)
        });
  }

  private static List<Map<String, Object>> filtersJson(List<MetricFilter> filters) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (MetricFilter filter : filters) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", filter.key());
      item.put("values", filter.values());
      json.add(item);
    }
    return json;
  }

  private static List<BillableMetric> list(RowSet<Row> rows) {
    List<BillableMetric> metrics = new ArrayList<>();
    rows.forEach(row -> metrics.add(map(row)));
    return metrics;
  }

  @SuppressWarnings("unchecked")
  private static BillableMetric map(Row r) {
    List<MetricFilter> filters = new ArrayList<>();
    for (Map<String, Object> filter : fromJsonList(r.getString("filters"))) {
      filters.add(
          new MetricFilter((String) filter.get("key"), (List<String>) filter.get("values")));
    }
    String rounding = r.getString("rounding_function");
    BillableMetricDefinition definition =
        new BillableMetricDefinition(
            r.getString("name"),
            r.getString("code"),
            r.getString("description"),
            AggregationType.fromWire(r.getString("aggregation_type")).orElseThrow(),
            r.getString("field_name"),
            r.getBoolean("recurring"),
            r.getString("weighted_interval"),
            rounding == null ? null : RoundingFunction.fromWire(rounding).orElseThrow(),
            r.getInteger("rounding_precision"),
            filters,
            r.getString("expression"));
    return new BillableMetric(
        r.getUUID("id"),
        r.getUUID("organization_id"),
        definition,
        r.getOffsetDateTime("created_at").toInstant());
  }
}
