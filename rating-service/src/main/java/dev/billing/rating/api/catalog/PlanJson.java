package dev.billing.rating.api.catalog;

import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.catalog.PlanView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Lago's {@code PlanObject}. Subscriptions, invoices, taxes, fixed charges and usage thresholds are
 * not this service's: their counts are 0 and their lists empty. {@code bill_charges_monthly} is
 * null unless the interval allows it, as Lago answers.
 */
public record PlanJson(
    String lagoId,
    String name,
    String invoiceDisplayName,
    Instant createdAt,
    String code,
    String interval,
    String description,
    long amountCents,
    String amountCurrency,
    BigDecimal trialPeriod,
    boolean payInAdvance,
    Boolean billChargesMonthly,
    Boolean billFixedChargesMonthly,
    long customersCount,
    long activeSubscriptionsCount,
    long draftInvoicesCount,
    String parentId,
    boolean pendingDeletion,
    List<ChargeJson> charges,
    List<Object> fixedCharges,
    List<Object> taxes,
    List<Object> usageThresholds,
    MinimumCommitment minimumCommitment) {

  /**
   * Lago's {@code MinimumCommitmentObject}.
   *
   * @param lagoId its lago_id
   * @param planCode the plan's code
   * @param invoiceDisplayName label of the true-up fee, or null
   * @param commitmentType always {@code minimum_commitment}
   * @param amountCents the minimum per plan period
   * @param interval the plan's interval
   * @param createdAt the plan's creation
   * @param taxes none
   */
  public record MinimumCommitment(
      String lagoId,
      String planCode,
      String invoiceDisplayName,
      String commitmentType,
      long amountCents,
      String interval,
      Instant createdAt,
      List<Object> taxes) {}

  public static PlanJson of(PlanView view) {
    Plan p = view.plan();
    boolean monthlyAllowed = p.interval().allowsMonthlyCharges();
    Instant createdAt = p.createdAt().truncatedTo(ChronoUnit.SECONDS);
    return new PlanJson(
        p.id().toString(),
        p.name(),
        p.invoiceDisplayName(),
        createdAt,
        p.code(),
        p.interval().wireName(),
        p.description(),
        p.amountCents(),
        p.amountCurrency(),
        new BigDecimal(p.trialPeriodDays().stripTrailingZeros().toPlainString()),
        p.payInAdvance(),
        monthlyAllowed ? p.billChargesMonthly() : null,
        monthlyAllowed ? false : null,
        0,
        0,
        0,
        null,
        view.deleted(),
        p.charges().stream().map(c -> ChargeJson.of(c, view.metricCodes())).toList(),
        List.of(),
        List.of(),
        List.of(),
        p.minimumCommitment() == null
            ? null
            : new MinimumCommitment(
                p.minimumCommitment().id().toString(),
                p.code(),
                p.minimumCommitment().invoiceDisplayName(),
                "minimum_commitment",
                p.minimumCommitment().amountCents(),
                p.interval().wireName(),
                createdAt,
                List.of()));
  }
}
