package dev.billing.rating.domain.catalog;

import dev.billing.platform.billing.PlanInterval;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A plan: a base fee per interval and the usage charges.
 *
 * @param id its lago_id
 * @param organizationId the tenant
 * @param code unique per organization
 * @param name display name
 * @param invoiceDisplayName label on invoices, or null
 * @param description free text, or null
 * @param interval billing interval
 * @param amountCents base fee per interval, in minor units of {@code amountCurrency}
 * @param amountCurrency ISO 4217
 * @param payInAdvance base fee billed at the start of the period
 * @param trialPeriodDays days without base fee, 0 for none
 * @param billChargesMonthly yearly or semiannual plan billing its charges monthly
 * @param minimumCommitment spending minimum per period, or null
 * @param charges the usage charges
 * @param createdAt creation instant
 */
public record Plan(
    UUID id,
    UUID organizationId,
    String code,
    String name,
    String invoiceDisplayName,
    String description,
    PlanInterval interval,
    long amountCents,
    String amountCurrency,
    boolean payInAdvance,
    BigDecimal trialPeriodDays,
    boolean billChargesMonthly,
    MinimumCommitment minimumCommitment,
    List<Charge> charges,
    Instant createdAt) {

  /** This plan with other charges. */
  public Plan withCharges(List<Charge> charges) {
    return new Plan(
        id,
        organizationId,
        code,
        name,
        invoiceDisplayName,
        description,
        interval,
        amountCents,
        amountCurrency,
        payInAdvance,
        trialPeriodDays,
        billChargesMonthly,
        minimumCommitment,
        charges,
        createdAt);
  }

  /**
   * Lago's {@code minimum_commitment}.
   *
   * @param id its lago_id
   * @param amountCents the minimum per plan period
   * @param invoiceDisplayName label of the true-up fee, or null
   */
  public record MinimumCommitment(UUID id, long amountCents, String invoiceDisplayName) {}
}
