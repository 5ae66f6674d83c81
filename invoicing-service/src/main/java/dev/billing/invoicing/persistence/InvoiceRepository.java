package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.FeeType;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.domain.invoice.InvoiceStatus;
import dev.billing.invoicing.domain.invoice.InvoiceTotals;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Invoices, their fees and the subscriptions they bill (tables {@code invoices}, {@code fees}). */
@ApplicationScoped
public class InvoiceRepository {

  /**
   * A stored fee.
   *
   * @param id lago_id
   * @param invoiceId its invoice
   * @param subscriptionId the subscription billed, or null
   * @param line the fee line
   * @param eventsCount events priced
   * @param billableMetricCode the metric of a charge fee
   * @param invoiceDisplayName the charge's or filter's label
   * @param addOnCode the add-on billed, for add-on fees
   * @param preciseCouponsAmount the fee's share of coupon credits, in major units
   * @param createdAt created
   */
  public record StoredFee(
      UUID id,
      UUID invoiceId,
      UUID subscriptionId,
      FeeLine line,
      long eventsCount,
      String billableMetricCode,
      String invoiceDisplayName,
      String addOnCode,
      java.math.BigDecimal preciseCouponsAmount,
      Instant createdAt) {}

  /**
   * What a charge fee shows beyond its line.
   *
   * @param eventsCount events priced
   * @param billableMetricCode its metric
   * @param invoiceDisplayName the charge's or filter's label
   */
  public record ChargeDetails(
      long eventsCount, String billableMetricCode, String invoiceDisplayName, String addOnCode) {

    public ChargeDetails(long eventsCount, String billableMetricCode, String invoiceDisplayName) {
      this(eventsCount, billableMetricCode, invoiceDisplayName, null);
    }

    /** What an add-on fee shows: the add-on's code and the label. */
    public static ChargeDetails addOn(String code, String invoiceDisplayName) {
      return new ChargeDetails(0, null, invoiceDisplayName, code);
    }
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
  private static final String FEE_COLUMNS =
      "id, invoice_id, subscription_id, fee_type, fee_key, charge_id, charge_filter_id,"
          + " grouped_by, billable_metric_code, invoice_display_name, description, units,"
          + " events_count, amount_cents, precise_amount, currency, period_from, period_to,"
          + " add_on_code, precise_coupons_amount, created_at";

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
        storedFees(invoice.id(), fees, details, subscriptionId, invoice.createdAt());
    writes.add(insertFees(tx, invoice.organizationId(), stored));
    return Uni.join().all(writes).andFailFast().replaceWith(stored);
  }

  /**
   * The order an invoice's fees are shown in: subscription fee, charges, commitment, then the rest;
   * by key within a kind. Fees read ({@link #feesOf}) and fees just written are put in this order.
   */
  public static final Comparator<StoredFee> VIEW_ORDER =
      Comparator.<StoredFee>comparingInt(f -> viewRank(f.line().type()))
          .thenComparing(StoredFee::createdAt)
          .thenComparing(f -> f.line().key());

  private static int viewRank(FeeType type) {
    return switch (type) {
      case SUBSCRIPTION -> 0;
      case CHARGE -> 1;
      case COMMITMENT -> 2;
      default -> 3;
    };
  }

  /** New fees as the database will keep them, in {@link #VIEW_ORDER}. */
  private static List<StoredFee> storedFees(
      UUID invoiceId,
      List<FeeLine> fees,
      Map<String, ChargeDetails> details,
      UUID subscriptionId,
      Instant createdAt) {
    List<StoredFee> stored = new ArrayList<>(fees.size());
    for (FeeLine line : fees) {
      ChargeDetails d = details.getOrDefault(line.key(), new ChargeDetails(0, null, null, null));
      stored.add(
          new StoredFee(
              UUID.randomUUID(),
              invoiceId,
              subscriptionId,
              line,
              d.eventsCount(),
              d.billableMetricCode(),
              d.invoiceDisplayName(),
              d.addOnCode(),
              BigDecimal.ZERO,
              createdAt));
    }
    stored.sort(VIEW_ORDER);
    return stored;
  }

