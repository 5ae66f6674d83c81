package dev.billing.invoicing.domain.billing;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.platform.billing.BillingPeriods;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a plan says about billing its subscriptions.
 *
 * @param amountCents base fee per period, in the currency's minor units
 * @param currency the plan currency, which is also the invoice currency
 * @param interval how often the base fee recurs
 * @param payInAdvance base fee billed at the start of the period it covers, else at its end
 * @param trialPeriodDays days (may be fractional, or 0) during which the base fee is free
 * @param billChargesMonthly usage billed monthly under a yearly or semiannual plan
 * @param minimumCommitmentCents minimum spend per full period in minor units, or null for none
 */
public record PlanTerms(
    long amountCents,
    CurrencyUnit currency,
    PlanInterval interval,
    boolean payInAdvance,
    BigDecimal trialPeriodDays,
    boolean billChargesMonthly,
    Long minimumCommitmentCents) {

  public PlanTerms {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(interval, "interval");
    trialPeriodDays = trialPeriodDays == null ? BigDecimal.ZERO : trialPeriodDays;
  }

  /** Terms without trial, monthly charges or commitment. */
  public static PlanTerms of(
      long amountCents, String currencyCode, PlanInterval interval, boolean payInAdvance) {
    return new PlanTerms(
        amountCents,
        Currencies.of(currencyCode),
        interval,
        payInAdvance,
        BigDecimal.ZERO,
        false,
        null);
  }

  public PlanTerms withTrialPeriodDays(BigDecimal days) {
    return new PlanTerms(
        amountCents,
        currency,
        interval,
        payInAdvance,
        days,
        billChargesMonthly,
        minimumCommitmentCents);
  }

  public PlanTerms withBillChargesMonthly(boolean monthly) {
    return new PlanTerms(
        amountCents,
        currency,
        interval,
        payInAdvance,
        trialPeriodDays,
        monthly,
        minimumCommitmentCents);
  }

  public PlanTerms withMinimumCommitmentCents(Long cents) {
    return new PlanTerms(
        amountCents, currency, interval, payInAdvance, trialPeriodDays, billChargesMonthly, cents);
  }

  /** The base fee of one full period. */
  public Money amount() {
    return Money.ofMinor(amountCents, currency);
  }

  /** Lago's {@code yearly_amount_cents}: what decides between an upgrade and a downgrade. */
  public long yearlyAmountCents() {
    return Math.multiplyExact(amountCents, (long) interval.periodsPerYear());
  }

  /** Whether usage follows monthly periods while the base fee keeps the plan interval. */
  public boolean chargesBilledMonthly() {
    return BillingPeriods.chargesInterval(interval, billChargesMonthly) != interval;
  }

  public boolean hasTrial() {
    return trialPeriodDays.signum() > 0;
  }

  /** Lago-style {@code error_details} for the plan fields; empty when the terms are valid. */
  public ValidationErrors validate() {
    ValidationErrors errors = new ValidationErrors();
    if (amountCents < 0) {
      errors.add("amount_cents", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
    }
    if (trialPeriodDays.signum() < 0) {
      errors.add("trial_period", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
    }
    if (minimumCommitmentCents != null && minimumCommitmentCents < 0) {
      errors.add("minimum_commitment", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
    }
    return errors;
  }
}
