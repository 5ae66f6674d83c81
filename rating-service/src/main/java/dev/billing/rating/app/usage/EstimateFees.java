package dev.billing.rating.app.usage;

import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.metering.CatalogCache;
import dev.billing.rating.app.usage.UsageQuery.Estimate;
import dev.billing.rating.domain.usage.EventRouter;
import dev.billing.rating.domain.usage.RatedEvent;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What an event sent now would cost on the subscription's pay-in-advance charges: 404 for an
 * unknown metric code or plan, 422 when no such charge prices it or it lacks the property summed.
 */
@ApplicationScoped
public class EstimateFees {

  private final CatalogCache catalog;
  private final UsageQuery usage;
  private final Pool pool;

  public EstimateFees(CatalogCache catalog, UsageQuery usage, Pool pool) {
    this.catalog = catalog;
    this.usage = usage;
    this.pool = pool;
  }

  public Uni<Estimate> estimate(SubscriptionTerms subscription, RatedEvent event) {
    return catalog
        .metricCodeExists(pool, event.organizationId(), event.code())
        .invoke(
            exists -> {
              if (!exists) {
                throw new ApiException(RatingErrorCode.BILLABLE_METRIC_NOT_FOUND);
              }
            })
        .chain(() -> usage.estimate(subscription, event))
        .map(
            found -> {
              Estimate estimate =
                  found.orElseThrow(() -> new ApiException(RatingErrorCode.PLAN_NOT_FOUND));
              if (estimate.instantCharges() == 0) {
                throw ValidationErrors.single("code", "does_not_match_an_instant_charge");
              }
              if (estimate.fees().isEmpty()
                  && estimate
                      .routing()
                      .errors()
                      .contains(EventRouter.MISSING_AGGREGATION_PROPERTY)) {
                throw ValidationErrors.single("properties", "missing_aggregation_property");
              }
              return estimate;
            });
  }
}
