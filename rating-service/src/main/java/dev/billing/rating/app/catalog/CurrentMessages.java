package dev.billing.rating.app.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What rating owns, as {@code billing.catalog} would carry it now: the answers of its internal read
 * routes, which other services' read models ask on a miss.
 */
@ApplicationScoped
public class CurrentMessages {

  private final Pool pool;
  private final CatalogQueries catalog;

  public CurrentMessages(Pool pool, CatalogQueries catalog) {
    this.pool = pool;
    this.catalog = catalog;
  }

  /** The message of the organization's live plan with this code; none if there is none. */
  public Uni<List<String>> plan(UUID organizationId, String code) {
    return pool.withTransaction(tx -> catalog.currentPlan(tx, organizationId, code))
        .map(
            found ->
                found
                    .map(
                        p ->
                            List.of(
                                PlanMessages.updated(
                                        p.view().plan(),
                                        p.revision(),
                                        false,
                                        p.view().metricCodes(),
                                        p.at())
                                    .payload()))
                    .orElse(List.of()));
  }
}
