package dev.billing.rating.app.catalog;

import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.MetricView;
import dev.billing.rating.domain.catalog.PlanPruning;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
import dev.billing.rating.persistence.BillableMetricRepository;
import dev.billing.rating.persistence.CatalogChanges;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies an edit to the live metric with this code, asks for the usage it prices to be re-rated;
 * charge filters whose values the metric no longer declares are removed from the plans that had
 * them (each such plan publishes its new revision).
 */
@ApplicationScoped
public class UpdateBillableMetric {

  /** Computes a metric's next definition; {@code usedByPlans} restricts what may change. */
  @FunctionalInterface
  public interface MetricEdit {
    BillableMetricDefinition apply(BillableMetric current, boolean usedByPlans);
  }

  private final CatalogTransaction transaction;
  private final BillableMetricRepository metrics;
  private final PlanChanges plans;
  private final CatalogChanges changes;

  public UpdateBillableMetric(
      CatalogTransaction transaction,
      BillableMetricRepository metrics,
      PlanChanges plans,
      CatalogChanges changes) {
    this.transaction = transaction;
    this.metrics = metrics;
    this.plans = plans;
    this.changes = changes;
  }

  public Uni<MetricView> update(UUID organizationId, String code, MetricEdit edit) {
    Instant now = transaction.now();
    return transaction.run(
        organizationId,
        tx ->
            transaction
                .lockMetric(tx, organizationId, code)
                .flatMap(
                    current ->
                        metrics
                            .livePlanIdsUsing(tx, organizationId, current.id())
                            .flatMap(
                                planIds -> {
                                  BillableMetric updated =
                                      new BillableMetric(
                                          current.id(),
                                          organizationId,
                                          edit.apply(current, !planIds.isEmpty()),
                                          current.createdAt());
                                  return transaction
                                      .requireFreeMetricCode(tx, updated)
                                      .call(() -> metrics.update(tx, updated, now))
                                      .call(
                                          () ->
                                              changes.metricChanged(
                                                  tx, organizationId, current.id()))
                                      .call(
                                          () ->
                                              plans.forEachPlan(
                                                  tx,
                                                  organizationId,
                                                  planIds,
                                                  plan ->
                                                      PlanPruning.withDeclaredFilters(
                                                          plan, updated),
                                                  now))
                                      .replaceWith(new MetricView(updated, planIds.size()));
                                })));
  }
}
