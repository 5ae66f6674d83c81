package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.domain.invoice.InvoiceStatus;
import dev.billing.invoicing.domain.invoice.InvoiceTotals;
import dev.billing.invoicing.persistence.FeeRepository.ChargeDetails;
import dev.billing.invoicing.persistence.FeeRepository.StoredFee;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoices and the subscriptions they bill (tables {@code invoices}, {@code
 * invoice_subscriptions}).
 */
@ApplicationScoped
public class InvoiceRepository {

  private final FeeRepository feeRows;

  public InvoiceRepository(FeeRepository feeRows) {
    this.feeRows = feeRows;
  }

  /**
   * One subscription billed by an invoice.
   *
   * @param subscriptionId the subscription
   * @param invoicingReason subscription_periodic, subscription_starting, subscription_terminating
   * @param chargesFrom start of the usage billed, or null
   * @param chargesTo end of the usage billed, or null
   */
  public record BilledSubscription(
      UUID subscriptionId, String invoicingReason, Instant chargesFrom, Instant chargesTo) {}

  private static final String INVOICE_COLUMNS =
      "id, organization_id, customer_id, sequential_id, number, invoice_type, status,"
          + " payment_status, currency, issuing_date, payment_due_date, net_payment_term,"
          + " grace_period_ends_at, fees_amount_cents, coupons_amount_cents,"
          + " progressive_billing_credit_amount_cents, sub_total_excluding_taxes_amount_cents,"
          + " taxes_amount_cents, sub_total_including_taxes_amount_cents,"
          + " credit_notes_amount_cents, prepaid_credit_amount_cents, total_amount_cents,"
          + " billed_as_of, finalized_at, voided_at, created_at, updated_at";

  /** Inserts an invoice, the subscriptions it bills and its fees; returns the fees as stored. */
  public Uni<List<StoredFee>> insert(
      SqlClient tx,
      Invoice invoice,
      List<BilledSubscription> subscriptions,
      List<FeeLine> fees,
      Map<String, ChargeDetails> details,
      UUID subscriptionId) {
    InvoiceTotals t = invoice.totals();
    Tuple header =
        Tuple.from(
            new Object[] {
              invoice.id(),
              invoice.organizationId(),
              invoice.customerId(),
              invoice.sequentialId(),
              invoice.number(),
              invoice.invoiceType(),
              invoice.status().wireName(),
              invoice.paymentStatus(),
              invoice.currency(),
              invoice.issuingDate(),
              invoice.paymentDueDate(),
              invoice.netPaymentTerm(),
              odt(invoice.gracePeriodEndsAt()),
              t.feesAmount().minorUnits(),
              t.couponsAmount().minorUnits(),
              t.progressiveBillingCreditAmount().minorUnits(),
              t.subTotalExcludingTaxes().minorUnits(),
              t.taxesAmount().minorUnits(),
              t.subTotalIncludingTaxes().minorUnits(),
              t.creditNotesAmount().minorUnits(),
              t.prepaidCreditAmount().minorUnits(),
              t.totalAmount().minorUnits(),
              odt(invoice.billedAsOf()),
              odt(invoice.finalizedAt()),
              odt(invoice.voidedAt()),
              odt(invoice.createdAt()),
              odt(invoice.updatedAt())
            });
    // one round trip: the statements are pipelined on the transaction's connection, in order
    List<Uni<Void>> writes = new ArrayList<>();
    writes.add(
        tx.preparedQuery(
                "INSERT INTO invoices ("
                    + INVOICE_COLUMNS
                    + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
                    + " $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)")
            .execute(header)
            .replaceWithVoid());
    for (BilledSubscription s : subscriptions) {
      writes.add(
          tx.preparedQuery(
                  "INSERT INTO invoice_subscriptions (invoice_id, subscription_id,"
                      + " organization_id, invoicing_reason, charges_from, charges_to)"
                      + " VALUES ($1, $2, $3, $4, $5, $6)")
              .execute(
                  Tuple.of(
                      invoice.id(),
                      s.subscriptionId(),
                      invoice.organizationId(),
                      s.invoicingReason(),
                      odt(s.chargesFrom()),
                      odt(s.chargesTo())))
              .replaceWithVoid());
    }
    List<StoredFee> stored =
        FeeRepository.storedFees(invoice.id(), fees, details, subscriptionId, invoice.createdAt());
    writes.add(feeRows.insertFees(tx, invoice.organizationId(), stored));
    return Uni.join().all(writes).andFailFast().replaceWith(stored);
  }

