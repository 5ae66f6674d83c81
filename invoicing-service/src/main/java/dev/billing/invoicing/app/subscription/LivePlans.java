package dev.billing.invoicing.app.subscription;

import dev.billing.invoicing.domain.plan.Plan;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans by code for the subscription use cases. Implemented by the plans read model's read-through
 * ({@code messaging.PlanReadThrough}), so that a use case does not depend on an adapter.
 */
public interface LivePlans {

  /** The organization's live plan with this code, from the read model or else from its owner. */
  Uni<Optional<Plan>> findLive(UUID organizationId, String code);
}
