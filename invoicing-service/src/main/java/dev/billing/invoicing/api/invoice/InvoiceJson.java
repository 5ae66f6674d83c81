package dev.billing.invoicing.api.invoice;

import dev.billing.invoicing.api.coupon.CreditJson;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.domain.invoice.InvoiceTotals;
import dev.billing.invoicing.persistence.FeeRepository.StoredFee;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscriptionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Lago's {@code InvoiceObject}, with its customer, billing periods and fees. */
public record InvoiceJson(
    String lagoId,
    Long sequentialId,
    String number,
    LocalDate issuingDate,
    LocalDate paymentDueDate,
    boolean paymentOverdue,
    int netPaymentTerm,
    String invoiceType,
    String status,
    String paymentStatus,
    String currency,
    long feesAmountCents,
    long couponsAmountCents,
    long creditNotesAmountCents,
    long subTotalExcludingTaxesAmountCents,
    long taxesAmountCents,
    long subTotalIncludingTaxesAmountCents,
    long prepaidCreditAmountCents,
    long progressiveBillingCreditAmountCents,
    long totalAmountCents,
    int versionNumber,
    String fileUrl,
    Instant createdAt,
    Instant updatedAt,
    CustomerRef customer,
    List<BillingPeriodJson> billingPeriods,
    List<FeeJson> fees,
    List<CreditJson> credits,
    List<Object> appliedTaxes,
    List<Object> metadata) {

  /**
   * @param lagoId the customer's id
   * @param externalId its external id
   * @param name its name
   * @param email its email
   * @param currency its currency
   * @param timezone its timezone
   */
  public record CustomerRef(
      String lagoId,
      String externalId,
      String name,
      String email,
      String currency,
      String timezone) {}

  /**
   * @param lagoSubscriptionId the subscription
   * @param externalSubscriptionId its external id
   * @param planCode its plan
   * @param chargesFromDatetime start of the usage billed
   * @param chargesToDatetime end of the usage billed
   * @param invoicingReason why it is on this invoice
   */
  public record BillingPeriodJson(
      String lagoSubscriptionId,
      String externalSubscriptionId,
      String planCode,
      Instant chargesFromDatetime,
      Instant chargesToDatetime,
      String invoicingReason) {}

  /**
   * Lago's {@code FeeObject}.
   *
   * @param lagoId fee id
   * @param lagoChargeId the charge, for charge fees
   * @param lagoChargeFilterId the charge filter, or null
   * @param lagoInvoiceId the invoice
   * @param lagoSubscriptionId the subscription
   * @param amountCents rounded amount
   * @param preciseAmount unrounded, major units
   * @param amountCurrency ISO 4217
   * @param taxesAmountCents 0 until taxes
   * @param totalAmountCents amount plus taxes
   * @param units units billed
   * @param preciseUnitAmount amount per unit
   * @param eventsCount events priced
   * @param preciseCouponsAmountCents the fee's share of coupon credits, in cents, unrounded
   * @param payInAdvance always false for now
   * @param invoiceable true
   * @param fromDate first day billed
   * @param toDate last day billed
   * @param paymentStatus the invoice's
   * @param createdAt created
   * @param item what is billed
   */
  public record FeeJson(
      String lagoId,
      String lagoChargeId,
      String lagoChargeFilterId,
      String lagoInvoiceId,
      String lagoSubscriptionId,
      long amountCents,
      String preciseAmount,
      String amountCurrency,
      long taxesAmountCents,
      long totalAmountCents,
      String units,
      String preciseUnitAmount,
      long eventsCount,
      String preciseCouponsAmountCents,
      boolean payInAdvance,
      boolean invoiceable,
      LocalDate fromDate,
      LocalDate toDate,
      String paymentStatus,
      Instant createdAt,
      Item item) {}

  /**
   * @param type subscription, charge, add_on or commitment
   * @param code the metric's code for a charge, the plan's code for a subscription fee
   * @param name what the invoice shows
   * @param invoiceDisplayName the label
   * @param groupedBy pricing group values
   */
  public record Item(
      String type,
      String code,
      String name,
      String invoiceDisplayName,
      Map<String, String> groupedBy) {}

  static InvoiceJson of(
      Invoice invoice,
      Customer customer,
      List<BilledSubscriptionView> subscriptions,
      List<StoredFee> fees,
      List<CreditJson> credits) {
    InvoiceTotals t = invoice.totals();
    Map<String, String> planBySubscription =
        subscriptions.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    s -> s.billed().subscriptionId().toString(),
                    BilledSubscriptionView::planCode,
                    (a, b) -> a));
    return new InvoiceJson(
        invoice.id().toString(),
        invoice.sequentialId(),
        invoice.number(),
        invoice.issuingDate(),
        invoice.paymentDueDate(),
        false,
        invoice.netPaymentTerm(),
        invoice.invoiceType(),
        invoice.status().wireName(),
        invoice.paymentStatus(),
        invoice.currency(),
        t.feesAmount().minorUnits(),
        t.couponsAmount().minorUnits(),
        t.creditNotesAmount().minorUnits(),
        t.subTotalExcludingTaxes().minorUnits(),
        t.taxesAmount().minorUnits(),
        t.subTotalIncludingTaxes().minorUnits(),
        t.prepaidCreditAmount().minorUnits(),
        t.progressiveBillingCreditAmount().minorUnits(),
        t.totalAmount().minorUnits(),
        4,
        null,
        invoice.createdAt(),
        invoice.updatedAt(),
        new CustomerRef(
            customer.id().toString(),
            customer.externalId(),
            customer.name(),
            customer.address() == null ? null : customer.address().email(),
            customer.currency(),
            customer.timezone()),
        subscriptions.stream()
            .map(
                s ->
                    new BillingPeriodJson(
                        s.billed().subscriptionId().toString(),
                        s.externalId(),
                        s.planCode(),
                        s.billed().chargesFrom(),
                        s.billed().chargesTo(),
                        s.billed().invoicingReason()))
            .toList(),
        fees.stream()
            .map(f -> fee(f, invoice.id().toString(), invoice.paymentStatus(), planBySubscription))
            .toList(),
        credits,
        List.of(),
        List.of());
  }

  static FeeJson fee(
      StoredFee fee,
      String invoiceId,
      String paymentStatus,
      Map<String, String> planBySubscription) {
    FeeLine line = fee.line();
    BigDecimal units = line.units();
    BigDecimal unitAmount =
        units.signum() == 0
            ? BigDecimal.ZERO
            : line.preciseAmount().divide(units, java.math.MathContext.DECIMAL64);
    String subscriptionId = fee.subscriptionId() == null ? null : fee.subscriptionId().toString();
    String code =
        switch (line.type()) {
          case CHARGE -> fee.billableMetricCode();
          case SUBSCRIPTION, COMMITMENT -> planBySubscription.get(subscriptionId);
          case ADD_ON -> fee.addOnCode();
        };
    return new FeeJson(
        fee.id().toString(),
        line.chargeId(),
        line.chargeFilterId() == null || "true_up".equals(line.chargeFilterId())
            ? null
            : line.chargeFilterId(),
        invoiceId,
        subscriptionId,
        line.amount().minorUnits(),
        line.preciseAmount().stripTrailingZeros().toPlainString(),
        line.currency().code(),
        0,
        line.amount().minorUnits(),
        units.signum() == 0 ? "0.0" : units.stripTrailingZeros().toPlainString(),
        unitAmount.stripTrailingZeros().toPlainString(),
        fee.eventsCount(),
        fee.preciseCouponsAmount()
            .movePointRight(line.currency().exponent())
            .stripTrailingZeros()
            .toPlainString(),
        false,
        true,
        line.periodFrom(),
        line.periodTo() == null ? null : line.periodTo().minusDays(1),
        paymentStatus,
        fee.createdAt(),
        new Item(
            line.type().wireName(),
            code,
            line.description(),
            fee.invoiceDisplayName() == null ? line.description() : fee.invoiceDisplayName(),
            line.groupedBy()));
  }
}