  /** A draft's new fees and totals, after a refresh. */
  public Uni<Void> replaceFees(
      SqlClient tx,
      Invoice invoice,
      List<FeeLine> fees,
      Map<String, ChargeDetails> details,
      UUID subscriptionId,
      InvoiceTotals t,
      Instant now) {
    return feeRows
        .insertFees(
            tx,
            invoice.organizationId(),
            FeeRepository.storedFees(invoice.id(), fees, details, subscriptionId, now))
        .chain(
            () ->
                tx.preparedQuery(
                        "UPDATE invoices SET fees_amount_cents = $2, coupons_amount_cents = $3,"
                            + " sub_total_excluding_taxes_amount_cents = $4,"
                            + " taxes_amount_cents = $5,"
                            + " sub_total_including_taxes_amount_cents = $6,"
                            + " total_amount_cents = $7, updated_at = $8 WHERE id = $1")
                    .execute(
                        Tuple.from(
                            new Object[] {
                              invoice.id(),
                              t.feesAmount().minorUnits(),
                              t.couponsAmount().minorUnits(),
                              t.subTotalExcludingTaxes().minorUnits(),
                              t.taxesAmount().minorUnits(),
                              t.subTotalIncludingTaxes().minorUnits(),
                              t.totalAmount().minorUnits(),
                              odt(now)
                            }))
                    .replaceWithVoid());
  }

  public Uni<Optional<Invoice>> find(SqlClient client, UUID organizationId, UUID id) {
    return client
        .preparedQuery(
            "SELECT " + INVOICE_COLUMNS + " FROM invoices WHERE id = $1 AND organization_id = $2")
        .execute(Tuple.of(id, organizationId))
        .map(InvoiceRepository::first);
  }

  public Uni<Optional<Invoice>> findForUpdate(SqlClient tx, UUID organizationId, UUID id) {
    return tx.preparedQuery(
            "SELECT "
                + INVOICE_COLUMNS
                + " FROM invoices WHERE id = $1 AND organization_id = $2 FOR UPDATE")
        .execute(Tuple.of(id, organizationId))
        .map(InvoiceRepository::first);
  }

  /**
   * What to list; null fields match everything.
   *
   * @param organizationId the tenant
   * @param customerId the customer
   * @param status draft, finalized or voided
   * @param issuingDateFrom first issuing date
   * @param issuingDateTo last issuing date
   */
  public record Filter(
      UUID organizationId,
      UUID customerId,
      String status,
      LocalDate issuingDateFrom,
      LocalDate issuingDateTo) {}

  private static final String WHERE =
      " WHERE organization_id = $1 AND ($2::uuid IS NULL OR customer_id = $2)"
          + " AND ($3::text IS NULL OR status = $3)"
          + " AND ($4::date IS NULL OR issuing_date >= $4)"
          + " AND ($5::date IS NULL OR issuing_date <= $5)";

