package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.app.outbox.InvoiceMessages;
import dev.billing.invoicing.app.webhook.WebhookPayloads;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.domain.invoice.InvoiceNumber;
import dev.billing.invoicing.domain.invoice.InvoiceStatus;
import dev.billing.invoicing.domain.invoice.InvoiceTotals;
import dev.billing.invoicing.domain.invoice.NewInvoice;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.webhook.WebhookTypes;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.FeeRepository.ChargeDetails;
import dev.billing.invoicing.persistence.InvoiceNumberingRepository;
import dev.billing.invoicing.persistence.InvoiceParts;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscription;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscriptionView;
import dev.billing.invoicing.persistence.InvoiceViewRepository;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.webhook.WebhookOutbox;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.money.Money;
import dev.billing.platform.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An invoice's life: created (a draft during the grace period, else finalized at once), finalized
 * (numbered with the organization's prefix), voided. Each change is published on {@code
 * billing.invoices} in the same transaction.
 */
@ApplicationScoped
public class InvoiceLifecycle {

  private final InvoiceRepository invoices;
  private final InvoiceNumberingRepository numbering;
  private final OrganizationRepository organizations;
  private final CustomerRepository customers;
  private final OutboxWriter outbox;
  private final WebhookOutbox webhooks;
  private final InvoiceViewRepository views;
  private final WebhookPayloads payloads;
  private final CouponCrediting coupons;
  private final Clock clock;

  public InvoiceLifecycle(
      InvoiceRepository invoices,
      InvoiceNumberingRepository numbering,
      OrganizationRepository organizations,
      CustomerRepository customers,
      OutboxWriter outbox,
      WebhookOutbox webhooks,
      InvoiceViewRepository views,
      WebhookPayloads payloads,
      CouponCrediting coupons,
      Clock clock) {
    this.invoices = invoices;
    this.numbering = numbering;
    this.organizations = organizations;
    this.customers = customers;
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.views = views;
    this.payloads = payloads;
    this.coupons = coupons;
    this.clock = clock;
  }

  /** Stores a new subscription invoice; returns its id. */
  public Uni<UUID> create(
      SqlClient tx,
      Organization organization,
      Customer customer,
      Subscription subscription,
      NewInvoice invoice,
      BilledSubscription billed,
      Map<String, ChargeDetails> details,
      Instant asOf) {
    Instant now = stored(clock.instant());
    Invoice draft =
        new Invoice(
            UUID.randomUUID(),
            organization.id(),
            customer.id(),
            null,
            InvoiceNumber.draft(organization.documentNumberPrefix()),
            "subscription",
            InvoiceStatus.DRAFT,
            "pending",
            invoice.totals().feesAmount().currency().code(),
            invoice.issuingDate(),
            invoice.paymentDueDate(),
            (int) ChronoUnit.DAYS.between(invoice.issuingDate(), invoice.paymentDueDate()),
            invoice.gracePeriodEndsAt(),
            invoice.totals(),
            stored(asOf),
            null,
            null,
            now,
            now);
    List<BilledSubscriptionView> views =
        List.of(
            new BilledSubscriptionView(billed, subscription.externalId(), subscription.planCode()));
    return invoices
        .insert(tx, draft, List.of(billed), invoice.fees(), details, subscription.id())
        .flatMap(
            fees -> {
              InvoiceParts parts = InvoiceParts.ofNew(draft.id(), customer, views, fees);
              return invoice.draft()
                  ? publish(tx, draft, parts)
                  : finalize(tx, draft, customer, parts, now);
            })
        .replaceWith(draft.id());
  }

  /**
   * Stores a one-off invoice of add-on fees, finalized at once (no grace period, no coupons, as in
   * Lago); returns its id.
   */
  public Uni<UUID> createOneOff(
      SqlClient tx,
      Organization organization,
      Customer customer,
      List<FeeLine> fees,
      Map<String, ChargeDetails> details) {
    Instant now = stored(clock.instant());
    ZoneId zone =
        ZoneId.of(customer.timezone() != null ? customer.timezone() : organization.timezone());
    int netTerm =
        Optional.ofNullable(customer.billing().netPaymentTerm())
            .orElse(organization.netPaymentTerm());
    LocalDate issuing = now.atZone(zone).toLocalDate();
    InvoiceTotals totals =
        InvoiceTotals.of(fees.get(0).currency(), fees, Money.zero(fees.get(0).currency()));
    Invoice draft =
        new Invoice(
            UUID.randomUUID(),
            organization.id(),
            customer.id(),
            null,
            InvoiceNumber.draft(organization.documentNumberPrefix()),
            "one_off",
            InvoiceStatus.DRAFT,
            totals.paymentStatusAtFinalization(),
            totals.feesAmount().currency().code(),
            issuing,
            issuing.plusDays(netTerm),
            netTerm,
            null,
            totals,
            now,
            null,
            null,
            now,
            now);
    return invoices
        .insert(tx, draft, List.of(), fees, details, null)
        .flatMap(
            stored ->
                finalize(
                    tx,
                    draft,
                    customer,
                    InvoiceParts.ofNew(draft.id(), customer, List.of(), stored),
                    now))
        .replaceWith(draft.id());
  }

