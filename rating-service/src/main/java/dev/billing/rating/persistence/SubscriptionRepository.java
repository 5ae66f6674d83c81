package dev.billing.rating.persistence;

import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The subscriptions read model (table {@code subscriptions}), fed by billing.subscriptions. */
@ApplicationScoped
public class SubscriptionRepository {

  private static final String COLUMNS =
      "subscription_id, organization_id, external_id, customer_id, external_customer_id,"
          + " plan_code, status, billing_time, subscription_at, started_at, terminated_at, timezone";
  private static final String UPSERT =
      "INSERT INTO subscriptions AS s (subscription_id, organization_id, revision, external_id,"
          + " customer_id, external_customer_id, plan_code, status, billing_time, subscription_at,"
          + " started_at, ending_at, terminated_at, timezone, previous_subscription_id)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
          + " ON CONFLICT (subscription_id) DO UPDATE SET revision = excluded.revision,"
          + " external_id = excluded.external_id, customer_id = excluded.customer_id,"
          + " external_customer_id = excluded.external_customer_id,"
          + " plan_code = excluded.plan_code, status = excluded.status,"
          + " billing_time = excluded.billing_time, subscription_at = excluded.subscription_at,"
          + " started_at = excluded.started_at, ending_at = excluded.ending_at,"
          + " terminated_at = excluded.terminated_at, timezone = excluded.timezone,"
          + " previous_subscription_id = excluded.previous_subscription_id, updated_at = now()"
          + " WHERE s.revision < excluded.revision";

  /** Applies a message if it is newer than what is held; true if it changed the row. */
  public Uni<Boolean> apply(SqlClient tx, SubscriptionMessage m) {
    return tx.preparedQuery(UPSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  m.subscriptionId(),
                  m.organizationId(),
                  m.revision(),
                  m.externalId(),
                  m.customerId(),
                  m.externalCustomerId(),
                  m.planCode(),
                  m.status(),
                  m.billingTime(),
                  utc(m.subscriptionAt()),
                  utc(m.startedAt()),
                  utc(m.endingAt()),
                  utc(m.terminatedAt()),
                  m.timezone(),
                  m.previousSubscriptionId()
                }))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Every subscription with these external ids, oldest first. */
  public Uni<List<SubscriptionTerms>> byExternalIds(
      SqlClient client, Collection<UUID> organizations, Collection<String> externalIds) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM subscriptions s JOIN unnest($1::uuid[], $2::text[]) AS k(o, e)"
                + " ON s.organization_id = k.o AND s.external_id = k.e ORDER BY s.started_at NULLS LAST")
        .execute(Tuple.of(organizations.toArray(UUID[]::new), externalIds.toArray(String[]::new)))
        .map(SubscriptionRepository::terms);
  }

  public Uni<Optional<SubscriptionTerms>> byId(SqlClient client, UUID subscriptionId) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE subscription_id = $1")
        .execute(Tuple.of(subscriptionId))
        .map(rows -> terms(rows).stream().findFirst());
  }

  /** The subscriptions with these ids (unknown ones are left out). */
  public Uni<List<SubscriptionTerms>> byIds(SqlClient client, Collection<UUID> subscriptionIds) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE subscription_id = ANY($1)")
        .execute(Tuple.of(subscriptionIds.toArray(UUID[]::new)))
        .map(SubscriptionRepository::terms);
  }

  /** Live subscriptions on a plan code (to re-rate after a catalog edit). */
  public Uni<List<SubscriptionTerms>> onPlan(
      SqlClient client, UUID organizationId, String planCode) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM subscriptions WHERE organization_id = $1 AND plan_code = $2"
                + " AND status IN ('active', 'pending')")
        .execute(Tuple.of(organizationId, planCode))
        .map(SubscriptionRepository::terms);
  }

  /**
   * Holds, until the transaction ends, a shared lock per subscription (hashed into 1,024 advisory
   * locks, so the lock table stays small): concurrent metering transactions do not block each
   * other, and a rebuild ({@link #lockExclusively}) never interleaves with them.
   */
  public Uni<Void> lock(SqlClient tx, Collection<UUID> subscriptionIds) {
    return hold(
        tx, LOCK_SPACE, subscriptionIds.stream().map(SubscriptionRepository::bucket), false);
  }

  /** The exclusive lock of a subscription, for a rebuild of its aggregates. */
  public Uni<Void> lockExclusively(SqlClient tx, UUID subscriptionId) {
    return hold(tx, LOCK_SPACE, Stream.of(bucket(subscriptionId)), true);
  }

  /**
   * Holds, until the transaction ends, the lock of each subscription address (organization and
   * external id, hashed into 1,024 advisory locks). A change of the subscriptions at an address
   * holds it exclusively; metering holds it shared while it decides that an event has no
   * subscription, so that either the change is visible to that decision or the rebuild the change
   * asks for runs after the event is in the ledger.
   */
  public Uni<Void> lockAddresses(
      SqlClient tx,
      Collection<UUID> organizations,
      Collection<String> externalIds,
      boolean exclusively) {
    List<UUID> orgs = List.copyOf(organizations);
    List<String> ids = List.copyOf(externalIds);
    return hold(
        tx,
        ADDRESS_LOCK_SPACE,
        IntStream.range(0, orgs.size()).mapToObj(i -> addressBucket(orgs.get(i), ids.get(i))),
        exclusively);
  }

  /**
   * Takes advisory locks of one key space in ascending order, so that two transactions waiting
   * behind a third never wait on each other.
   */
  private static Uni<Void> hold(
      SqlClient tx, int space, Stream<Integer> buckets, boolean exclusively) {
    Integer[] sorted = buckets.distinct().sorted().toArray(Integer[]::new);
    if (sorted.length == 0) {
      return Uni.createFrom().voidItem();
    }
    String function = exclusively ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared";
    return tx.preparedQuery(
            "SELECT "
                + function
                + "($1::int, b) FROM unnest($2::int[]) WITH ORDINALITY AS t(b, n) ORDER BY n")
        .execute(Tuple.of(space, sorted))
        .replaceWithVoid();
  }

  /** Advisory-lock key space of subscription usage (the first of the two int keys). */
  private static final int LOCK_SPACE = 0x5241;

  /** Advisory-lock key space of subscription addresses. */
  private static final int ADDRESS_LOCK_SPACE = 0x5242;

  private static int addressBucket(UUID organizationId, String externalId) {
    return Math.floorMod(31 * organizationId.hashCode() + externalId.hashCode(), 1024);
  }

  private static int bucket(UUID subscriptionId) {
    return Math.floorMod(subscriptionId.hashCode(), 1024);
  }

  private static List<SubscriptionTerms> terms(RowSet<Row> rows) {
    List<SubscriptionTerms> terms = new ArrayList<>();
    for (Row r : rows) {
      terms.add(
          new SubscriptionTerms(
              r.getUUID("subscription_id"),
              r.getUUID("organization_id"),
              r.getString("external_id"),
              r.getUUID("customer_id"),
              r.getString("external_customer_id"),
              r.getString("plan_code"),
              r.getString("status"),
              BillingTime.fromWireName(r.getString("billing_time")).orElse(BillingTime.CALENDAR),
              instant(r.getOffsetDateTime("subscription_at")),
              instant(r.getOffsetDateTime("started_at")),
              instant(r.getOffsetDateTime("terminated_at")),
              ZoneId.of(r.getString("timezone"))));
    }
    return terms;
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : EventLedgerRepository.utc(instant);
  }
}
