package dev.billing.rating.api.catalog;

import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The plan-level fields of Lago's plan input (everything but the charges). */
final class PlanFields {

  /** Room of the {@code trial_period} column: numeric(12,4). */
  private static final BigDecimal MAX_TRIAL_DAYS = new BigDecimal("99999999");

  private PlanFields() {}

  /** The identity of the plan being written. */
  record Identity(UUID id, UUID organizationId, Instant createdAt, Plan.MinimumCommitment stored) {}

  /** The plan, or null when invalid (the reasons added to {@code errors}). */
  static Plan read(
      Identity identity, Map<String, Object> in, List<Charge> charges, ValidationErrors errors) {
    ValidationErrors found = new ValidationErrors();
    String name = InputValues.requiredText(in.get("name"), "name", found);
    String code = InputValues.requiredText(in.get("code"), "code", found);
    PlanInterval interval = interval(in.get("interval"), found);
    Long amountCents = InputValues.count(in.get("amount_cents"), "amount_cents", found);
    if (in.get("amount_cents") == null) {
      found.add("amount_cents", InputValues.MANDATORY);
    }
    Object currency = in.get("amount_currency");
    if (!(currency instanceof String text) || !Currencies.isKnown(text)) {
      found.add("amount_currency", InputValues.INVALID);
    }
    boolean payInAdvance =
        InputValues.bool(in.get("pay_in_advance"), "pay_in_advance", false, found);
    BigDecimal trial = InputValues.decimal(in.get("trial_period"), "trial_period", found);
    if (trial != null && trial.compareTo(MAX_TRIAL_DAYS) > 0) {
      found.add("trial_period", InputValues.INVALID);
    }
    boolean monthly =
        InputValues.bool(in.get("bill_charges_monthly"), "bill_charges_monthly", false, found);
    Plan.MinimumCommitment commitment =
        commitment(in.get("minimum_commitment"), identity.stored(), found);
    String displayName =
        InputValues.text(in.get("invoice_display_name"), "invoice_display_name", found);
    String description = InputValues.text(in.get("description"), "description", found);
    found.details().forEach((field, codes) -> codes.forEach(c -> errors.add(field, c)));
    if (!found.isEmpty()) {
      return null;
    }
    return new Plan(
        identity.id(),
        identity.organizationId(),
        code,
        name,
        displayName,
        description,
        interval,
        amountCents,
        (String) currency,
        payInAdvance,
        trial == null ? BigDecimal.ZERO : trial,
        monthly && interval.allowsMonthlyCharges(),
        commitment,
        charges,
        identity.createdAt());
  }

  /** A stored plan's fields as the input that would make them. */
  static Map<String, Object> params(Plan plan) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", plan.name());
    params.put("code", plan.code());
    params.put("invoice_display_name", plan.invoiceDisplayName());
    params.put("description", plan.description());
    params.put("interval", plan.interval().wireName());
    params.put("amount_cents", plan.amountCents());
    params.put("amount_currency", plan.amountCurrency());
    params.put("pay_in_advance", plan.payInAdvance());
    params.put("trial_period", plan.trialPeriodDays());
    params.put("bill_charges_monthly", plan.billChargesMonthly());
    params.put("minimum_commitment", commitmentParams(plan.minimumCommitment()));
    return params;
  }

  /** The stored commitment with the given fields laid over it; {@code {}} removes it. */
  static Object mergeCommitment(Plan.MinimumCommitment stored, Object given) {
    Map<String, Object> input = InputValues.object(given);
    if (input == null || input.isEmpty()) {
      return input == null ? given : null;
    }
    Map<String, Object> merged = commitmentParams(stored);
    if (merged == null) {
      merged = new LinkedHashMap<>();
    }
    merged.putAll(input);
    return merged;
  }

  private static Map<String, Object> commitmentParams(Plan.MinimumCommitment commitment) {
    if (commitment == null) {
      return null;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("amount_cents", commitment.amountCents());
    params.put("invoice_display_name", commitment.invoiceDisplayName());
    return params;
  }

  private static PlanInterval interval(Object raw, ValidationErrors errors) {
    if (raw == null) {
      errors.add("interval", InputValues.MANDATORY);
      return null;
    }
    PlanInterval interval =
        raw instanceof String text ? PlanInterval.fromWireName(text).orElse(null) : null;
    if (interval == null) {
      errors.add("interval", InputValues.INVALID);
    }
    return interval;
  }

  private static Plan.MinimumCommitment commitment(
      Object raw, Plan.MinimumCommitment stored, ValidationErrors errors) {
    Map<String, Object> input = InputValues.object(raw);
    if (raw == null || input != null && input.isEmpty()) {
      return null;
    }
    if (input == null) {
      errors.add("minimum_commitment", InputValues.INVALID);
      return null;
    }
    String field = "minimum_commitment.amount_cents";
    Long amount = InputValues.count(input.get("amount_cents"), field, errors);
    if (input.get("amount_cents") == null) {
      errors.add(field, InputValues.MANDATORY);
    }
    String displayName =
        InputValues.text(
            input.get("invoice_display_name"), "minimum_commitment.invoice_display_name", errors);
    if (amount == null) {
      return null;
    }
    return new Plan.MinimumCommitment(
        stored != null ? stored.id() : UUID.randomUUID(), amount, displayName);
  }
}
