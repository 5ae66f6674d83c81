package dev.billing.invoicing.api.view;

import dev.billing.invoicing.api.customer.CustomerJson;
import dev.billing.invoicing.api.invoice.InvoiceViews;
import dev.billing.invoicing.api.subscription.SubscriptionJson;
import dev.billing.invoicing.app.webhook.WebhookPayloads;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.persistence.CustomerView;
import dev.billing.invoicing.persistence.InvoiceParts;
import dev.billing.invoicing.persistence.SubscriptionView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Webhooks carry the same JSON objects as the API's answers. */
@ApplicationScoped
public class LagoWebhookPayloads implements WebhookPayloads {

  @Override
  public Object invoice(Invoice invoice, InvoiceParts parts) {
    return InvoiceViews.json(invoice, parts);
  }

  @Override
  public Object customer(CustomerView view) {
    return CustomerJson.of(view);
  }

  @Override
  public Object subscription(SubscriptionView view, Instant now) {
    return SubscriptionJson.of(view, now);
  }
}
