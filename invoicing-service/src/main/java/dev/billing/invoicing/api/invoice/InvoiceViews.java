package dev.billing.invoicing.api.invoice;

import dev.billing.invoicing.api.coupon.CreditJson;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.StoredInvoice;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredCredit;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
    List<UUID> ids = page.stream().map(StoredInvoice::id).toList();
    List<UUID> customerIds = page.stream().map(StoredInvoice::customerId).distinct().toList();
    return coupons
        .credits(client, ids, List.of())
        .flatMap(credits -> of(client, organizationId, page, ids, customerIds, credits));
  }

  private Uni<List<InvoiceJson>> of(
      SqlClient client,
      UUID organizationId,
      List<StoredInvoice> page,
      List<UUID> ids,
      List<UUID> customerIds,
      List<StoredCredit> credits) {
    return invoices
        .feesOf(client, ids)
        .flatMap(
            fees ->
                invoices
                    .subscriptionsOf(client, ids)
                    .flatMap(
                        subscriptions ->
                            customers
                                .byIds(client, organizationId, customerIds)
                                .map(
                                    byId ->
                                        page.stream()
                                            .map(
                                                invoice ->
                                                    InvoiceJson.of(
                                                        invoice,
                                                        byId.get(invoice.customerId()),
                                                        subscriptions.getOrDefault(
                                                            invoice.id(), List.of()),
                                                        fees.stream()
                                                            .filter(
                                                                f ->
                                                                    f.invoiceId()
                                                                        .equals(invoice.id()))
                                                            .toList(),
                                                        credits.stream()
                                                            .filter(
                                                                c ->
                                                                    c.invoiceId()
                                                                        .equals(invoice.id()))
                                                            .map(CreditJson::of)
                                                            .toList()))
                                            .toList())));
  }
}
