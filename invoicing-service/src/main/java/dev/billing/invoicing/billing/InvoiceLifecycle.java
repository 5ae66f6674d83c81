package dev.billing.invoicing.billing;

import dev.billing.invoicing.api.invoice.InvoiceViews;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.invoice.InvoiceNumber;
import dev.billing.invoicing.domain.invoice.NewInvoice;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.webhook.WebhookTypes;
import dev.billing.invoicing.messaging.InvoiceMessages;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscription;
import dev.billing.invoicing.persistence.InvoiceRepository.ChargeDetails;
import dev.billing.invoicing.persistence.InvoiceRepository.StoredInvoice;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.webhook.WebhookOutbox;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An invoice's life: created (a draft during the grace period, else finalized at once), finalized
 * (numbered with the organization's prefix), voided. Each change is published on {@code
 * billing.invoices} in the same transaction.
 */
@ApplicationScoped
public class InvoiceLifecycle {

  private final InvoiceRepository invoices;
  private final OrganizationRepository organizations;
  private final CustomerRepository customers;
  private final OutboxWriter outbox;
  private final WebhookOutbox webhooks;
  private final InvoiceViews views;
  private final Clock clock;

  public InvoiceLifecycle(
      InvoiceRepository invoices,
      OrganizationRepository organizations,
      CustomerRepository customers,
      OutboxWriter outbox,
      WebhookOutbox webhooks,
      InvoiceViews views,
      Clock clock) {
    this.invoices = invoices;
    this.organizations = organizations;
    this.customers = customers;
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.views = views;
    this.clock = clock;
  }

  /** Stores a new subscription invoice; returns its id. */
  public Uni<UUID> create(
      SqlClient tx,
      Organization organization,
      Customer customer,
      UUID subscriptionId,
      NewInvoice invoice,
      BilledSubscription billed,
      Map<String, ChargeDetails> details,
      Instant asOf) {
    Instant now = clock.instant();
    StoredInvoice draft =
        new StoredInvoice(
            UUID.randomUUID(),
            organization.id(),
            customer.id(),
            null,
            InvoiceNumber.draft(organization.documentNumberPrefix()),
            "subscription",
            "draft",
            "pending",
            invoice.totals().feesAmount().currency().code(),
            invoice.issuingDate(),
            invoice.paymentDueDate(),
            (int)
                java.time.temporal.ChronoUnit.DAYS.between(
                    invoice.issuingDate(), invoice.paymentDueDate()),
            invoice.gracePeriodEndsAt(),
            invoice.totals(),
            asOf,
            null,
            null,
            now,
            now);
    Uni<Void> stored =
        invoices.insert(tx, draft, List.of(billed), invoice.fees(), details, subscriptionId);
    if (invoice.draft()) {
      return stored
          .chain(() -> publish(tx, organization.id(), draft.id(), customer.id()))
          .replaceWith(draft.id());
    }
    return stored.chain(() -> finalize(tx, draft, customer, now)).replaceWith(draft.id());
  }

  /** Finalizes a draft of the caller's organization; 405 unless it is a draft. */
  public Uni<Void> finalize(SqlClient tx, UUID organizationId, UUID invoiceId) {
    return invoices
        .findForUpdate(tx, organizationId, invoiceId)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("invoice")))
        .flatMap(
            invoice -> {
              if (!"draft".equals(invoice.status())) {
                throw new ApiException(InvoiceErrorCode.NOT_FINALIZABLE);
              }
              return customers
                  .findById(tx, organizationId, invoice.customerId())
                  .map(c -> c.orElseThrow())
                  .flatMap(customer -> finalize(tx, invoice, customer, clock.instant()));
            });
  }

  /** Voids a finalized invoice of the caller's organization; 405 {@code not_voidable} otherwise. */
  public Uni<Void> voidInvoice(SqlClient tx, UUID organizationId, UUID invoiceId) {
    Instant now = clock.instant();
    return invoices
        .findForUpdate(tx, organizationId, invoiceId)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("invoice")))
        .flatMap(
            invoice -> {
              if (!"finalized".equals(invoice.status())) {
                throw new ApiException(InvoiceErrorCode.NOT_VOIDABLE);
              }
              return invoices
                  .markVoided(tx, invoice.id(), now)
                  .chain(() -> publish(tx, organizationId, invoice.id(), invoice.customerId()));
            });
  }

  private Uni<Void> finalize(SqlClient tx, StoredInvoice draft, Customer customer, Instant now) {
    // the organization's row lock makes the running numbers unique
    return organizations
        .findForUpdate(tx, draft.organizationId())
        .map(found -> found.orElseThrow())
        .flatMap(
            organization ->
                invoices
                    .nextSequentialIds(tx, organization.id(), customer.id())
                    .flatMap(
                        next ->
                            invoices.finalize(
                                tx,
                                draft.id(),
                                InvoiceNumber.forOrganization(
                                    organization, customer.sequentialId(), next[0], next[1], now),
                                next[0],
                                next[1],
                                now)))
        .chain(() -> publish(tx, draft.organizationId(), draft.id(), customer.id()));
  }

  /**
   * Publishes the invoice's new state on billing.invoices and, as Lago does, the webhook of the
   * change: invoice.drafted, invoice.created (finalized) or invoice.voided.
   */
  private Uni<Void> publish(SqlClient tx, UUID organizationId, UUID invoiceId, UUID customerId) {
    return invoices
        .find(tx, organizationId, invoiceId)
        .map(found -> found.orElseThrow())
        .flatMap(
            invoice ->
                customers
                    .findById(tx, organizationId, customerId)
                    .map(c -> c.orElseThrow())
                    .flatMap(
                        customer ->
                            outbox.append(
                                tx, InvoiceMessages.updated(invoice, customer.externalId())))
                    .chain(() -> views.byId(tx, organizationId, invoiceId))
                    .flatMap(
                        json ->
                            webhooks.enqueue(
                                tx, organizationId, webhookType(invoice.status()), "invoice", json))
                    .replaceWithVoid());
  }

  private static String webhookType(String status) {
    return switch (status) {
      case "draft" -> WebhookTypes.INVOICE_DRAFTED;
      case "voided" -> WebhookTypes.INVOICE_VOIDED;
      default -> WebhookTypes.INVOICE_CREATED;
    };
  }
}
