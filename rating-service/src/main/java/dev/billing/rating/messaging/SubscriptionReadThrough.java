package dev.billing.rating.messaging;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.readmodel.OwnerApi;
import dev.billing.platform.readmodel.ReadThrough;
import dev.billing.platform.readmodel.ReadThroughs;
import dev.billing.rating.app.metering.SubscriptionDirectory;
import dev.billing.rating.app.metering.SubscriptionDirectory.Address;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions for the API, asked of invoicing-service (which owns them) when the read model has
 * none billing at the time asked: a subscription created in the call before answers at once, and
 * its events that arrived first are metered (the read model's handler asks for the rebuild, as for
 * its message). Metering never asks: an event without its subscription waits in the ledger.
 */
@ApplicationScoped
public class SubscriptionReadThrough {

  private final ReadThrough<Address, SubscriptionMessage> readThrough;
  private final SubscriptionDirectory directory;
  private final Pool pool;

  public SubscriptionReadThrough(
      ReadThroughs readThroughs,
      SubscriptionsReadModel readModel,
      PlatformConfig config,
      SubscriptionDirectory directory,
      Pool pool) {
    this.directory = directory;
    this.pool = pool;
    this.readThrough =
        readThroughs.of(
            readModel,
            readThroughs.internalApi(
                config.owners().invoicingUrl(),
                (Address address) ->
                    "/internal/v1/organizations/"
                        + address.organizationId()
                        + "/subscriptions?external_id="
                        + OwnerApi.query(address.externalId())));
  }

  /** The subscription at {@code address} that bills an event at {@code at}, if any. */
  public Uni<Optional<SubscriptionTerms>> covering(Address address, Instant at) {
    return readThrough.find(
        address.organizationId(),
        address,
        () ->
            directory
                .lookup(pool, Set.of(address))
                .map(found -> SubscriptionDirectory.covering(found.get(address), at)));
  }
}
