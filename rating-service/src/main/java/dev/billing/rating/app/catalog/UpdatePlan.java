package dev.billing.rating.app.catalog;

import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.catalog.PlanView;
import dev.billing.rating.persistence.BillableMetricRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies an edit to the live plan with this code (404 {@code plan_not_found} if none), or to one
 * of its charges, and publishes the plan's new revision.
 */
@ApplicationScoped
public class UpdatePlan {

  /** Computes the next state of a plan; {@code metrics} covers its charges and the input's. */
  @FunctionalInterface
  public interface PlanEdit {
    Plan apply(Plan current, List<BillableMetric> metrics, Instant now);
  }

  private final CatalogTransaction transaction;
  private final BillableMetricRepository metrics;
  private final PlanChanges plans;

  public UpdatePlan(
      CatalogTransaction transaction, BillableMetricRepository metrics, PlanChanges plans) {
    this.transaction = transaction;
    this.metrics = metrics;
    this.plans = plans;
  }

  public Uni<PlanView> update(UUID organizationId, String code, MetricRefs refs, PlanEdit edit) {
    Instant now = transaction.now();
    return transaction.run(
        organizationId,
        tx ->
            transaction
                .lockPlan(tx, organizationId, code)
                .flatMap(
                    current -> {
                      Set<UUID> ids = new HashSet<>(refs.ids());
                      current.charges().forEach(charge -> ids.add(charge.billableMetricId()));
                      return metrics
                          .liveByIdsOrCodes(tx, organizationId, ids, refs.codes())
                          .map(found -> edit.apply(current, found, now))
                          .call(desired -> transaction.requireFreePlanCode(tx, desired))
                          .flatMap(desired -> plans.update(tx, current, desired, now));
                    }));
  }
}
