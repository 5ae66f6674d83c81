package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.FeeType;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invoices' fees (table {@code fees}): written with their invoice, read for views and billing. */
@ApplicationScoped
public class FeeRepository {

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

  private static final String FEE_COLUMNS =
      "id, invoice_id, subscription_id, fee_type, fee_key, charge_id, charge_filter_id,"
          + " grouped_by, billable_metric_code, invoice_display_name, description, units,"
          + " events_count, amount_cents, precise_amount, currency, period_from, period_to,"
          + " add_on_code, precise_coupons_amount, created_at";

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
  static List<StoredFee> storedFees(
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
  Uni<Void> insertFees(SqlClient tx, UUID organizationId, List<StoredFee> fees) {
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
                  InvoiceRepository.odt(fees.get(0).createdAt()),
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

  /** Every fee line billed to a subscription, on invoices that are not voided. */
  public Uni<List<FeeLine>> billedLines(SqlClient client, UUID subscriptionId) {
    return client
        .preparedQuery(
            "SELECT f.* FROM fees f JOIN invoices i ON i.id = f.invoice_id"
                + " WHERE f.subscription_id = $1 AND i.status <> 'voided'")
        .execute(Tuple.of(subscriptionId))
        .map(rows -> fees(rows).stream().map(StoredFee::line).toList());
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
              InvoiceRepository.instant(r.getOffsetDateTime("created_at"))));
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
}