  public Uni<List<Invoice>> list(SqlClient client, Filter filter, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT "
                + INVOICE_COLUMNS
                + " FROM invoices"
                + WHERE
                + " ORDER BY created_at DESC, id LIMIT $6 OFFSET $7")
        .execute(filterTuple(filter).addInteger(limit).addLong(offset))
        .map(
            rows -> {
              List<Invoice> invoices = new ArrayList<>();
              rows.forEach(r -> invoices.add(invoice(r)));
              return invoices;
            });
  }

  public Uni<Long> count(SqlClient client, Filter filter) {
    return client
        .preparedQuery("SELECT count(*) FROM invoices" + WHERE)
        .execute(filterTuple(filter))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * A subscription billed by an invoice, as the invoice shows it.
   *
   * @param billed what was billed
   * @param externalId the subscription's external id
   * @param planCode its plan
   */
  public record BilledSubscriptionView(
      BilledSubscription billed, String externalId, String planCode) {}

  public Uni<Map<UUID, List<BilledSubscriptionView>>> subscriptionsOf(
      SqlClient client, List<UUID> invoiceIds) {
    return client
        .preparedQuery(
            "SELECT i.invoice_id, i.subscription_id, i.invoicing_reason, i.charges_from,"
                + " i.charges_to, s.external_id, s.plan_code FROM invoice_subscriptions i"
                + " JOIN subscriptions s ON s.id = i.subscription_id WHERE i.invoice_id = ANY($1)")
        .execute(Tuple.of(invoiceIds.toArray(UUID[]::new)))
        .map(
            rows -> {
              Map<UUID, List<BilledSubscriptionView>> byInvoice = new HashMap<>();
              for (Row r : rows) {
                byInvoice
                    .computeIfAbsent(r.getUUID("invoice_id"), k -> new ArrayList<>())
                    .add(
                        new BilledSubscriptionView(
                            new BilledSubscription(
                                r.getUUID("subscription_id"),
                                r.getString("invoicing_reason"),
                                instant(r.getOffsetDateTime("charges_from")),
                                instant(r.getOffsetDateTime("charges_to"))),
                            r.getString("external_id"),
                            r.getString("plan_code")));
              }
              return byInvoice;
            });
  }

  /** Finalizes a draft: its number, its sequential id, its status. */
  public Uni<Void> finalize(
      SqlClient tx,
      UUID id,
      String number,
      long sequentialId,
      long organizationSequentialId,
      Instant at) {
    return tx.preparedQuery(
            "UPDATE invoices SET status = 'finalized', number = $2, sequential_id = $3,"
                + " organization_sequential_id = $4, finalized_at = $5, updated_at = $5"
                + " WHERE id = $1")
        .execute(Tuple.of(id, number, sequentialId, organizationSequentialId, odt(at)))
        .replaceWithVoid();
  }

  /** The amounts after coupons, and the payment status they give, at finalization. */
  public Uni<Void> updateTotals(
      SqlClient tx, UUID id, InvoiceTotals t, String paymentStatus, Instant at) {
    return tx.preparedQuery(
            "UPDATE invoices SET coupons_amount_cents = $2,"
                + " sub_total_excluding_taxes_amount_cents = $3,"
                + " sub_total_including_taxes_amount_cents = $4, total_amount_cents = $5,"
                + " payment_status = $6, updated_at = $7 WHERE id = $1")
        .execute(
            Tuple.from(
                new Object[] {
                  id,
                  t.couponsAmount().minorUnits(),
                  t.subTotalExcludingTaxes().minorUnits(),
                  t.subTotalIncludingTaxes().minorUnits(),
                  t.totalAmount().minorUnits(),
                  paymentStatus,
                  odt(at)
                }))
        .replaceWithVoid();
  }

  public Uni<Void> markVoided(SqlClient tx, UUID id, Instant at) {
    return tx.preparedQuery(
            "UPDATE invoices SET status = 'voided', voided_at = $2, updated_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, odt(at)))
        .replaceWithVoid();
  }

  /** Drafts whose grace period is over. */
  public Uni<List<Invoice>> draftsDue(SqlClient client, Instant now, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + INVOICE_COLUMNS
                + " FROM invoices WHERE status = 'draft' AND grace_period_ends_at <= $1"
                + " ORDER BY grace_period_ends_at LIMIT $2")
        .execute(Tuple.of(odt(now), limit))
        .map(
            rows -> {
              List<Invoice> invoices = new ArrayList<>();
              rows.forEach(r -> invoices.add(invoice(r)));
              return invoices;
            });
  }

  private static Tuple filterTuple(Filter f) {
    return Tuple.of(
        f.organizationId(), f.customerId(), f.status(), f.issuingDateFrom(), f.issuingDateTo());
  }

  private static Optional<Invoice> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(invoice(it.next())) : Optional.empty();
  }

  private static Invoice invoice(Row r) {
    CurrencyUnit currency = Currencies.of(r.getString("currency"));
    InvoiceTotals totals =
        new InvoiceTotals(
            money(r, "fees_amount_cents", currency),
            money(r, "progressive_billing_credit_amount_cents", currency),
            money(r, "coupons_amount_cents", currency),
            money(r, "sub_total_excluding_taxes_amount_cents", currency),
            money(r, "taxes_amount_cents", currency),
            money(r, "sub_total_including_taxes_amount_cents", currency),
            money(r, "credit_notes_amount_cents", currency),
            money(r, "prepaid_credit_amount_cents", currency),
            money(r, "total_amount_cents", currency));
    return new Invoice(
        r.getUUID("id"),
        r.getUUID("organization_id"),
        r.getUUID("customer_id"),
        r.getLong("sequential_id"),
        r.getString("number"),
        r.getString("invoice_type"),
        InvoiceStatus.fromWire(r.getString("status")),
        r.getString("payment_status"),
        currency.code(),
        r.getLocalDate("issuing_date"),
        r.getLocalDate("payment_due_date"),
        r.getInteger("net_payment_term"),
        instant(r.getOffsetDateTime("grace_period_ends_at")),
        totals,
        instant(r.getOffsetDateTime("billed_as_of")),
        instant(r.getOffsetDateTime("finalized_at")),
        instant(r.getOffsetDateTime("voided_at")),
        instant(r.getOffsetDateTime("created_at")),
        instant(r.getOffsetDateTime("updated_at")));
  }

  private static Money money(Row r, String column, CurrencyUnit currency) {
    return Money.ofMinor(r.getLong(column), currency);
  }

  static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime odt) {
    return odt == null ? null : odt.toInstant();
  }
}
