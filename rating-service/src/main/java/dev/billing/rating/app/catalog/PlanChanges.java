package dev.billing.rating.app.catalog;

import dev.billing.platform.outbox.OutboxWriter;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.catalog.PlanView;
import dev.billing.rating.persistence.CatalogChanges;
import dev.billing.rating.persistence.CatalogRepository;
import dev.billing.rating.persistence.PlanRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Writes a plan change inside the caller's transaction with all it entails: the rows, a re-rating
 * request and the {@code billing.catalog} message of the plan's new revision.
 */
@ApplicationScoped
class PlanChanges {

  private final CatalogRepository catalog;
  private final CatalogQueries queries;
  private final PlanRepository plans;
  private final OutboxWriter outbox;
  private final CatalogChanges changes;

  PlanChanges(
      CatalogRepository catalog,
      CatalogQueries queries,
      PlanRepository plans,
      OutboxWriter outbox,
      CatalogChanges changes) {
    this.catalog = catalog;
    this.queries = queries;
    this.plans = plans;
    this.outbox = outbox;
    this.changes = changes;
  }

  Uni<PlanView> insert(SqlClient tx, Plan plan, Instant now) {
    return plans
        .insert(tx, plan, now)
        .call(() -> changes.planChanged(tx, plan.organizationId(), plan.id()))
        .flatMap(nothing -> published(tx, plan, 1L, false, now));
  }

  Uni<PlanView> update(SqlClient tx, Plan current, Plan desired, Instant now) {
    return plans
        .update(tx, current, desired, now)
        .call(() -> changes.planChanged(tx, desired.organizationId(), desired.id()))
        .flatMap(revision -> published(tx, current, revision, false, now));
  }

  Uni<PlanView> delete(SqlClient tx, Plan plan, Instant now) {
    return plans
        .delete(tx, plan, now)
        .call(() -> changes.planChanged(tx, plan.organizationId(), plan.id()))
        .flatMap(revision -> published(tx, plan, revision, true, now));
  }

  /** Applies {@code change} to each live plan, in the given (locking) order, when it changes it. */
  Uni<Void> forEachPlan(
      SqlClient tx,
      UUID organizationId,
      List<UUID> planIds,
      UnaryOperator<Plan> change,
      Instant now) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (UUID planId : planIds) {
      chain =
          chain.chain(
              () ->
                  catalog
                      .lockLivePlan(tx, organizationId, null, planId)
                      .flatMap(found -> updateIfChanged(tx, found, change, now)));
    }
    return chain;
  }

  private Uni<Void> updateIfChanged(
      SqlClient tx, Optional<Plan> found, UnaryOperator<Plan> change, Instant now) {
    if (found.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Plan desired = change.apply(found.get());
    return desired == found.get()
        ? Uni.createFrom().voidItem()
        : update(tx, found.get(), desired, now).replaceWithVoid();
  }

  /** Re-reads the plan as stored and appends the message of its revision. */
  private Uni<PlanView> published(
      SqlClient tx, Plan before, long revision, boolean deleted, Instant now) {
    return catalog
        .planById(tx, before.organizationId(), before.id())
        .map(Optional::orElseThrow)
        .flatMap(plan -> queries.views(tx, plan.organizationId(), List.of(plan), deleted, before))
        .map(views -> views.get(0))
        .call(
            view ->
                outbox.append(
                    tx,
                    PlanMessages.updated(view.plan(), revision, deleted, view.metricCodes(), now)));
  }
}
