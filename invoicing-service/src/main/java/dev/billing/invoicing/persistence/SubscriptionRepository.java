package dev.billing.invoicing.persistence;

import static dev.billing.invoicing.persistence.OrganizationRepository.utc;

import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.subscription.SubscriptionStatus;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code subscriptions}; every query is scoped to one organization. */
@ApplicationScoped
public class SubscriptionRepository {

  static final String COLUMNS =
      "s.id, s.organization_id, s.revision, s.external_id, s.customer_id, s.plan_id, s.plan_code,"
          + " s.name, s.status, s.billing_time, s.subscription_at, s.activate_at, s.started_at,"
          + " s.trial_ended_at, s.ending_at, s.terminated_at, s.canceled_at,"
          + " s.previous_subscription_id, s.next_subscription_id, s.on_termination_invoice,"
          + " s.on_termination_credit_note, s.created_at, s.updated_at";
  private static final String VIEW =
      "SELECT "
          + COLUMNS
          + ", c.external_id AS external_customer_id, pl.amount_cents, pl.amount_currency,"
          + " pl.interval, COALESCE(c.timezone, o.timezone) AS zone,"
          + " prev.plan_code AS previous_plan_code, nxt.plan_code AS next_plan_code,"
          + " nxt.activate_at AS next_activate_at"
          + " FROM subscriptions s JOIN customers c ON c.id = s.customer_id"
          + " JOIN organizations o ON o.id = s.organization_id"
          + " JOIN plans pl ON pl.plan_id = s.plan_id"
          + " LEFT JOIN subscriptions prev ON prev.id = s.previous_subscription_id"
          + " LEFT JOIN subscriptions nxt ON nxt.id = s.next_subscription_id";
  private static final String UPSERT =
      "INSERT INTO subscriptions AS t (id, organization_id, revision, external_id, customer_id,"
          + " plan_id, plan_code, name, status, billing_time, subscription_at, activate_at,"
          + " started_at, trial_ended_at, ending_at, terminated_at, canceled_at,"
          + " previous_subscription_id, next_subscription_id, on_termination_invoice,"
          + " on_termination_credit_note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6,"
          + " $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)"
          + " ON CONFLICT (id) DO UPDATE SET revision = excluded.revision,"
          + " plan_id = excluded.plan_id, plan_code = excluded.plan_code, name = excluded.name,"
          + " status = excluded.status, subscription_at = excluded.subscription_at,"
          + " activate_at = excluded.activate_at, started_at = excluded.started_at,"
          + " trial_ended_at = excluded.trial_ended_at, ending_at = excluded.ending_at,"
          + " terminated_at = excluded.terminated_at, canceled_at = excluded.canceled_at,"
          + " next_subscription_id = excluded.next_subscription_id,"
          + " on_termination_invoice = excluded.on_termination_invoice,"
          + " on_termination_credit_note = excluded.on_termination_credit_note,"
          + " updated_at = excluded.updated_at WHERE t.revision = excluded.revision - 1";

  /** Inserts a new subscription or writes the next revision of one; fails on a lost update. */
  public Uni<Void> save(SqlClient tx, Subscription s) {
    return tx.preparedQuery(UPSERT)
        .execute(tuple(s))
        .invoke(
            rows -> {
              if (rows.rowCount() != 1) {
                throw new ConcurrentUpdateException("subscription " + s.id());
              }
            })
        .replaceWithVoid();
  }

  /** The active and pending subscriptions of a line. */
  public Uni<List<Subscription>> openLine(
      SqlClient client, UUID organizationId, String externalId) {
    return select(
        client,
        "SELECT "
            + COLUMNS
            + " FROM subscriptions s WHERE s.organization_id = $1 AND s.external_id = $2"
            + " AND s.status IN ('active', 'pending') ORDER BY s.created_at",
        Tuple.of(organizationId, externalId));
  }

  public Uni<Optional<Subscription>> find(SqlClient client, UUID organizationId, UUID id) {
    return select(
            client,
            "SELECT "
                + COLUMNS
                + " FROM subscriptions s WHERE s.organization_id = $1 AND s.id = $2",
            Tuple.of(organizationId, id))
        .map(list -> list.stream().findFirst());
  }

  /** The organization's subscriptions with these ids. */
  public Uni<List<Subscription>> byIds(SqlClient client, UUID organizationId, List<UUID> ids) {
    return select(
        client,
        "SELECT "
            + COLUMNS
            + " FROM subscriptions s WHERE s.organization_id = $1 AND s.id = ANY($2)",
        Tuple.of(organizationId, ids.toArray(UUID[]::new)));
  }

  /** The open subscriptions of a customer. */
  public Uni<List<Subscription>> openOfCustomer(
      SqlClient client, UUID organizationId, UUID customerId) {
    return select(
        client,
        "SELECT "
            + COLUMNS
            + " FROM subscriptions s WHERE s.organization_id = $1 AND s.customer_id = $2"
            + " AND s.status IN ('active', 'pending') ORDER BY s.created_at",
        Tuple.of(organizationId, customerId));
  }

  /** Pending subscriptions due by {@code now} and active ones past their ending date. */
  public Uni<List<Subscription>> due(SqlClient client, Instant now, int limit) {
    return select(
        client,
        "SELECT "
            + COLUMNS
            + " FROM subscriptions s WHERE (s.status = 'pending' AND s.activate_at <= $1)"
            + " OR (s.status = 'active' AND s.ending_at <= $1) ORDER BY s.organization_id LIMIT $2",
        Tuple.of(utc(now), limit));
  }

