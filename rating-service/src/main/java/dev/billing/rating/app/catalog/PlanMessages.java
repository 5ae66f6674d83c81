package dev.billing.rating.app.catalog;

import dev.billing.platform.contracts.PlanMessage;
import dev.billing.platform.outbox.OutboxMessage;
import dev.billing.rating.domain.catalog.Plan;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds the {@code billing.catalog} message for a plan's current state, keyed by plan id. */
public final class PlanMessages {

  private PlanMessages() {}

  /**
   * The message for a plan revision.
   *
   * @param plan the plan as it is now (as it was, for a deleted plan)
   * @param revision the plan's revision after the change
   * @param deleted whether the change deleted the plan
   * @param metricCodes the code of each billable metric the charges price
   * @param at when the change was made
   */
  public static OutboxMessage updated(
      Plan plan, long revision, boolean deleted, Map<UUID, String> metricCodes, Instant at) {
    PlanMessage message =
        new PlanMessage(
            plan.id(),
            plan.organizationId(),
            revision,
            plan.code(),
            plan.name(),
            plan.invoiceDisplayName(),
            plan.interval().wireName(),
            plan.amountCents(),
            plan.amountCurrency(),
            plan.payInAdvance(),
            plan.trialPeriodDays(),
            plan.billChargesMonthly(),
            plan.minimumCommitment() == null ? null : plan.minimumCommitment().amountCents(),
            plan.charges().stream()
                .map(
                    c ->
                        new PlanMessage.Charge(
                            c.id(),
                            c.code(),
                            metricCodes.get(c.billableMetricId()),
                            c.chargeModel().wireName(),
                            c.payInAdvance(),
                            c.invoiceable(),
                            c.invoiceDisplayName()))
                .toList(),
            deleted,
            at);
    return OutboxMessage.of(
        plan.organizationId(),
        PlanMessage.AGGREGATE_TYPE,
        plan.id().toString(),
        PlanMessage.TYPE,
        PlanMessage.VERSION,
        message);
  }
}
