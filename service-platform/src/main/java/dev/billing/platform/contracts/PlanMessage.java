package dev.billing.platform.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contract of {@code billing.catalog} for plans (type {@value #TYPE}, version {@value #VERSION}),
 * keyed by plan id, published by rating-service on every change: what invoicing needs to bill a
 * plan's base fee and to label its usage fees. The whole current state; a newer revision wins.
 *
 * @param planId the plan's lago_id
 * @param organizationId the tenant
 * @param revision increases with every change
 * @param code unique per organization
 * @param name display name
 * @param invoiceDisplayName label on invoices, or null
 * @param interval weekly, monthly, quarterly, semiannual or yearly
 * @param amountCents base fee per interval
 * @param amountCurrency ISO 4217
 * @param payInAdvance base fee at the start of the period
 * @param trialPeriodDays days without base fee
 * @param billChargesMonthly usage billed monthly on a yearly or semiannual plan
 * @param minimumCommitmentAmountCents spending minimum per period, or null
 * @param charges the usage charges
 * @param deleted the plan was deleted (no new subscriptions)
 * @param updatedAt when this revision was made
 */
public record PlanMessage(
    UUID planId,
    UUID organizationId,
    long revision,
    String code,
    String name,
    String invoiceDisplayName,
    String interval,
    long amountCents,
    String amountCurrency,
    boolean payInAdvance,
    BigDecimal trialPeriodDays,
    boolean billChargesMonthly,
    Long minimumCommitmentAmountCents,
    List<Charge> charges,
    boolean deleted,
    Instant updatedAt) {

  public static final String TYPE = "plan.updated";
  public static final int VERSION = 1;
  public static final String AGGREGATE_TYPE = "catalog";

  /**
   * A usage charge as invoicing sees it.
   *
   * @param chargeId its lago_id
   * @param code charge code
   * @param billableMetricCode the metric's code
   * @param chargeModel Lago's charge model name
   * @param payInAdvance billed per event
   * @param invoiceable pay-in-advance fees go on invoices
   * @param invoiceDisplayName label, or null
   */
  public record Charge(
      UUID chargeId,
      String code,
      String billableMetricCode,
      String chargeModel,
      boolean payInAdvance,
      boolean invoiceable,
      String invoiceDisplayName) {}
}
