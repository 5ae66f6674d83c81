package dev.billing.rating.app.catalog;

import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.catalog.PlanView;
import dev.billing.rating.persistence.BillableMetricRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates a plan from the live metrics its input names, and publishes its first revision. */
@ApplicationScoped
public class CreatePlan {

  /** Builds a new plan from the live metrics its input names; throws Lago's 422 or 404. */
  @FunctionalInterface
  public interface PlanBuild {
    Plan apply(List<BillableMetric> metrics, Instant now);
  }

  private final CatalogTransaction transaction;
  private final BillableMetricRepository metrics;
  private final PlanChanges plans;

  public CreatePlan(
      CatalogTransaction transaction, BillableMetricRepository metrics, PlanChanges plans) {
    this.transaction = transaction;
    this.metrics = metrics;
    this.plans = plans;
  }

  public Uni<PlanView> create(UUID organizationId, MetricRefs refs, PlanBuild build) {
    Instant now = transaction.now();
    return transaction.run(
        organizationId,
        tx ->
            metrics
                .liveByIdsOrCodes(tx, organizationId, refs.ids(), refs.codes())
                .map(found -> build.apply(found, now))
                .call(plan -> transaction.requireFreePlanCode(tx, plan))
                .flatMap(plan -> plans.insert(tx, plan, now)));
  }
}
