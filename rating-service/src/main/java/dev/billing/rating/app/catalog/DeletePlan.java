package dev.billing.rating.app.catalog;

import dev.billing.rating.domain.catalog.PlanView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Soft-deletes the live plan with this code and its charges; answers the plan as it was. */
@ApplicationScoped
public class DeletePlan {

  private final CatalogTransaction transaction;
  private final PlanChanges plans;

  public DeletePlan(CatalogTransaction transaction, PlanChanges plans) {
    this.transaction = transaction;
    this.plans = plans;
  }

  public Uni<PlanView> delete(UUID organizationId, String code) {
    Instant now = transaction.now();
    return transaction.run(
        organizationId,
        tx ->
            transaction
                .lockPlan(tx, organizationId, code)
                .flatMap(plan -> plans.delete(tx, plan, now)));
  }
}
