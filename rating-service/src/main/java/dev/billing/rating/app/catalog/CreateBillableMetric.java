package dev.billing.rating.app.catalog;

import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.MetricView;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
import dev.billing.rating.persistence.BillableMetricRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Creates a billable metric (422 {@code code: value_already_exist} if its code is live). */
@ApplicationScoped
public class CreateBillableMetric {

  private final CatalogTransaction transaction;
  private final BillableMetricRepository metrics;

  public CreateBillableMetric(CatalogTransaction transaction, BillableMetricRepository metrics) {
    this.transaction = transaction;
    this.metrics = metrics;
  }

  public Uni<MetricView> create(UUID organizationId, BillableMetricDefinition definition) {
    Instant now = transaction.now();
    BillableMetric metric = new BillableMetric(UUID.randomUUID(), organizationId, definition, now);
    return transaction.run(
        organizationId,
        tx ->
            transaction
                .requireFreeMetricCode(tx, metric)
                .call(() -> metrics.insert(tx, metric, now))
                .replaceWith(new MetricView(metric, 0)));
  }
}
