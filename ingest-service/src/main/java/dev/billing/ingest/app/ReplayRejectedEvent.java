package dev.billing.ingest.app;

import dev.billing.ingest.client.InboundReplayPublisher;
import dev.billing.ingest.persistence.RejectedEvent;
import dev.billing.ingest.persistence.RejectedEventRepository;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Sends a rejected message of {@code billing.events.inbound} through again once its cause is fixed
 * (e.g. the organization now exists), and marks it replayed.
 */
@ApplicationScoped
public class ReplayRejectedEvent {

  private final RejectedEventRepository repository;
  private final InboundReplayPublisher replays;
  private final Pool pool;
  private final Clock clock;

  public ReplayRejectedEvent(
      RejectedEventRepository repository, InboundReplayPublisher replays, Pool pool, Clock clock) {
    this.repository = repository;
    this.replays = replays;
    this.pool = pool;
    this.clock = clock;
  }

  /** The rejection as it is after the replay; 404 {@code rejected_event_not_found}. */
  public Uni<RejectedEvent> replay(UUID rejectedId) {
    return repository
        .find(pool, rejectedId)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("rejected_event")))
        .call(
            rejected -> {
              if (rejected.payload() == null) {
                throw ValidationErrors.single("payload", "nothing_to_replay");
              }
              String key =
                  rejected.organizationId() == null ? null : rejected.organizationId().toString();
              return replays.replay(rejected.id(), key, rejected.payload());
            })
        .call(rejected -> repository.markReplayed(pool, rejected.id(), clock.instant()))
        .flatMap(rejected -> repository.find(pool, rejected.id()))
        .map(found -> found.orElseThrow());
  }
}
