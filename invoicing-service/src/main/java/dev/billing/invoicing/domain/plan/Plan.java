package dev.billing.invoicing.domain.plan;

import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.money.Currencies;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A plan as invoicing knows it from rating-service's {@code billing.catalog}: what it needs to
 * accept a subscription and to bill the base fee.
 *
 * @param id the plan's lago_id
 * @param organizationId the tenant
 * @param revision the revision last applied
 * @param code unique per organization among live plans
 * @param name display name
 * @param interval how often the base fee recurs
 * @param amountCents base fee per interval, minor units
 * @param currency ISO 4217
 * @param payInAdvance base fee at the start of the period
 * @param trialPeriodDays days without base fee
 * @param billChargesMonthly usage billed monthly on a yearly or semiannual plan
 * @param minimumCommitmentCents spending minimum per period, or null
 * @param deleted the plan was deleted (no new subscriptions)
 */
public record Plan(
    UUID id,
    UUID organizationId,
    long revision,
    String code,
    String name,
    PlanInterval interval,
    long amountCents,
    String currency,
    boolean payInAdvance,
    BigDecimal trialPeriodDays,
    boolean billChargesMonthly,
    Long minimumCommitmentCents,
    boolean deleted) {

  /** The billing terms of the pure billing domain. */
  public PlanTerms terms() {
    return new PlanTerms(
        amountCents,
        Currencies.of(currency),
        interval,
        payInAdvance,
        trialPeriodDays,
        billChargesMonthly,
        minimumCommitmentCents);
  }
}