  /** The API view of one subscription of the line: by status, the newest first. */
  public Uni<Optional<SubscriptionView>> view(
      SqlClient client, UUID organizationId, String externalId, String status) {
    return client
        .preparedQuery(
            VIEW
                + " WHERE s.organization_id = $1 AND s.external_id = $2 AND s.status = $3"
                + " ORDER BY s.created_at DESC LIMIT 1")
        .execute(Tuple.of(organizationId, externalId, status))
        .map(rows -> views(rows).stream().findFirst());
  }

  /** Every subscription of the line with this external id, whatever its status, oldest first. */
  public Uni<List<SubscriptionView>> viewsOfLine(
      SqlClient client, UUID organizationId, String externalId) {
    return client
        .preparedQuery(
            VIEW + " WHERE s.organization_id = $1 AND s.external_id = $2 ORDER BY s.created_at")
        .execute(Tuple.of(organizationId, externalId))
        .map(SubscriptionRepository::views);
  }

  public Uni<Optional<SubscriptionView>> viewById(SqlClient client, UUID organizationId, UUID id) {
    return client
        .preparedQuery(VIEW + " WHERE s.organization_id = $1 AND s.id = $2")
        .execute(Tuple.of(organizationId, id))
        .map(rows -> views(rows).stream().findFirst());
  }

  /**
   * One page of the organization's subscriptions in the given statuses, optionally of one customer
   * and one plan.
   */
  public Uni<List<SubscriptionView>> list(
      SqlClient client,
      UUID organizationId,
      String externalCustomerId,
      String planCode,
      List<String> statuses,
      int limit,
      long offset) {
    return client
        .preparedQuery(
            VIEW
                + " WHERE s.organization_id = $1 AND ($2::text IS NULL OR c.external_id = $2)"
                + " AND ($3::text IS NULL OR s.plan_code = $3) AND s.status = ANY($4)"
                + " ORDER BY s.created_at DESC, s.id LIMIT $5 OFFSET $6")
        .execute(
            Tuple.from(
                new Object[] {
                  organizationId,
                  externalCustomerId,
                  planCode,
                  statuses.toArray(String[]::new),
                  limit,
                  offset
                }))
        .map(SubscriptionRepository::views);
  }

  public Uni<Long> count(
      SqlClient client,
      UUID organizationId,
      String externalCustomerId,
      String planCode,
      List<String> statuses) {
    return client
        .preparedQuery(
            "SELECT count(*) FROM subscriptions s JOIN customers c ON c.id = s.customer_id"
                + " WHERE s.organization_id = $1 AND ($2::text IS NULL OR c.external_id = $2)"
                + " AND ($3::text IS NULL OR s.plan_code = $3) AND s.status = ANY($4)")
        .execute(
            Tuple.of(organizationId, externalCustomerId, planCode, statuses.toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Uni<List<Subscription>> select(SqlClient client, String sql, Tuple args) {
    return client
        .preparedQuery(sql)
        .execute(args)
        .map(
            rows -> {
              List<Subscription> result = new ArrayList<>();
              rows.forEach(row -> result.add(map(row)));
              return result;
            });
  }

  private static List<SubscriptionView> views(Iterable<Row> rows) {
    List<SubscriptionView> result = new ArrayList<>();
    for (Row r : rows) {
      result.add(
          new SubscriptionView(
              map(r),
              r.getString("external_customer_id"),
              r.getLong("amount_cents"),
              r.getString("amount_currency"),
              PlanInterval.fromWireName(r.getString("interval")).orElseThrow(),
              r.getString("zone"),
              r.getString("previous_plan_code"),
              r.getString("next_plan_code"),
              instant(r.getOffsetDateTime("next_activate_at"))));
    }
    return result;
  }

  private static Tuple tuple(Subscription s) {
    return Tuple.from(
        new Object[] {
          s.id(),
          s.organizationId(),
          s.revision(),
          s.externalId(),
          s.customerId(),
          s.planId(),
          s.planCode(),
          s.name(),
          s.status().wireName(),
          s.billingTime().wireName(),
          utc(s.subscriptionAt()),
          odt(s.activateAt()),
          odt(s.startedAt()),
          odt(s.trialEndedAt()),
          odt(s.endingAt()),
          odt(s.terminatedAt()),
          odt(s.canceledAt()),
          s.previousId(),
          s.nextId(),
          s.onTerminationInvoice(),
          s.onTerminationCreditNote(),
          utc(s.createdAt()),
          utc(s.updatedAt())
        });
  }

  private static Subscription map(Row r) {
    return new Subscription(
        r.getUUID("id"),
        r.getUUID("organization_id"),
        r.getLong("revision"),
        r.getString("external_id"),
        r.getUUID("customer_id"),
        r.getUUID("plan_id"),
        r.getString("plan_code"),
        r.getString("name"),
        SubscriptionStatus.fromWireName(r.getString("status")).orElseThrow(),
        BillingTime.fromWireName(r.getString("billing_time")).orElseThrow(),
        instant(r.getOffsetDateTime("subscription_at")),
        instant(r.getOffsetDateTime("activate_at")),
        instant(r.getOffsetDateTime("started_at")),
        instant(r.getOffsetDateTime("trial_ended_at")),
        instant(r.getOffsetDateTime("ending_at")),
        instant(r.getOffsetDateTime("terminated_at")),
        instant(r.getOffsetDateTime("canceled_at")),
        r.getUUID("previous_subscription_id"),
        r.getUUID("next_subscription_id"),
        r.getString("on_termination_invoice"),
        r.getString("on_termination_credit_note"),
        instant(r.getOffsetDateTime("created_at")),
        instant(r.getOffsetDateTime("updated_at")));
  }

  private static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : utc(instant);
  }

  private static Instant instant(OffsetDateTime odt) {
    return odt == null ? null : odt.toInstant();
  }
}
