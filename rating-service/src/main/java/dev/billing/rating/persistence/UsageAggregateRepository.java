package dev.billing.rating.persistence;

import dev.billing.rating.domain.usage.AggregateDelta;
import dev.billing.rating.domain.usage.AggregateSnapshot;
import dev.billing.rating.domain.usage.Contribution;
import dev.billing.rating.domain.usage.Contribution.AggregateKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Per-period usage aggregates (tables {@code usage_aggregates}, {@code usage_unique_values}):
 * merged with a batch's deltas in one statement, read back without touching the events.
 */
@ApplicationScoped
public class UsageAggregateRepository {

  private static final String UPSERT =
      "INSERT INTO usage_aggregates AS a (organization_id, subscription_id, charge_id, filter_id,"
          + " group_key, period_from, period_to, events_count, units, max_value, latest_value,"
          + " latest_at, weighted_area, precise_total_amount_cents)"
          + " SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[],"
          + " $6::timestamptz[], $7::timestamptz[], $8::bigint[], $9::numeric[], $10::numeric[],"
          + " $11::numeric[], $12::timestamptz[], $13::numeric[], $14::numeric[])"
          + " ON CONFLICT (subscription_id, period_from, charge_id, filter_id, group_key) DO UPDATE"
          + " SET events_count = a.events_count + excluded.events_count,"
          + " units = a.units + excluded.units,"
          + " max_value = greatest(a.max_value, excluded.max_value),"
          + " latest_value = CASE WHEN a.latest_at IS NULL OR excluded.latest_at >= a.latest_at"
          + " THEN coalesce(excluded.latest_value, a.latest_value) ELSE a.latest_value END,"
          + " latest_at = greatest(a.latest_at, excluded.latest_at),"
          + " weighted_area = a.weighted_area + excluded.weighted_area,"
          + " precise_total_amount_cents = a.precise_total_amount_cents"
          + " + excluded.precise_total_amount_cents, updated_at = now()";
  private static final String UPSERT_UNIQUE =
      "INSERT INTO usage_unique_values AS v (organization_id, subscription_id, charge_id,"
          + " filter_id, group_key, period_from, value, present, last_at)"
          + " SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[],"
          + " $6::timestamptz[], $7::text[], $8::boolean[], $9::timestamptz[])"
          + " ON CONFLICT (subscription_id, period_from, charge_id, filter_id, group_key, value)"
          + " DO UPDATE SET present = CASE WHEN excluded.last_at >= v.last_at THEN excluded.present"
          + " ELSE v.present END, last_at = greatest(v.last_at, excluded.last_at),"
          + " updated_at = now()";
  private static final String COLUMNS =
      "a.charge_id, a.filter_id, a.group_key, a.period_from, a.events_count, a.units,"
          + " a.max_value, a.latest_value, a.latest_at, a.weighted_area,"
          + " a.precise_total_amount_cents, (SELECT count(*) FROM usage_unique_values v"
          + " WHERE v.subscription_id = a.subscription_id AND v.period_from = a.period_from"
          + " AND v.charge_id = a.charge_id AND v.filter_id = a.filter_id"
          + " AND v.group_key = a.group_key AND v.present) AS unique_count";
  private static final String SELECT =
      "SELECT " + COLUMNS + " FROM usage_aggregates a WHERE a.subscription_id = $1";
  private static final String OF_PERIODS =
      "SELECT "
          + COLUMNS
          + ", k.n FROM unnest($1::uuid[], $2::timestamptz[]) WITH ORDINALITY AS k(s, f, n)"
          + " JOIN usage_aggregates a ON a.subscription_id = k.s AND a.period_from = k.f";

