package dev.billing.invoicing.app.webhook;

import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.persistence.CustomerView;
import dev.billing.invoicing.persistence.InvoiceParts;
import dev.billing.invoicing.persistence.SubscriptionView;
import java.time.Instant;

/**
 * The objects a webhook carries: Lago's JSON views, which the API owns ({@code api.view} implements
 * this), so that a use case enqueues a webhook without depending on the API.
 */
public interface WebhookPayloads {

  /** Lago's invoice object, with these parts of its view. */
  Object invoice(Invoice invoice, InvoiceParts parts);

  /** Lago's customer object. */
  Object customer(CustomerView view);

  /** Lago's subscription object as of {@code now}. */
  Object subscription(SubscriptionView view, Instant now);
}
