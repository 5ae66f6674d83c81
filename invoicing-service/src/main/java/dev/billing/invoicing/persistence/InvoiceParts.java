package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.persistence.FeeRepository.StoredFee;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscriptionView;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredCredit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of some invoices' views besides their headers.
 *
 * @param credits their coupon credits
 * @param fees their fees
 * @param subscriptions the subscriptions each bills
 * @param customers their customers, by id
 */
public record InvoiceParts(
    List<StoredCredit> credits,
    List<StoredFee> fees,
    Map<UUID, List<BilledSubscriptionView>> subscriptions,
    Map<UUID, Customer> customers) {

  /** The parts of a new invoice, as its transaction wrote them (nothing credited yet). */
  public static InvoiceParts ofNew(
      UUID invoiceId,
      Customer customer,
      List<BilledSubscriptionView> subscriptions,
      List<StoredFee> fees) {
    return new InvoiceParts(
        List.of(), fees, Map.of(invoiceId, subscriptions), Map.of(customer.id(), customer));
  }
}