  /** Adds the deltas of a batch to the stored aggregates. */
  public Uni<Void> merge(
      SqlClient tx, UUID organizationId, Map<AggregateKey, AggregateDelta> deltas) {
    if (deltas.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = deltas.size();
    UUID[] orgs = new UUID[n];
    UUID[] subs = new UUID[n];
    UUID[] charges = new UUID[n];
    UUID[] filters = new UUID[n];
    String[] groups = new String[n];
    OffsetDateTime[] froms = new OffsetDateTime[n];
    OffsetDateTime[] tos = new OffsetDateTime[n];
    Long[] counts = new Long[n];
    Numeric[] units = new Numeric[n];
    Numeric[] maxes = new Numeric[n];
    Numeric[] latest = new Numeric[n];
    OffsetDateTime[] latestAt = new OffsetDateTime[n];
    Numeric[] areas = new Numeric[n];
    Numeric[] precise = new Numeric[n];
    int i = 0;
    for (Map.Entry<AggregateKey, AggregateDelta> entry : deltas.entrySet()) {
      AggregateKey key = entry.getKey();
      AggregateDelta d = entry.getValue();
      orgs[i] = organizationId;
      subs[i] = key.subscriptionId();
      charges[i] = key.chargeId();
      filters[i] = key.filterId();
      groups[i] = key.groupKey();
      froms[i] = EventLedgerRepository.utc(key.period().start());
      tos[i] = EventLedgerRepository.utc(key.period().end());
      counts[i] = d.eventsCount();
      units[i] = numeric(d.units());
      maxes[i] = numeric(d.max());
      latest[i] = numeric(d.latestValue());
      latestAt[i] = d.latestAt() == null ? null : EventLedgerRepository.utc(d.latestAt());
      areas[i] = numeric(d.weightedArea());
      precise[i] = numeric(d.preciseTotalAmountCents());
      i++;
    }
    return tx.preparedQuery(UPSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  orgs, subs, charges, filters, groups, froms, tos, counts, units, maxes, latest,
                  latestAt, areas, precise
                }))
        .replaceWithVoid();
  }

  /** Records distinct values of unique_count charges; the latest operation of a value wins. */
  public Uni<Void> mergeUniqueValues(SqlClient tx, UUID organizationId, List<Contribution> values) {
    if (values.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = values.size();
    UUID[] orgs = new UUID[n];
    UUID[] subs = new UUID[n];
    UUID[] charges = new UUID[n];
    UUID[] filters = new UUID[n];
    String[] groups = new String[n];
    OffsetDateTime[] froms = new OffsetDateTime[n];
    String[] distinct = new String[n];
    Boolean[] present = new Boolean[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Contribution c = values.get(i);
      orgs[i] = organizationId;
      subs[i] = c.key().subscriptionId();
      charges[i] = c.key().chargeId();
      filters[i] = c.key().filterId();
      groups[i] = c.key().groupKey();
      froms[i] = EventLedgerRepository.utc(c.key().period().start());
      distinct[i] = c.uniqueValue();
      present[i] = c.uniqueAdd();
      at[i] = EventLedgerRepository.utc(c.at());
    }
    return tx.preparedQuery(UPSERT_UNIQUE)
        .execute(
            Tuple.from(
                new Object[] {orgs, subs, charges, filters, groups, froms, distinct, present, at}))
        .replaceWithVoid();
  }

  /** Whether a unique_count value is present in its bucket now (for estimates). */
  public Uni<Boolean> uniqueValuePresent(SqlClient client, UUID subscriptionId, Contribution c) {
    return client
        .preparedQuery(
            "SELECT present FROM usage_unique_values WHERE subscription_id = $1"
                + " AND period_from = $2 AND charge_id = $3 AND filter_id = $4 AND group_key = $5"
                + " AND value = $6")
        .execute(
            Tuple.from(
                new Object[] {
                  subscriptionId,
                  EventLedgerRepository.utc(c.key().period().start()),
                  c.key().chargeId(),
                  c.key().filterId(),
                  c.key().groupKey(),
                  c.uniqueValue()
                }))
        .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("present"));
  }

  /** The aggregates of a subscription's period. */
  public Uni<List<AggregateSnapshot>> ofPeriod(
      SqlClient client, UUID subscriptionId, Instant from) {
    return client
        .preparedQuery(SELECT + " AND a.period_from = $2")
        .execute(Tuple.of(subscriptionId, EventLedgerRepository.utc(from)))
        .map(UsageAggregateRepository::snapshots);
  }

  /**
   * The aggregates of many subscriptions' periods in one query: element {@code i} of the answer
   * holds those of {@code subscriptionIds[i]}'s period starting at {@code froms[i]}.
   */
  public Uni<List<List<AggregateSnapshot>>> ofPeriods(
      SqlClient client, List<UUID> subscriptionIds, List<Instant> froms) {
    OffsetDateTime[] starts =
        froms.stream().map(EventLedgerRepository::utc).toArray(OffsetDateTime[]::new);
    return client
        .preparedQuery(OF_PERIODS)
        .execute(Tuple.of(subscriptionIds.toArray(UUID[]::new), starts))
        .map(
            rows -> {
              List<List<AggregateSnapshot>> byPeriod = new ArrayList<>();
              froms.forEach(f -> byPeriod.add(new ArrayList<>()));
              for (Row r : rows) {
                byPeriod.get(r.getLong("n").intValue() - 1).add(snapshot(r));
              }
              return byPeriod;
            });
  }

  /** The aggregates of a subscription's periods before {@code from} (recurring metrics). */
  public Uni<List<AggregateSnapshot>> before(SqlClient client, UUID subscriptionId, Instant from) {
    return client
        .preparedQuery(SELECT + " AND a.period_from < $2")
        .execute(Tuple.of(subscriptionId, EventLedgerRepository.utc(from)))
        .map(UsageAggregateRepository::snapshots);
  }

  /** Drops a subscription's aggregates from {@code from} on, before they are rebuilt. */
  public Uni<Void> deleteFrom(SqlClient tx, UUID subscriptionId, Instant from) {
    OffsetDateTime start = EventLedgerRepository.utc(from);
    return tx.preparedQuery(
            "DELETE FROM usage_aggregates WHERE subscription_id = $1 AND period_from >= $2")
        .execute(Tuple.of(subscriptionId, start))
        .chain(
            () ->
                tx.preparedQuery(
                        "DELETE FROM usage_unique_values WHERE subscription_id = $1"
                            + " AND period_from >= $2")
                    .execute(Tuple.of(subscriptionId, start)))
        .replaceWithVoid();
  }

  private static List<AggregateSnapshot> snapshots(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    List<AggregateSnapshot> snapshots = new ArrayList<>();
    for (Row r : rows) {
      snapshots.add(snapshot(r));
    }
    return snapshots;
  }

  private static AggregateSnapshot snapshot(Row r) {
    OffsetDateTime latestAt = r.getOffsetDateTime("latest_at");
    return new AggregateSnapshot(
        r.getUUID("charge_id"),
        r.getUUID("filter_id"),
        r.getString("group_key"),
        r.getOffsetDateTime("period_from").toInstant(),
        r.getLong("events_count"),
        r.getBigDecimal("units"),
        r.getBigDecimal("max_value"),
        r.getBigDecimal("latest_value"),
        latestAt == null ? null : latestAt.toInstant(),
        r.getBigDecimal("weighted_area"),
        r.getBigDecimal("precise_total_amount_cents"),
        r.getLong("unique_count"));
  }

  private static Numeric numeric(BigDecimal value) {
    return value == null ? null : Numeric.create(value);
  }
}
