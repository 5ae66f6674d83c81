package dev.billing.invoicing.messaging;

import dev.billing.invoicing.app.subscription.LivePlans;
import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.invoicing.persistence.PlanRepository;
import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.contracts.PlanMessage;
import dev.billing.platform.readmodel.OwnerApi;
import dev.billing.platform.readmodel.ReadThrough;
import dev.billing.platform.readmodel.ReadThroughs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans by code, asked of rating-service (which owns them) when the plans read model does not hold
 * one yet: a plan created in the call before is usable at once.
 */
@ApplicationScoped
public class PlanReadThrough implements LivePlans {

  private record PlanCode(UUID organizationId, String code) {}

  private final ReadThrough<PlanCode, Optional<PlanMessage>> readThrough;
  private final PlanRepository plans;
  private final Pool pool;

  public PlanReadThrough(
      ReadThroughs readThroughs,
      PlanCatalogHandler readModel,
      PlatformConfig config,
      PlanRepository plans,
      Pool pool) {
    this.plans = plans;
    this.pool = pool;
    this.readThrough =
        readThroughs.of(
            readModel,
            readThroughs.internalApi(
                config.owners().ratingUrl(),
                (PlanCode key) ->
                    "/internal/v1/organizations/"
                        + key.organizationId()
                        + "/plans?code="
                        + OwnerApi.query(key.code())));
  }

  @Override
  public Uni<Optional<Plan>> findLive(UUID organizationId, String code) {
    return readThrough.find(
        organizationId,
        new PlanCode(organizationId, code),
        () -> plans.findLive(pool, organizationId, code));
  }
}
