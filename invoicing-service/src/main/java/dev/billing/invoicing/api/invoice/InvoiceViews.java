package dev.billing.invoicing.api.invoice;

import dev.billing.invoicing.api.coupon.CreditJson;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.persistence.InvoiceParts;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceViewRepository;
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
  private final InvoiceViewRepository views;

  public InvoiceViews(InvoiceRepository invoices, InvoiceViewRepository views) {
    this.invoices = invoices;
    this.views = views;
  }

  public Uni<InvoiceJson> byId(SqlClient client, UUID organizationId, UUID id) {
    return invoices
        .find(client, organizationId, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("invoice")))
        .flatMap(invoice -> of(client, organizationId, List.of(invoice)))
        .map(views -> views.get(0));
  }

  public Uni<List<InvoiceJson>> of(SqlClient client, UUID organizationId, List<Invoice> page) {
    if (page.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return views
        .parts(
            client,
            organizationId,
            page.stream().map(Invoice::id).toList(),
            page.stream().map(Invoice::customerId).distinct().toList())
        .map(parts -> page.stream().map(invoice -> json(invoice, parts)).toList());
  }

  /** The view of an invoice with these parts, its header as given. */
  public static InvoiceJson json(Invoice invoice, InvoiceParts parts) {
    return InvoiceJson.of(
        invoice,
        parts.customers().get(invoice.customerId()),
        parts.subscriptions().getOrDefault(invoice.id(), List.of()),
        parts.fees().stream().filter(f -> f.invoiceId().equals(invoice.id())).toList(),
        parts.credits().stream()
            .filter(c -> c.invoiceId().equals(invoice.id()))
            .map(CreditJson::of)
            .toList());
  }
}
