package dev.billing.rating.app.metering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.persistence.CatalogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans (with their charges) and billable metrics as metering prices with them, cached briefly. A
 * catalog edit is followed by a rebuild of the affected usage, so a stale entry never stays wrong
 * for long.
 */
@ApplicationScoped
public class CatalogCache {

  private record PlanKey(UUID organizationId, String code) {}

  private record CodeKey(UUID organizationId, String code) {}

  private final CatalogRepository catalog;
  private final Cache<PlanKey, Optional<Plan>> plans = cache();
  private final Cache<UUID, BillableMetric> metrics = cache();
  private final Cache<CodeKey, Boolean> metricCodes = cache();

  public CatalogCache(CatalogRepository catalog) {
    this.catalog = catalog;
  }

  private static <K, V> Cache<K, V> cache() {
    return Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(5))
        .maximumSize(50_000)
        .build();
  }

  public Uni<Optional<Plan>> plan(SqlClient client, UUID organizationId, String code) {
    PlanKey key = new PlanKey(organizationId, code);
    Optional<Plan> cached = plans.getIfPresent(key);
    if (cached != null) {
      return Uni.createFrom().item(cached);
    }
    return catalog
        .livePlanByCode(client, organizationId, code)
        .invoke(plan -> plans.put(key, plan));
  }

  /**
   * A plan with the metrics its charges price.
   *
   * @param plan the plan
   * @param metrics its charges' metrics by id
   */
  public record PricedPlan(Plan plan, Map<UUID, BillableMetric> metrics) {}

  /** The organization's live plan of this code with its metrics; empty if there is none. */
  public Uni<Optional<PricedPlan>> pricedPlan(SqlClient client, UUID organizationId, String code) {
    return plan(client, organizationId, code)
        .flatMap(
            plan ->
                plan.isEmpty()
                    ? Uni.createFrom().item(Optional.<PricedPlan>empty())
                    : metricsOf(client, plan.get())
                        .map(metrics -> Optional.of(new PricedPlan(plan.get(), metrics))));
  }

  /** The metrics the plan's charges price. */
  public Uni<Map<UUID, BillableMetric>> metricsOf(SqlClient client, Plan plan) {
    Set<UUID> ids =
        plan.charges().stream().map(Charge::billableMetricId).collect(Collectors.toSet());
    Map<UUID, BillableMetric> found = new HashMap<>();
    List<UUID> missing = ids.stream().filter(id -> !present(id, found)).toList();
    if (missing.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    return catalog
        .metricsByIds(client, plan.organizationId(), missing)
        .map(
            loaded -> {
              loaded.forEach(
                  metric -> {
                    metrics.put(metric.id(), metric);
                    found.put(metric.id(), metric);
                  });
              return found;
            });
  }

  /** Whether the organization has a live metric with this code (Lago's invalid_code otherwise). */
  public Uni<Boolean> metricCodeExists(SqlClient client, UUID organizationId, String code) {
    CodeKey key = new CodeKey(organizationId, code);
    Boolean cached = metricCodes.getIfPresent(key);
    if (cached != null) {
      return Uni.createFrom().item(cached);
    }
    return catalog
        .liveMetricByCode(client, organizationId, code)
        .map(Optional::isPresent)
        .invoke(exists -> metricCodes.put(key, exists));
  }

  /** Drops everything cached for an organization, after its catalog changed. */
  public void forget(UUID organizationId) {
    plans.asMap().keySet().removeIf(k -> k.organizationId().equals(organizationId));
    metrics.asMap().values().removeIf(m -> m.organizationId().equals(organizationId));
    metricCodes.asMap().keySet().removeIf(k -> k.organizationId().equals(organizationId));
  }

  private boolean present(UUID id, Map<UUID, BillableMetric> found) {
    BillableMetric metric = metrics.getIfPresent(id);
    if (metric != null) {
      found.put(id, metric);
      return true;
    }
    return false;
  }
}
