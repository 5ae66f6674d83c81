package dev.billing.invoicing.persistence.coupon;

import static dev.billing.invoicing.persistence.coupon.CouponRepository.instant;
import static dev.billing.invoicing.persistence.coupon.CouponRepository.odt;

import dev.billing.invoicing.domain.coupon.AppliedCoupon;
import dev.billing.invoicing.domain.coupon.Coupon;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tables {@code applied_coupons} (a coupon applied to a customer, with the request's overrides
 * merged into its terms, and what is left of it) and {@code invoice_credits} (what it took off each
 * invoice).
 */
@ApplicationScoped
public class AppliedCouponRepository {

  /**
   * A stored applied coupon, with its coupon's code, name and limits.
   *
   * @param state the domain view: effective terms, status, what is left
   * @param organizationId the tenant
   * @param couponId the coupon
   * @param couponName the coupon's name
   * @param customerId the customer
   * @param updatedAt last changed
   * @param terminatedAt when it ended
   */
  public record StoredAppliedCoupon(
      AppliedCoupon state,
      UUID organizationId,
      UUID couponId,
      String couponName,
      UUID customerId,
      Instant updatedAt,
      Instant terminatedAt) {

    public UUID id() {
      return UUID.fromString(state.id());
    }
  }

  /**
   * A credit an applied coupon gave on an invoice.
   *
   * @param id lago_id
   * @param invoiceId the invoice
   * @param appliedCouponId the applied coupon
   * @param couponCode its coupon's code
   * @param couponName its coupon's name
   * @param amount the credit
   * @param invoicePaymentStatus the invoice's payment status
   */
  public record StoredCredit(
      UUID id,
      UUID invoiceId,
      UUID appliedCouponId,
      String couponCode,
      String couponName,
      Money amount,
      String invoicePaymentStatus) {}

  private static final String SELECT =
      "SELECT a.id, a.organization_id, a.coupon_id, a.customer_id, a.status, a.amount_cents,"
          + " a.amount_currency, a.percentage_rate, a.frequency, a.frequency_duration,"
          + " a.frequency_duration_remaining, a.amount_cents_remaining, a.created_at,"
          + " a.updated_at, a.terminated_at, c.code, c.name AS coupon_name, c.coupon_type,"
          + " c.expiration_at, c.plan_codes, c.billable_metric_codes"
          + " FROM applied_coupons a JOIN coupons c ON c.id = a.coupon_id";

  public Uni<Void> insert(
      SqlClient tx, UUID organizationId, UUID couponId, UUID customerId, AppliedCoupon a) {
    Coupon t = a.coupon();
    return tx.preparedQuery(
            "INSERT INTO applied_coupons (id, organization_id, coupon_id, customer_id, status,"
                + " amount_cents, amount_currency, percentage_rate, frequency, frequency_duration,"
                + " frequency_duration_remaining, amount_cents_remaining, created_at, updated_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)")
        .execute(
            Tuple.from(
                new Object[] {
                  UUID.fromString(a.id()),
                  organizationId,
                  couponId,
                  customerId,
                  a.status().name().toLowerCase(),
                  t.amount() == null ? null : t.amount().minorUnits(),
                  t.amount() == null ? null : t.amount().currency().code(),
                  t.percentageRate(),
                  t.frequency().wireName(),
                  t.frequencyDuration(),
                  a.frequencyDurationRemaining(),
                  a.amountRemaining() == null ? null : a.amountRemaining().minorUnits(),
                  odt(a.createdAt())
                }))
        .replaceWithVoid();
  }

  /** Records what is left of an applied coupon after an invoice (or its termination). */
  public Uni<Void> saveState(SqlClient tx, AppliedCoupon a, Instant at) {
    boolean terminated = a.status() == AppliedCoupon.Status.TERMINATED;
    return tx.preparedQuery(
            "UPDATE applied_coupons SET status = $2, frequency_duration_remaining = $3,"
                + " amount_cents_remaining = $4, updated_at = $5,"
                + " terminated_at = CASE WHEN $6 THEN COALESCE(terminated_at, $5) END"
                + " WHERE id = $1")
        .execute(
            Tuple.from(
                new Object[] {
                  UUID.fromString(a.id()),
                  a.status().name().toLowerCase(),
                  a.frequencyDurationRemaining(),
                  a.amountRemaining() == null ? null : a.amountRemaining().minorUnits(),
                  odt(at),
                  terminated
                }))
        .replaceWithVoid();
  }

  /** Ends every active application of a coupon (the coupon is deleted). */
  public Uni<Void> terminateAllOf(SqlClient tx, UUID couponId, Instant at) {
    return tx.preparedQuery(
            "UPDATE applied_coupons SET status = 'terminated', terminated_at = $2, updated_at = $2"
                + " WHERE coupon_id = $1 AND status = 'active'")
        .execute(Tuple.of(couponId, odt(at)))
        .replaceWithVoid();
  }

  public Uni<Void> terminateOne(SqlClient tx, UUID id, Instant at) {
    return tx.preparedQuery(
            "UPDATE applied_coupons SET status = 'terminated', terminated_at = $2, updated_at = $2"
                + " WHERE id = $1 AND status = 'active'")
        .execute(Tuple.of(id, odt(at)))
        .replaceWithVoid();
  }

