package dev.billing.rating.app.ledger;

import dev.billing.platform.api.PageRequest;
import dev.billing.platform.error.ApiException;
import dev.billing.rating.app.Page;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.persistence.EventErrorRepository;
import dev.billing.rating.persistence.EventErrorRepository.EventError;
import dev.billing.rating.persistence.EventQueryRepository;
import dev.billing.rating.persistence.EventQueryRepository.EventFilter;
import dev.billing.rating.persistence.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The ledger as the events API and the operator's event errors show it. */
@ApplicationScoped
public class LedgerQueries {

  private final EventQueryRepository events;
  private final EventErrorRepository errors;
  private final Pool pool;

  public LedgerQueries(EventQueryRepository events, EventErrorRepository errors, Pool pool) {
    this.events = events;
    this.errors = errors;
    this.pool = pool;
  }

  /** The organization's event with this transaction id; 404 {@code event_not_found}. */
  public Uni<StoredEvent> event(UUID organizationId, String transactionId) {
    return events
        .byTransactionId(pool, organizationId, transactionId)
        .map(found -> found.orElseThrow(() -> new ApiException(RatingErrorCode.EVENT_NOT_FOUND)));
  }

  public Uni<Page<StoredEvent>> events(EventFilter filter, PageRequest page) {
    return events
        .count(pool, filter)
        .flatMap(
            total ->
                events
                    .list(pool, filter, page.perPage(), page.offset())
                    .map(found -> new Page<>(found, total)));
  }

  public Uni<Page<EventError>> eventErrors(EventErrorRepository.Filter filter, PageRequest page) {
    return errors
        .count(pool, filter)
        .flatMap(
            total ->
                errors
                    .list(pool, filter, page.perPage(), page.offset())
                    .map(found -> new Page<>(found, total)));
  }
}
