package dev.billing.rating.metering;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/** Asks, inside the caller's transaction, for a subscription's usage to be rebuilt. */
@ApplicationScoped
public class RerateRequests {

  private final Clock clock;

  public RerateRequests(Clock clock) {
    this.clock = clock;
  }

  public Uni<Void> subscriptionChanged(SqlClient tx, UUID organizationId, UUID subscriptionId) {
    return tx.preparedQuery(
            "INSERT INTO rerate_requests (id, organization_id, subscription_id, requested_at)"
                + " VALUES ($1, $2, $3, $4)")
        .execute(
            Tuple.of(
                UUID.randomUUID(),
                organizationId,
                subscriptionId,
                clock.instant().atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }
}
