package dev.billing.rating.persistence;

import dev.billing.rating.domain.usage.EventRouter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What metering records beside the aggregates: events that cannot be billed as sent (Lago's
 * events.errors reasons) and subscriptions whose usage changed (for billing.usage.rated).
 */
@ApplicationScoped
public class MeteringSideEffects {

  /**
   * An event that cannot be billed as sent.
   *
   * @param organizationId tenant
   * @param externalSubscriptionId subscription it named
   * @param transactionId its id
   * @param code its metric code
   * @param error the reason
   * @param timestamp its time
   */
  public record EventError(
      UUID organizationId,
      String externalSubscriptionId,
      String transactionId,
      String code,
      String error,
      OffsetDateTime timestamp) {}

  public Uni<Void> recordErrors(SqlClient tx, List<EventError> errors) {
    if (errors.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tx.preparedQuery(
            "INSERT INTO event_errors (organization_id, external_subscription_id, transaction_id,"
                + " code, error, timestamp) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[],"
                + " $4::text[], $5::text[], $6::timestamptz[]) ON CONFLICT DO NOTHING")
        .execute(
            Tuple.of(
                errors.stream().map(EventError::organizationId).toArray(UUID[]::new),
                errors.stream().map(EventError::externalSubscriptionId).toArray(String[]::new),
                errors.stream().map(EventError::transactionId).toArray(String[]::new),
                errors.stream().map(EventError::code).toArray(String[]::new),
                errors.stream().map(EventError::error).toArray(String[]::new),
                errors.stream().map(EventError::timestamp).toArray(OffsetDateTime[]::new)))
        .replaceWithVoid();
  }

  /**
   * Drops the "no active subscription" errors of events a subscription now meters: those at its
   * address with timestamps in {@code [from, until)}.
   */
  public Uni<Void> forgetMeteredErrors(
      SqlClient tx,
      UUID organizationId,
      String externalSubscriptionId,
      Instant from,
      Instant until) {
    return tx.preparedQuery(
            "DELETE FROM event_errors WHERE organization_id = $1 AND external_subscription_id = $2"
                + " AND error = $3 AND timestamp >= $4 AND timestamp < $5")
        .execute(
            Tuple.of(
                organizationId,
                externalSubscriptionId,
                EventRouter.NO_SUBSCRIPTION,
                from.atOffset(ZoneOffset.UTC),
                until.atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** Marks subscriptions whose usage changed. */
  public Uni<Void> markDirty(
      SqlClient tx, Collection<UUID> subscriptionIds, Collection<UUID> orgs) {
    if (subscriptionIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tx.preparedQuery(
            "INSERT INTO usage_dirty (subscription_id, organization_id)"
                + " SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(subscriptionIds.toArray(UUID[]::new), orgs.toArray(UUID[]::new)))
        .replaceWithVoid();
  }
}