  /** The customer's active applied coupons, locked until the transaction ends. */
  public Uni<List<StoredAppliedCoupon>> activeForUpdate(SqlClient tx, UUID customerId) {
    return tx.preparedQuery(
            SELECT
                + " WHERE a.customer_id = $1 AND a.status = 'active'"
                + " ORDER BY a.created_at, a.id FOR UPDATE OF a")
        .execute(Tuple.of(customerId))
        .map(AppliedCouponRepository::all);
  }

  /** Whether the customer ever had this coupon applied, whatever its status now. */
  public Uni<Boolean> wasApplied(SqlClient client, UUID customerId, UUID couponId) {
    return client
        .preparedQuery("SELECT 1 FROM applied_coupons WHERE customer_id = $1 AND coupon_id = $2")
        .execute(Tuple.of(customerId, couponId))
        .map(rows -> rows.size() > 0);
  }

  public Uni<Optional<StoredAppliedCoupon>> find(SqlClient client, UUID organizationId, UUID id) {
    return client
        .preparedQuery(SELECT + " WHERE a.id = $1 AND a.organization_id = $2")
        .execute(Tuple.of(id, organizationId))
        .map(rows -> all(rows).stream().findFirst());
  }

  private static final String FILTER =
      " WHERE a.organization_id = $1 AND ($2::uuid IS NULL OR a.customer_id = $2)"
          + " AND ($3::text IS NULL OR a.status = $3)";

  public Uni<List<StoredAppliedCoupon>> list(
      SqlClient client, UUID organizationId, UUID customerId, String status, int limit, long off) {
    return client
        .preparedQuery(SELECT + FILTER + " ORDER BY a.created_at DESC, a.id LIMIT $4 OFFSET $5")
        .execute(Tuple.of(organizationId, customerId, status, limit, off))
        .map(AppliedCouponRepository::all);
  }

  public Uni<Long> count(SqlClient client, UUID organizationId, UUID customerId, String status) {
    return client
        .preparedQuery("SELECT count(*) FROM applied_coupons a" + FILTER)
        .execute(Tuple.of(organizationId, customerId, status))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Uni<Void> insertCredit(
      SqlClient tx,
      UUID organizationId,
      UUID invoiceId,
      int position,
      UUID appliedCouponId,
      Money amount,
      Instant at) {
    return tx.preparedQuery(
            "INSERT INTO invoice_credits (id, organization_id, invoice_id, applied_coupon_id,"
                + " amount_cents, amount_currency, created_at, updated_at, position)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)")
        .execute(
            Tuple.from(
                new Object[] {
                  UUID.randomUUID(),
                  organizationId,
                  invoiceId,
                  appliedCouponId,
                  amount.minorUnits(),
                  amount.currency().code(),
                  odt(at),
                  position
                }))
        .replaceWithVoid();
  }

  /**
   * The credits on these invoices, or given by these applied coupons: invoice by invoice (oldest
   * first), each in the order its coupons were applied.
   */
  public Uni<List<StoredCredit>> credits(
      SqlClient client, List<UUID> invoiceIds, List<UUID> appliedCouponIds) {
    return client
        .preparedQuery(
            "SELECT k.id, k.invoice_id, k.applied_coupon_id, k.amount_cents, k.amount_currency,"
                + " c.code, c.name, i.payment_status FROM invoice_credits k"
                + " JOIN applied_coupons a ON a.id = k.applied_coupon_id"
                + " JOIN coupons c ON c.id = a.coupon_id JOIN invoices i ON i.id = k.invoice_id"
                + " WHERE k.invoice_id = ANY($1) OR k.applied_coupon_id = ANY($2)"
                + " ORDER BY i.issuing_date, i.created_at, i.id, k.position")
        .execute(Tuple.of(invoiceIds.toArray(UUID[]::new), appliedCouponIds.toArray(UUID[]::new)))
        .map(
            rows -> {
              List<StoredCredit> credits = new ArrayList<>();
              for (Row r : rows) {
                credits.add(
                    new StoredCredit(
                        r.getUUID("id"),
                        r.getUUID("invoice_id"),
                        r.getUUID("applied_coupon_id"),
                        r.getString("code"),
                        r.getString("name"),
                        Money.ofMinor(r.getLong("amount_cents"), r.getString("amount_currency")),
                        r.getString("payment_status")));
              }
              return credits;
            });
  }

  private static List<StoredAppliedCoupon> all(RowSet<Row> rows) {
    List<StoredAppliedCoupon> result = new ArrayList<>();
    for (Row r : rows) {
      Coupon terms = CouponRepository.terms(r, r.getString("code"));
      Long remaining = r.getLong("amount_cents_remaining");
      AppliedCoupon state =
          new AppliedCoupon(
              r.getUUID("id").toString(),
              terms,
              "active".equals(r.getString("status"))
                  ? AppliedCoupon.Status.ACTIVE
                  : AppliedCoupon.Status.TERMINATED,
              remaining == null ? null : Money.ofMinor(remaining, r.getString("amount_currency")),
              r.getInteger("frequency_duration_remaining"),
              instant(r.getOffsetDateTime("created_at")));
      result.add(
          new StoredAppliedCoupon(
              state,
              r.getUUID("organization_id"),
              r.getUUID("coupon_id"),
              r.getString("coupon_name"),
              r.getUUID("customer_id"),
              instant(r.getOffsetDateTime("updated_at")),
              instant(r.getOffsetDateTime("terminated_at"))));
    }
    return result;
  }
}
