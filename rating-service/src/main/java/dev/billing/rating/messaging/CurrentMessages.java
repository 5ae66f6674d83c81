package dev.billing.rating.messaging;

import dev.billing.rating.persistence.CatalogQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What rating owns, as {@code billing.catalog} would carry it now: the answers of its internal read
 * routes, which other services' read models ask on a miss.
 */
@ApplicationScoped
public class CurrentMessages {

  private final CatalogQueries catalog;

  public CurrentMessages(CatalogQueries catalog) {
    this.catalog = catalog;
  }

  /** The message of the organization's live plan with this code; none if there is none. */
  public Uni<List<String>> plan(UUID organizationId, String code) {
    return catalog
        .currentPlan(organizationId, code)
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
