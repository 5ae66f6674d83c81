package dev.billing.invoicing.domain.customer;

/**
 * A customer's billing settings (Lago's {@code billing_configuration}, plus the net payment term).
 *
 * @param paymentProvider stripe, adyen, gocardless, cashfree, flutterwave, moneyhash, or null
 * @param providerCustomerId the customer's id at the provider, or null
 * @param invoiceGracePeriod days invoices stay draft, or null to use the organization's
 * @param netPaymentTerm days to pay, or null to use the organization's
 */
public record CustomerBilling(
    String paymentProvider,
    String providerCustomerId,
    Integer invoiceGracePeriod,
    Integer netPaymentTerm) {

  public static final CustomerBilling NONE = new CustomerBilling(null, null, null, null);
}