  private static final String INSERT_FEES =
      "INSERT INTO fees (id, organization_id, invoice_id, subscription_id, fee_type, fee_key,"
          + " charge_id, charge_filter_id, grouped_by, billable_metric_code, invoice_display_name,"
          + " description, units, events_count, amount_cents, precise_amount, currency,"
          + " period_from, period_to, created_at, add_on_code)"
          + " SELECT id, $2, $3, $4, fee_type, fee_key, charge_id, charge_filter_id,"
          + " grouped_by::jsonb, metric, label, description, units::numeric, events_count,"
          + " amount_cents, precise_amount::numeric, currency, period_from, period_to, $5, add_on"
          + " FROM unnest($1::uuid[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[],"
          + " $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::bigint[],"
          + " $17::text[], $18::text[], $19::date[], $20::date[], $21::text[])"
          + " AS f(id, fee_type, fee_key, charge_id, charge_filter_id, grouped_by, metric, label,"
          + " description, units, events_count, amount_cents, precise_amount, currency,"
          + " period_from, period_to, add_on)";

  /** Inserts an invoice's fees with one statement. */
  private Uni<Void> insertFees(SqlClient tx, UUID organizationId, List<StoredFee> fees) {
    if (fees.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = fees.size();
    UUID[] ids = new UUID[n];
    String[] types = new String[n];
    String[] keys = new String[n];
    UUID[] chargeIds = new UUID[n];
    String[] filterIds = new String[n];
    String[] groupedBy = new String[n];
    String[] metrics = new String[n];
    String[] labels = new String[n];
    String[] descriptions = new String[n];
    String[] units = new String[n];
    Long[] eventsCounts = new Long[n];
    Long[] amounts = new Long[n];
    String[] preciseAmounts = new String[n];
    String[] currencies = new String[n];
    LocalDate[] froms = new LocalDate[n];
    LocalDate[] tos = new LocalDate[n];
    String[] addOns = new String[n];
    for (int i = 0; i < n; i++) {
      StoredFee fee = fees.get(i);
      FeeLine line = fee.line();
      ids[i] = fee.id();
      types[i] = line.type().wireName();
      keys[i] = line.key();
      chargeIds[i] = line.chargeId() == null ? null : UUID.fromString(line.chargeId());
      filterIds[i] = line.chargeFilterId();
      groupedBy[i] = new JsonObject(new LinkedHashMap<String, Object>(line.groupedBy())).encode();
      metrics[i] = fee.billableMetricCode();
      labels[i] = fee.invoiceDisplayName();
      descriptions[i] = line.description();
      units[i] = line.units().toPlainString();
      eventsCounts[i] = fee.eventsCount();
      amounts[i] = line.amount().minorUnits();
      preciseAmounts[i] = line.preciseAmount().toPlainString();
      currencies[i] = line.currency().code();
      froms[i] = line.periodFrom();
      tos[i] = line.periodTo();
      addOns[i] = fee.addOnCode();
    }
    return tx.preparedQuery(INSERT_FEES)
        .execute(
            Tuple.from(
                new Object[] {
                  ids,
                  organizationId,
                  fees.get(0).invoiceId(),
                  fees.get(0).subscriptionId(),
                  odt(fees.get(0).createdAt()),
                  types,
                  keys,
                  chargeIds,
                  filterIds,
                  groupedBy,
                  metrics,
                  labels,
                  descriptions,
                  units,
                  eventsCounts,
                  amounts,
                  preciseAmounts,
                  currencies,
                  froms,
                  tos,
                  addOns
                }))
        .replaceWithVoid();
  }

  public Uni<Void> deleteFees(SqlClient tx, UUID invoiceId) {
    return tx.preparedQuery("DELETE FROM fees WHERE invoice_id = $1")
        .execute(Tuple.of(invoiceId))
        .replaceWithVoid();
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
    return insertFees(
            tx,
            invoice.organizationId(),
            storedFees(invoice.id(), fees, details, subscriptionId, now))
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

  /** Every fee line billed to a subscription, on invoices that are not voided. */
  public Uni<List<FeeLine>> billedLines(SqlClient client, UUID subscriptionId) {
    return client
        .preparedQuery(
            "SELECT f.* FROM fees f JOIN invoices i ON i.id = f.invoice_id"
                + " WHERE f.subscription_id = $1 AND i.status <> 'voided'")
        .execute(Tuple.of(subscriptionId))
        .map(rows -> fees(rows).stream().map(StoredFee::line).toList());
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

  public Uni<List<StoredFee>> feesOf(SqlClient client, List<UUID> invoiceIds) {
    return client
        .preparedQuery("SELECT " + FEE_COLUMNS + " FROM fees WHERE invoice_id = ANY($1)")
        .execute(Tuple.of(invoiceIds.toArray(UUID[]::new)))
        .map(
            rows -> {
              List<StoredFee> fees = fees(rows);
              fees.sort(VIEW_ORDER);
              return fees;
            });
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

  /** Each fee's share of the coupon credits (Lago's {@code precise_coupons_amount_cents}). */
  public Uni<Void> setPreciseCoupons(
      SqlClient tx, UUID invoiceId, Map<String, java.math.BigDecimal> byFeeKey) {
    if (byFeeKey.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> rows = new ArrayList<>();
    byFeeKey.forEach((key, amount) -> rows.add(Tuple.of(invoiceId, key, amount)));
    return tx.preparedQuery(
            "UPDATE fees SET precise_coupons_amount = $3 WHERE invoice_id = $1 AND fee_key = $2")
        .executeBatch(rows)
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

  static List<StoredFee> fees(RowSet<Row> rows) {
    List<StoredFee> fees = new ArrayList<>();
    for (Row r : rows) {
      CurrencyUnit currency = Currencies.of(r.getString("currency"));
      Map<String, String> groupedBy = new LinkedHashMap<>();
      JsonObject grouped = r.getJsonObject("grouped_by");
      if (grouped != null) {
        grouped.forEach(
            e -> groupedBy.put(e.getKey(), e.getValue() == null ? null : e.getValue().toString()));
      }
      UUID chargeId = r.getUUID("charge_id");
      FeeLine line =
          new FeeLine(
              feeType(r.getString("fee_type")),
              r.getString("fee_key"),
              r.getBigDecimal("units"),
              r.getBigDecimal("precise_amount"),
              Money.ofMinor(r.getLong("amount_cents"), currency),
              r.getString("description"),
              r.getLocalDate("period_from"),
              r.getLocalDate("period_to"),
              chargeId == null ? null : chargeId.toString(),
              r.getString("charge_filter_id"),
              groupedBy);
      fees.add(
          new StoredFee(
              r.getUUID("id"),
              r.getUUID("invoice_id"),
              r.getUUID("subscription_id"),
              line,
              r.getLong("events_count"),
              r.getString("billable_metric_code"),
              r.getString("invoice_display_name"),
              r.getString("add_on_code"),
              r.getBigDecimal("precise_coupons_amount"),
              instant(r.getOffsetDateTime("created_at"))));
    }
    return fees;
  }

  private static FeeType feeType(String wire) {
    for (FeeType type : FeeType.values()) {
      if (type.wireName().equals(wire)) {
        return type;
      }
    }
    throw new IllegalStateException("unknown fee type " + wire);
  }

  private static Money money(Row r, String column, CurrencyUnit currency) {
    return Money.ofMinor(r.getLong(column), currency);
  }

  static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime odt) {
    return odt == null ? null : odt.toInstant();
  }
}
