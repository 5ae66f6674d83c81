package dev.billing.invoicing.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How far each subscription has been billed ({@code billing_positions}). */
@ApplicationScoped
public class BillingPositionRepository {

  /**
   * A subscription's billing position.
   *
   * @param chargesBilledTo end (exclusive) of the last usage period billed, or null
   * @param nextRunAt when it has something to bill next; null once everything is billed
   * @param lastRunAt the as-of instant of the last run that billed it, or null
   */
  public record Position(LocalDate chargesBilledTo, Instant nextRunAt, Instant lastRunAt) {}

  /**
   * A subscription a billing run has to look at.
   *
   * @param subscriptionId the subscription
   * @param organizationId its tenant
   */
  public record Candidate(UUID subscriptionId, UUID organizationId) {}

  // a subscription is due when never billed, when its next run has come, or when it ended (a
  // termination or a plan change) after its last run
  private static final String DUE =
      "SELECT s.id, s.organization_id FROM subscriptions s"
          + " LEFT JOIN billing_positions b ON b.subscription_id = s.id"
          + " WHERE s.status IN ('active', 'terminated') AND s.started_at IS NOT NULL"
          + " AND s.started_at <= $1 AND s.id > $2 AND ($4::uuid IS NULL OR s.organization_id = $4)"
          + " AND (b.subscription_id IS NULL OR b.next_run_at <= $1"
          + " OR (s.terminated_at IS NOT NULL AND s.terminated_at <= $1"
          + " AND (b.last_run_at IS NULL OR b.last_run_at < s.terminated_at)))"
          + " ORDER BY s.id LIMIT $3";

  /**
   * Subscriptions due as of {@code asOf}, by id after {@code afterId} (keyset paging), of one
   * organization or (null) of all.
   */
  public Uni<List<Candidate>> due(
      SqlClient client, Instant asOf, UUID organizationId, UUID afterId, int limit) {
    return client
        .preparedQuery(DUE)
        .execute(Tuple.of(InvoiceRepository.odt(asOf), afterId, limit, organizationId))
        .map(
            rows -> {
              List<Candidate> due = new ArrayList<>();
              rows.forEach(
                  r -> due.add(new Candidate(r.getUUID("id"), r.getUUID("organization_id"))));
              return due;
            });
  }

  /**
   * The positions of a page of candidates, read without locks (what the run expects to bill); a
   * candidate never billed gets its row first, due at once.
   */
  public Uni<Map<UUID, Position>> prepare(
      SqlClient client, List<Candidate> candidates, Instant now) {
    UUID[] ids = candidates.stream().map(Candidate::subscriptionId).toArray(UUID[]::new);
    UUID[] organizations = candidates.stream().map(Candidate::organizationId).toArray(UUID[]::new);
    return client
        .preparedQuery(
            "INSERT INTO billing_positions (subscription_id, organization_id, next_run_at,"
                + " updated_at) SELECT s, o, 'epoch', $3 FROM unnest($1::uuid[], $2::uuid[])"
                + " AS t(s, o) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(ids, organizations, InvoiceRepository.odt(now)))
        .chain(
            () ->
                client
                    .preparedQuery(
                        "SELECT subscription_id, charges_billed_to, next_run_at, last_run_at"
                            + " FROM billing_positions WHERE subscription_id = ANY($1)")
                    .execute(Tuple.of((Object) ids)))
        .map(
            rows -> {
              Map<UUID, Position> byId = new HashMap<>();
              rows.forEach(r -> byId.put(r.getUUID("subscription_id"), position(r)));
              return byId;
            });
  }

  /** Locks the subscription's position (made by {@link #prepare}) for this transaction. */
  public Uni<Position> lock(SqlClient tx, UUID subscriptionId) {
    return tx.preparedQuery(
            "SELECT charges_billed_to, next_run_at, last_run_at FROM billing_positions"
                + " WHERE subscription_id = $1 FOR UPDATE")
        .execute(Tuple.of(subscriptionId))
        .map(rows -> position(rows.iterator().next()));
  }

  /** Records a run: usage billed up to {@code chargesBilledTo}, next due at {@code nextRunAt}. */
  public Uni<Void> advance(
      SqlClient tx,
      UUID subscriptionId,
      LocalDate chargesBilledTo,
      Instant nextRunAt,
      Instant asOf,
      Instant now) {
    return tx.preparedQuery(
            "UPDATE billing_positions SET charges_billed_to = $2,"
                + " next_run_at = $3, last_run_at = $4,"
                + " updated_at = $5 WHERE subscription_id = $1")
        .execute(
            Tuple.of(
                subscriptionId,
                chargesBilledTo,
                InvoiceRepository.odt(nextRunAt),
                InvoiceRepository.odt(asOf),
                InvoiceRepository.odt(now)))
        .replaceWithVoid();
  }

  private static Position position(Row r) {
    return new Position(
        r.getLocalDate("charges_billed_to"), instant(r, "next_run_at"), instant(r, "last_run_at"));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime value = r.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
