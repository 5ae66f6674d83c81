package dev.billing.rating.persistence;

import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.persistence.PgErrors;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.charge.ChargeFilterMatcher;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
import dev.billing.rating.domain.metric.MetricFilter;
import dev.billing.rating.persistence.CatalogQueries.MetricView;
import dev.billing.rating.persistence.CatalogQueries.PlanView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every change to the catalog, each in one transaction with what it entails: a {@code
 * billing.catalog} message per changed plan (outbox), a re-rating request ({@link CatalogChanges})
 * and, for a metric, the charges it takes along. Plans are locked while they change; the metrics a
 * plan refers to are share-locked so that none disappears under it.
 */
@ApplicationScoped
public class CatalogStore {

  /** The metrics a plan input names, by lago id and by code. */
  public record MetricRefs(Set<UUID> ids, Set<String> codes) {}

  /** Builds a new plan from the live metrics its input names; throws Lago's 422 or 404. */
  @FunctionalInterface
  public interface PlanBuild {
    Plan apply(List<BillableMetric> metrics, Instant now);
  }

  /** Computes the next state of a plan; {@code metrics} covers its charges and the input's. */
  @FunctionalInterface
  public interface PlanEdit {
    Plan apply(Plan current, List<BillableMetric> metrics, Instant now);
  }

  /** Computes a metric's next definition; {@code usedByPlans} restricts what may change. */
  @FunctionalInterface
  public interface MetricEdit {
    BillableMetricDefinition apply(BillableMetric current, boolean usedByPlans);
  }

  private final Pool pool;
  private final CatalogRepository catalog;
  private final BillableMetricRepository metrics;
  private final PlanWriter writer;
  private final CatalogChanges changes;
  private final Clock clock;

  public CatalogStore(
      Pool pool,
      CatalogRepository catalog,
      BillableMetricRepository metrics,
      PlanWriter writer,
      CatalogChanges changes,
      Clock clock) {
    this.pool = pool;
    this.catalog = catalog;
    this.metrics = metrics;
    this.writer = writer;
    this.changes = changes;
    this.clock = clock;
  }

  public Uni<MetricView> createMetric(UUID organizationId, BillableMetricDefinition definition) {
    Instant now = now();
    BillableMetric metric = new BillableMetric(UUID.randomUUID(), organizationId, definition, now);
    return transaction(
        organizationId,
        tx ->
            requireFreeMetricCode(tx, metric)
                .call(() -> metrics.insert(tx, metric, now))
                .replaceWith(new MetricView(metric, 0)));
  }

