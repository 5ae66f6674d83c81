package dev.billing.rating.app.catalog;

import dev.billing.rating.domain.catalog.MetricView;
import dev.billing.rating.domain.catalog.PlanPruning;
import dev.billing.rating.persistence.BillableMetricRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Soft-deletes the live metric with this code and, as Lago does, the charges pricing it. */
@ApplicationScoped
public class DeleteBillableMetric {

  private final CatalogTransaction transaction;
  private final BillableMetricRepository metrics;
  private final PlanChanges plans;

  public DeleteBillableMetric(
      CatalogTransaction transaction, BillableMetricRepository metrics, PlanChanges plans) {
    this.transaction = transaction;
    this.metrics = metrics;
    this.plans = plans;
  }

  public Uni<MetricView> delete(UUID organizationId, String code) {
    Instant now = transaction.now();
    return transaction.run(
        organizationId,
        tx ->
            transaction
                .lockMetric(tx, organizationId, code)
                .flatMap(
                    metric ->
                        metrics
                            .livePlanIdsUsing(tx, organizationId, metric.id())
                            .call(() -> metrics.delete(tx, organizationId, metric.id(), now))
                            .call(
                                planIds ->
                                    plans.forEachPlan(
                                        tx,
                                        organizationId,
                                        planIds,
                                        plan -> PlanPruning.withoutChargesOn(plan, metric.id()),
                                        now))
                            .map(planIds -> new MetricView(metric, planIds.size()))));
  }
}
