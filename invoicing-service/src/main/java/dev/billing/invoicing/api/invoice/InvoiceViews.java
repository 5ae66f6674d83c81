package dev.billing.invoicing.api.invoice;

import dev.billing.invoicing.api.coupon.CreditJson;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscriptionView;
import dev.billing.invoicing.persistence.InvoiceRepository.StoredFee;
import dev.billing.invoicing.persistence.InvoiceRepository.StoredInvoice;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredCredit;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lago's invoice objects, with fees, billing periods and customer: for the API and webhooks. */
@ApplicationScoped
public class InvoiceViews {

  private final InvoiceRepository invoices;
  private final CustomerRepository customers;
  private final AppliedCouponRepository coupons;

  public InvoiceViews(
      InvoiceRepository invoices, CustomerRepository customers, AppliedCouponRepository coupons) {
    this.invoices = invoices;
    this.customers = customers;
    this.coupons = coupons;
  }

  public Uni<InvoiceJson> byId(SqlClient client, UUID organizationId, UUID id) {
    return invoices
        .find(client, organizationId, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("invoice")))
        .flatMap(invoice -> of(client, organizationId, List.of(invoice)))
        .map(views -> views.get(0));
  }

  public Uni<List<InvoiceJson>> of(
      SqlClient client, UUID organizationId, List<StoredInvoice> page) {
    if (page.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return parts(
            client,
            organizationId,
            page.stream().map(StoredInvoice::id).toList(),
            page.stream().map(StoredInvoice::customerId).distinct().toList())
        .map(parts -> page.stream().map(parts::json).toList());
  }

  /**
   * What the views of these invoices show besides their headers, read in one round trip on a
   * transaction's connection (pipelined), or in parallel on a pool.
   */
  public Uni<Parts> parts(
      SqlClient client, UUID organizationId, List<UUID> invoiceIds, List<UUID> customerIds) {
    return Uni.combine()
        .all()
        .unis(
            coupons.credits(client, invoiceIds, List.of()),
            invoices.feesOf(client, invoiceIds),
            invoices.subscriptionsOf(client, invoiceIds),
            customers.byIds(client, organizationId, customerIds))
        .with(Parts::new);
  }

  /**
   * The parts of some invoices' views besides their headers.
   *
   * @param credits their coupon credits
   * @param fees their fees
   * @param subscriptions the subscriptions each bills
   * @param customers their customers, by id
   */
  public record Parts(
      List<StoredCredit> credits,
      List<StoredFee> fees,
      Map<UUID, List<BilledSubscriptionView>> subscriptions,
      Map<UUID, Customer> customers) {

    /** The parts of a new invoice, as its transaction wrote them (nothing credited yet). */
    public static Parts ofNew(
        UUID invoiceId,
        Customer customer,
        List<BilledSubscriptionView> subscriptions,
        List<StoredFee> fees) {
      return new Parts(
          List.of(), fees, Map.of(invoiceId, subscriptions), Map.of(customer.id(), customer));
    }

    /** The view of an invoice with these parts, its header as given. */
    public InvoiceJson json(StoredInvoice invoice) {
      return InvoiceJson.of(
          invoice,
          customers.get(invoice.customerId()),
          subscriptions.getOrDefault(invoice.id(), List.of()),
          fees.stream().filter(f -> f.invoiceId().equals(invoice.id())).toList(),
          credits.stream()
              .filter(c -> c.invoiceId().equals(invoice.id()))
              .map(CreditJson::of)
              .toList());
    }
  }
}