  /**
   * Applies an edit to the live metric with this code; charge filters whose values the metric no
   * longer declares are removed from the plans that had them.
   */
  public Uni<MetricView> updateMetric(UUID organizationId, String code, MetricEdit edit) {
    Instant now = now();
    return transaction(
        organizationId,
        tx ->
            lockMetric(tx, organizationId, code)
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
                                  return requireFreeMetricCode(tx, updated)
                                      .call(() -> metrics.update(tx, updated, now))
                                      .call(
                                          () ->
                                              changes.metricChanged(
                                                  tx, organizationId, current.id()))
                                      .call(
                                          () ->
                                              writer.forEachPlan(
                                                  tx,
                                                  organizationId,
                                                  planIds,
                                                  plan ->
                                                      PlanWriter.withDeclaredFilters(plan, updated),
                                                  now))
                                      .replaceWith(new MetricView(updated, planIds.size()));
                                })));
  }

  /** Soft-deletes the live metric with this code and, as Lago does, the charges pricing it. */
  public Uni<MetricView> deleteMetric(UUID organizationId, String code) {
    Instant now = now();
    return transaction(
        organizationId,
        tx ->
            lockMetric(tx, organizationId, code)
                .flatMap(
                    metric ->
                        metrics
                            .livePlanIdsUsing(tx, organizationId, metric.id())
                            .call(() -> metrics.delete(tx, organizationId, metric.id(), now))
                            .call(
                                planIds ->
                                    writer.forEachPlan(
                                        tx,
                                        organizationId,
                                        planIds,
                                        plan -> PlanWriter.withoutChargesOn(plan, metric.id()),
                                        now))
                            .map(planIds -> new MetricView(metric, planIds.size()))));
  }

  public Uni<PlanView> createPlan(UUID organizationId, MetricRefs refs, PlanBuild build) {
    Instant now = now();
    return transaction(
        organizationId,
        tx ->
            metrics
                .liveByIdsOrCodes(tx, organizationId, refs.ids(), refs.codes())
                .map(found -> build.apply(found, now))
                .call(plan -> requireFreePlanCode(tx, plan))
                .flatMap(plan -> writer.insert(tx, plan, now)));
  }

  /** Applies an edit to the live plan with this code (404 {@code plan_not_found} if none). */
  public Uni<PlanView> updatePlan(
      UUID organizationId, String code, MetricRefs refs, PlanEdit edit) {
    Instant now = now();
    return transaction(
        organizationId,
        tx ->
            lockPlan(tx, organizationId, code)
                .flatMap(
                    current -> {
                      Set<UUID> ids = new HashSet<>(refs.ids());
                      current.charges().forEach(charge -> ids.add(charge.billableMetricId()));
                      return metrics
                          .liveByIdsOrCodes(tx, organizationId, ids, refs.codes())
                          .map(found -> edit.apply(current, found, now))
                          .call(desired -> requireFreePlanCode(tx, desired))
                          .flatMap(desired -> writer.update(tx, current, desired, now));
                    }));
  }

  /** Soft-deletes the live plan with this code and its charges; answers the plan as it was. */
  public Uni<PlanView> deletePlan(UUID organizationId, String code) {
    Instant now = now();
    return transaction(
        organizationId,
        tx -> lockPlan(tx, organizationId, code).flatMap(plan -> writer.delete(tx, plan, now)));
  }

  /**
   * Whether a charge filter's values name only keys and values the metric declares ({@code
   * __ALL_FILTER_VALUES__} alone standing for all of a key's values).
   */
  public static boolean declaresValues(
      List<MetricFilter> metricFilters, Map<String, List<String>> values) {
    Map<String, List<String>> declared = new HashMap<>();
    metricFilters.forEach(filter -> declared.put(filter.key(), filter.values()));
    return values.entrySet().stream()
        .allMatch(
            entry ->
                declared.containsKey(entry.getKey())
                    && !entry.getValue().isEmpty()
                    && (entry.getValue().equals(List.of(ChargeFilterMatcher.ALL_FILTER_VALUES))
                        || declared.get(entry.getKey()).containsAll(entry.getValue())));
  }

  private Uni<BillableMetric> lockMetric(SqlClient tx, UUID organizationId, String code) {
    return metrics
        .liveByCode(tx, organizationId, code, true)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("billable_metric")));
  }

  private Uni<Plan> lockPlan(SqlClient tx, UUID organizationId, String code) {
    return catalog
        .lockLivePlan(tx, organizationId, code, null)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("plan")));
  }

  private Uni<Void> requireFreeMetricCode(SqlClient tx, BillableMetric metric) {
    return metrics
        .liveByCode(tx, metric.organizationId(), metric.code(), false)
        .invoke(
            found -> {
              if (found.isPresent() && !found.get().id().equals(metric.id())) {
                throw codeTaken();
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> requireFreePlanCode(SqlClient tx, Plan plan) {
    return catalog
        .planCodeTaken(tx, plan.organizationId(), plan.code(), plan.id())
        .invoke(
            taken -> {
              if (taken) {
                throw codeTaken();
              }
            })
        .replaceWithVoid();
  }

  /**
   * Runs {@code work} in a transaction. A concurrent insert of the same code loses on the unique
   * index and answers like the check before it; a deadlock between a plan edit and a metric edit
   * (they lock in opposite orders) is retried.
   */
  /**
   * One organization's catalog writes run one at a time: a plan edit locks the plan and then its
   * metrics, a metric edit the metric and then its plans, and side by side they deadlocked (found
   * by fuzzing the edge: 16 concurrent edits of one plan and metric, hundreds of 40P01 past the
   * retries). Catalog writes are rare; metering never takes this lock.
   */
  private <T> Uni<T> transaction(UUID organizationId, Function<SqlConnection, Uni<T>> work) {
    return pool.withTransaction(
            tx -> catalog.lockCatalog(tx, organizationId).chain(() -> work.apply(tx)))
        .onFailure(PgErrors::isUniqueViolation)
        .transform(e -> codeTaken())
        .onFailure(PgErrors::isDeadlock)
        .retry()
        .atMost(2);
  }

  private static ApiException codeTaken() {
    return ValidationErrors.single("code", "value_already_exist");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
