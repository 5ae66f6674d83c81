package dev.billing.rating.app.catalog;

import dev.billing.platform.api.PageRequest;
import dev.billing.rating.app.Page;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.MetricView;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.catalog.PlanRevision;
import dev.billing.rating.domain.catalog.PlanView;
import dev.billing.rating.persistence.BillableMetricRepository;
import dev.billing.rating.persistence.CatalogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The catalog as the public API shows it: live metrics and plans, one by code or a page. */
@ApplicationScoped
public class CatalogQueries {

  private final Pool pool;
  private final CatalogRepository catalog;
  private final BillableMetricRepository metrics;

  public CatalogQueries(Pool pool, CatalogRepository catalog, BillableMetricRepository metrics) {
    this.pool = pool;
    this.catalog = catalog;
    this.metrics = metrics;
  }

  public Uni<Optional<MetricView>> findMetric(UUID organizationId, String code) {
    return metrics
        .liveByCode(pool, organizationId, code, false)
        .flatMap(
            found ->
                found.isEmpty()
                    ? Uni.createFrom().item(Optional.<MetricView>empty())
                    : withPlansCount(organizationId, List.of(found.get()))
                        .map(views -> Optional.of(views.get(0))));
  }

  public Uni<Page<MetricView>> listMetrics(UUID organizationId, PageRequest page) {
    return metrics
        .live(pool, organizationId, page.perPage(), page.offset())
        .flatMap(found -> withPlansCount(organizationId, found))
        .flatMap(
            views ->
                metrics.countLive(pool, organizationId).map(total -> new Page<>(views, total)));
  }

  public Uni<Optional<PlanView>> findPlan(UUID organizationId, String code) {
    return catalog
        .livePlanByCode(pool, organizationId, code)
        .flatMap(
            found ->
                found.isEmpty()
                    ? Uni.createFrom().item(Optional.<PlanView>empty())
                    : views(pool, found.get().organizationId(), List.of(found.get()), false)
                        .map(list -> Optional.of(list.get(0))));
  }

  /**
   * A live plan as it is now, with its revision and when that was made, read in one snapshot: what
   * the {@code billing.catalog} message of its last change carries. The first statement of the
   * caller's transaction.
   */
  public Uni<Optional<PlanRevision>> currentPlan(SqlClient tx, UUID organizationId, String code) {
    return catalog
        .repeatableRead(tx)
        .chain(() -> catalog.livePlanByCode(tx, organizationId, code))
        .chain(
            found ->
                found.isEmpty()
                    ? Uni.createFrom().item(Optional.<PlanRevision>empty())
                    : withRevision(tx, found.get()));
  }

  private Uni<Optional<PlanRevision>> withRevision(SqlClient tx, Plan plan) {
    return catalog
        .planRevision(tx, plan.organizationId(), plan.id())
        .chain(
            revision ->
                views(tx, plan.organizationId(), List.of(plan), false)
                    .map(
                        views ->
                            Optional.of(
                                new PlanRevision(views.get(0), revision.number(), revision.at()))));
  }

  public Uni<Page<PlanView>> listPlans(UUID organizationId, PageRequest page) {
    return catalog
        .livePlans(pool, organizationId, page.perPage(), page.offset())
        .flatMap(found -> views(pool, organizationId, found, false))
        .flatMap(
            views ->
                catalog
                    .countLivePlans(pool, organizationId)
                    .map(total -> new Page<>(views, total)));
  }

  /**
   * Views of plans; {@code extra} plans only lend the metrics of their charges (a charge just
   * removed can still be shown).
   */
  public Uni<List<PlanView>> views(
      SqlClient client, UUID organizationId, List<Plan> plans, boolean deleted, Plan... extra) {
    Set<UUID> ids = new HashSet<>();
    plans.forEach(plan -> plan.charges().forEach(c -> ids.add(c.billableMetricId())));
    for (Plan plan : extra) {
      plan.charges().forEach(c -> ids.add(c.billableMetricId()));
    }
    return metrics
        .byIds(client, organizationId, ids)
        .map(
            found -> {
              Map<UUID, String> codes = new HashMap<>();
              found.forEach(metric -> codes.put(metric.id(), metric.code()));
              return plans.stream().map(plan -> new PlanView(plan, codes, deleted)).toList();
            });
  }

  private Uni<List<MetricView>> withPlansCount(UUID organizationId, List<BillableMetric> found) {
    return metrics
        .plansCount(pool, organizationId, found.stream().map(BillableMetric::id).toList())
        .map(
            counts ->
                found.stream()
                    .map(m -> new MetricView(m, counts.getOrDefault(m.id(), 0L)))
                    .toList());
  }
}
