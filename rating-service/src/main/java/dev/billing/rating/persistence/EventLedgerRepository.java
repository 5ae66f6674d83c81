package dev.billing.rating.persistence;

import dev.billing.rating.domain.ledger.LedgerEvent;
import dev.billing.rating.domain.usage.RatedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The event ledger (table {@code events}): every accepted event, one row per identity. */
@ApplicationScoped
public class EventLedgerRepository {

  private static final String INSERT_NEW =
      "INSERT INTO events (organization_id, external_subscription_id, transaction_id, code,"
          + " timestamp, properties, precise_total_amount_cents, content_hash, source_partition,"
          + " source_offset, ingested_at)"
          + " SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
          + " $5::timestamptz[], $6::text[], $7::numeric[], $8::bigint[], $9::int[], $10::bigint[],"
          + " $11::timestamptz[])"
          + " ON CONFLICT DO NOTHING RETURNING organization_id, external_subscription_id,"
          + " transaction_id";
  private static final String FIND =
      "SELECT e.organization_id, e.external_subscription_id, e.transaction_id, e.content_hash,"
          + " e.source_partition, e.source_offset, e.timestamp FROM events e"
          + " JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS k(o, s, t)"
          + " ON e.organization_id = k.o AND e.external_subscription_id = k.s"
          + " AND e.transaction_id = k.t";
  private static final String REPLACE =
      "UPDATE events SET code = $4, timestamp = $5, properties = $6,"
          + " precise_total_amount_cents = $7, content_hash = $8, source_partition = $9,"
          + " source_offset = $10, ingested_at = $11, updated_at = now()"
          + " WHERE organization_id = $1 AND external_subscription_id = $2 AND transaction_id = $3";
  static final String COLUMNS =
      "organization_id, external_subscription_id, transaction_id, code, timestamp, properties,"
          + " precise_total_amount_cents, ingested_at";

  /** Inserts the events not in the ledger yet; returns the keys it inserted. */
  public Uni<Set<LedgerEvent.Key>> insertNew(SqlClient tx, List<LedgerEvent> events) {
    int n = events.size();
    UUID[] orgs = new UUID[n];
    String[] subs = new String[n];
    String[] txs = new String[n];
    String[] codes = new String[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    String[] properties = new String[n];
    Numeric[] precise = new Numeric[n];
    Long[] hashes = new Long[n];
    Integer[] partitions = new Integer[n];
    Long[] offsets = new Long[n];
    OffsetDateTime[] ingested = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      LedgerEvent e = events.get(i);
      RatedEvent event = e.event();
      orgs[i] = event.organizationId();
      subs[i] = event.externalSubscriptionId();
      txs[i] = event.transactionId();
      codes[i] = event.code();
      times[i] = utc(event.timestamp());
      properties[i] = e.propertiesJson();
      precise[i] =
          event.preciseTotalAmountCents() == null
              ? null
              : Numeric.create(event.preciseTotalAmountCents());
      hashes[i] = e.contentHash();
      partitions[i] = e.sourcePartition();
      offsets[i] = e.sourceOffset();
      ingested[i] = utc(e.ingestedAt());
    }
    return tx.preparedQuery(INSERT_NEW)
        .execute(
            Tuple.from(
                new Object[] {
                  orgs,
                  subs,
                  txs,
                  codes,
                  times,
                  properties,
                  precise,
                  hashes,
                  partitions,
                  offsets,
                  ingested
                }))
        .map(
            rows -> {
              Set<LedgerEvent.Key> inserted = new HashSet<>();
              for (Row row : rows) {
                inserted.add(key(row));
              }
              return inserted;
            });
  }

  /** The stored versions of these events, for those that exist. */
  public Uni<Map<LedgerEvent.Key, LedgerEvent.StoredVersion>> find(
      SqlClient tx, List<LedgerEvent.Key> keys) {
    UUID[] orgs = keys.stream().map(LedgerEvent.Key::organizationId).toArray(UUID[]::new);
    String[] subs =
        keys.stream().map(LedgerEvent.Key::externalSubscriptionId).toArray(String[]::new);
    String[] txs = keys.stream().map(LedgerEvent.Key::transactionId).toArray(String[]::new);
    return tx.preparedQuery(FIND)
        .execute(Tuple.of(orgs, subs, txs))
        .map(
            rows -> {
              Map<LedgerEvent.Key, LedgerEvent.StoredVersion> found = new HashMap<>();
              for (Row row : rows) {
                found.put(
                    key(row),
                    new LedgerEvent.StoredVersion(
                        row.getLong("content_hash"),
                        row.getInteger("source_partition"),
                        row.getLong("source_offset"),
                        row.getOffsetDateTime("timestamp").toInstant()));
              }
              return found;
            });
  }

  /** Writes a correction over the stored version. */
  public Uni<Void> replace(SqlClient tx, LedgerEvent e) {
    RatedEvent event = e.event();
    return tx.preparedQuery(REPLACE)
        .execute(
            Tuple.from(
                new Object[] {
                  event.organizationId(),
                  event.externalSubscriptionId(),
                  event.transactionId(),
                  event.code(),
                  utc(event.timestamp()),
                  e.propertiesJson(),
                  event.preciseTotalAmountCents(),
                  e.contentHash(),
                  e.sourcePartition(),
                  e.sourceOffset(),
                  utc(e.ingestedAt())
                }))
        .replaceWithVoid();
  }

  /** The events of a subscription in [from, to), in time order. */
  public Uni<List<StoredEvent>> between(
      SqlClient client,
      UUID organizationId,
      String externalSubscriptionId,
      Instant from,
      Instant to) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM events WHERE organization_id = $1 AND external_subscription_id = $2"
                + " AND timestamp >= $3 AND timestamp < $4 ORDER BY timestamp, transaction_id")
        .execute(Tuple.of(organizationId, externalSubscriptionId, utc(from), utc(to)))
        .map(EventLedgerRepository::stored);
  }

  /**
   * A page of a subscription's events in [from, to), in (time, transaction_id) order, after the
   * given event (or from the start).
   */
  public Uni<List<StoredEvent>> page(
      SqlClient client,
      UUID organizationId,
      String externalSubscriptionId,
      Instant from,
      Instant to,
      RatedEvent after,
      int limit) {
    String keyset = after == null ? "" : " AND (timestamp, transaction_id) > ($5, $6)";
    Tuple params =
        Tuple.of(organizationId, externalSubscriptionId, utc(from), utc(to))
            .addValue(after == null ? null : utc(after.timestamp()))
            .addValue(after == null ? null : after.transactionId())
            .addValue(limit);
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM events WHERE organization_id = $1 AND external_subscription_id = $2"
                + " AND timestamp >= $3 AND timestamp < $4"
                + (after == null ? " AND $5::timestamptz IS NULL AND $6::text IS NULL" : keyset)
                + " ORDER BY timestamp, transaction_id LIMIT $7")
        .execute(params)
        .map(EventLedgerRepository::stored);
  }

  static List<StoredEvent> stored(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    List<StoredEvent> events = new ArrayList<>();
    for (Row row : rows) {
      events.add(StoredEvent.of(row));
    }
    return events;
  }

  private static LedgerEvent.Key key(Row row) {
    return new LedgerEvent.Key(
        row.getUUID("organization_id"),
        row.getString("external_subscription_id"),
        row.getString("transaction_id"));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