  /** Finalizes a draft of the caller's organization; 405 unless it is a draft. */
  public Uni<Void> finalize(SqlClient tx, UUID organizationId, UUID invoiceId) {
    return invoices
        .findForUpdate(tx, organizationId, invoiceId)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("invoice")))
        .flatMap(
            invoice -> {
              if (!invoice.status().isFinalizable()) {
                throw new ApiException(ErrorCode.NOT_FINALIZABLE);
              }
              return customers
                  .findById(tx, organizationId, invoice.customerId())
                  .map(c -> c.orElseThrow())
                  .flatMap(customer -> finalize(tx, invoice, customer, null, clock.instant()));
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
              if (!invoice.status().isVoidable()) {
                throw new ApiException(ErrorCode.NOT_VOIDABLE);
              }
              return changed(tx, invoices.markVoided(tx, invoice.id(), now), invoice)
                  .flatMap(voided -> publish(tx, voided));
            });
  }

  /**
   * Applies the coupons, then numbers and publishes the invoice. {@code written}: the parts of a
   * draft this transaction wrote, or null to read them; what a coupon credited is read back.
   */
  private Uni<Void> finalize(
      SqlClient tx, Invoice draft, Customer customer, InvoiceParts written, Instant clockNow) {
    Instant now = stored(clockNow);
    UUID organizationId = draft.organizationId();
    // coupons first (Lago applies them on finalization only), then the invoice as they left it
    // and what its view shows besides the header
    return coupons
        .apply(tx, draft, now)
        .flatMap(
            credited ->
                !credited && written != null
                    ? Uni.createFrom().item(Tuple2.of(draft, written))
                    : Uni.combine()
                        .all()
                        .unis(
                            invoices
                                .find(tx, organizationId, draft.id())
                                .map(found -> found.orElseThrow()),
                            views.parts(
                                tx, organizationId, List.of(draft.id()), List.of(customer.id())))
                        .asTuple())
        .flatMap(read -> number(tx, read.getItem1(), customer, read.getItem2(), now));
  }

  /**
   * An instant as the database keeps it (microseconds), so that what is published from memory is
   * what is read back later.
   */
  private static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Numbers and publishes a draft under the organization's row lock, which makes the running
   * numbers unique and is held until commit, so what follows it is one round trip of pipelined
   * statements.
   */
  private Uni<Void> number(
      SqlClient tx, Invoice draft, Customer customer, InvoiceParts parts, Instant now) {
    UUID organizationId = draft.organizationId();
    return Uni.combine()
        .all()
        .unis(
            organizations.findForUpdate(tx, organizationId),
            numbering.nextSequentialIds(tx, organizationId, customer.id()))
        .asTuple()
        .flatMap(
            locked -> {
              Organization organization = locked.getItem1().orElseThrow();
              long[] next = locked.getItem2();
              String number =
                  InvoiceNumber.forOrganization(
                      organization, customer.sequentialId(), next[0], next[1], now);
              return Uni.combine()
                  .all()
                  .unis(
                      invoices.finalize(tx, draft.id(), number, next[0], next[1], now),
                      publish(tx, draft.finalized(number, next[0], now), parts))
                  .discardItems();
            });
  }

  /** Writes a change of an invoice and reads the invoice back, in one round trip. */
  private Uni<Invoice> changed(SqlClient tx, Uni<Void> change, Invoice invoice) {
    return Uni.combine()
        .all()
        .unis(change, invoices.find(tx, invoice.organizationId(), invoice.id()))
        .asTuple()
        .map(written -> written.getItem2().orElseThrow());
  }

  private Uni<Void> publish(SqlClient tx, Invoice invoice) {
    return views
        .parts(tx, invoice.organizationId(), List.of(invoice.id()), List.of(invoice.customerId()))
        .flatMap(parts -> publish(tx, invoice, parts));
  }

  /**
   * Publishes the invoice's new state on billing.invoices and, as Lago does, the webhook of the
   * change: invoice.drafted, invoice.created (finalized) or invoice.voided.
   */
  private Uni<Void> publish(SqlClient tx, Invoice invoice, InvoiceParts parts) {
    String externalCustomerId = parts.customers().get(invoice.customerId()).externalId();
    return Uni.combine()
        .all()
        .unis(
            outbox.append(tx, InvoiceMessages.updated(invoice, externalCustomerId)),
            webhooks.enqueue(
                tx,
                invoice.organizationId(),
                webhookType(invoice.status(), invoice.invoiceType()),
                "invoice",
                payloads.invoice(invoice, parts)))
        .discardItems();
  }

  private static String webhookType(InvoiceStatus status, String invoiceType) {
    return switch (status) {
      case DRAFT -> WebhookTypes.INVOICE_DRAFTED;
      case VOIDED -> WebhookTypes.INVOICE_VOIDED;
      default ->
          "one_off".equals(invoiceType)
              ? WebhookTypes.INVOICE_ONE_OFF_CREATED
              : WebhookTypes.INVOICE_CREATED;
    };
  }
}
