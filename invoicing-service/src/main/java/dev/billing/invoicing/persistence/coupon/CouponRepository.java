package dev.billing.invoicing.persistence.coupon;

import dev.billing.invoicing.domain.coupon.Coupon;
import dev.billing.invoicing.domain.coupon.CouponFrequency;
import dev.billing.invoicing.domain.coupon.CouponType;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Table {@code coupons}: live rows only ({@code deleted_at} null); every query is per tenant. */
@ApplicationScoped
public class CouponRepository {

  /**
   * A stored coupon.
   *
   * @param id lago_id
   * @param organizationId the tenant
   * @param name its name
   * @param description or null
   * @param terms code, kind, amount or rate, frequency, expiry and limits
   * @param reusable whether a customer may have it applied more than once
   * @param status active or terminated
   * @param terminatedAt when terminated
   * @param createdAt created
   * @param updatedAt last changed
   */
  public record StoredCoupon(
      UUID id,
      UUID organizationId,
      String name,
      String description,
      Coupon terms,
      boolean reusable,
      String status,
      Instant terminatedAt,
      Instant createdAt,
      Instant updatedAt) {

    public boolean isActive() {
      return "active".equals(status);
    }
  }

  private static final String COLUMNS =
      "id, organization_id, code, name, description, coupon_type, amount_cents, amount_currency,"
          + " percentage_rate, frequency, frequency_duration, expiration, expiration_at, reusable,"
          + " plan_codes, billable_metric_codes, status, terminated_at, created_at, updated_at";

  public Uni<Void> insert(SqlClient tx, StoredCoupon c) {
    return tx.preparedQuery(
            "INSERT INTO coupons ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
                + " $16, $17, $18, $19, $20)")
        .execute(tuple(c))
        .replaceWithVoid();
  }

  public Uni<Void> update(SqlClient tx, StoredCoupon c) {
    return tx.preparedQuery(
            "UPDATE coupons SET code = $3, name = $4, description = $5, coupon_type = $6,"
                + " amount_cents = $7, amount_currency = $8, percentage_rate = $9, frequency = $10,"
                + " frequency_duration = $11, expiration = $12, expiration_at = $13, reusable ="
                + " $14, plan_codes = $15, billable_metric_codes = $16, status = $17,"
                + " terminated_at = $18, created_at = $19, updated_at = $20 WHERE id = $1 AND organization_id = $2")
        .execute(tuple(c))
        .replaceWithVoid();
  }

  /** Deletes a coupon (kept for the applied coupons and credits that name it), terminated. */
  public Uni<Void> delete(SqlClient tx, UUID id, Instant at) {
    return tx.preparedQuery(
            "UPDATE coupons SET deleted_at = $2, updated_at = $2, status = 'terminated',"
                + " terminated_at = COALESCE(terminated_at, $2) WHERE id = $1")
        .execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  public Uni<Optional<StoredCoupon>> find(SqlClient client, UUID organizationId, String code) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM coupons WHERE organization_id = $1 AND code = $2 AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId, code))
        .map(rows -> all(rows).stream().findFirst());
  }

  public Uni<List<StoredCoupon>> list(
      SqlClient client, UUID organizationId, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM coupons WHERE organization_id = $1 AND deleted_at IS NULL"
                + " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
        .execute(Tuple.of(organizationId, limit, offset))
        .map(CouponRepository::all);
  }

  public Uni<Long> count(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery(
            "SELECT count(*) FROM coupons WHERE organization_id = $1 AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Whether the coupon was ever applied to a customer. */
  public Uni<Boolean> isApplied(SqlClient client, UUID couponId) {
    return client
        .preparedQuery("SELECT 1 FROM applied_coupons WHERE coupon_id = $1 LIMIT 1")
        .execute(Tuple.of(couponId))
        .map(rows -> rows.size() > 0);
  }

  /** The codes among {@code codes} that are not live plans of the organization. */
  public Uni<Set<String>> unknownPlanCodes(
      SqlClient client, UUID organizationId, Set<String> codes) {
    if (codes.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    return client
        .preparedQuery(
            "SELECT c FROM unnest($2::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM plans p"
                + " WHERE p.organization_id = $1 AND p.code = c AND NOT p.deleted)")
        .execute(Tuple.of(organizationId, codes.toArray(String[]::new)))
        .map(
            rows -> {
              Set<String> unknown = new java.util.HashSet<>();
              rows.forEach(r -> unknown.add(r.getString(0)));
              return unknown;
            });
  }

  private static Tuple tuple(StoredCoupon c) {
    Coupon t = c.terms();
    return Tuple.from(
        new Object[] {
          c.id(),
          c.organizationId(),
          t.code(),
          c.name(),
          c.description(),
          t.type().wireName(),
          t.amount() == null ? null : t.amount().minorUnits(),
          t.amount() == null ? null : t.amount().currency().code(),
          t.percentageRate(),
          t.frequency().wireName(),
          t.frequencyDuration(),
          t.expirationAt() == null ? "no_expiration" : "time_limit",
          odt(t.expirationAt()),
          c.reusable(),
          t.planCodes().stream().sorted().toArray(String[]::new),
          t.billableMetricCodes().stream().sorted().toArray(String[]::new),
          c.status(),
          odt(c.terminatedAt()),
          odt(c.createdAt()),
          odt(c.updatedAt())
        });
  }

  private static List<StoredCoupon> all(RowSet<Row> rows) {
    List<StoredCoupon> result = new ArrayList<>();
    for (Row r : rows) {
      result.add(
          new StoredCoupon(
              r.getUUID("id"),
              r.getUUID("organization_id"),
              r.getString("name"),
              r.getString("description"),
              terms(r, r.getString("code")),
              r.getBoolean("reusable"),
              r.getString("status"),
              instant(r.getOffsetDateTime("terminated_at")),
              instant(r.getOffsetDateTime("created_at")),
              instant(r.getOffsetDateTime("updated_at"))));
    }
    return result;
  }

  /** The terms in a row with the columns of {@code coupons} (or the same names). */
  static Coupon terms(Row r, String code) {
    Long cents = r.getLong("amount_cents");
    return new Coupon(
        code,
        couponType(r.getString("coupon_type")),
        cents == null ? null : Money.ofMinor(cents, r.getString("amount_currency")),
        r.getBigDecimal("percentage_rate"),
        frequency(r.getString("frequency")),
        r.getInteger("frequency_duration"),
        instant(r.getOffsetDateTime("expiration_at")),
        Set.copyOf(Arrays.asList(r.getArrayOfStrings("plan_codes"))),
        Set.copyOf(Arrays.asList(r.getArrayOfStrings("billable_metric_codes"))));
  }

  static CouponType couponType(String wire) {
    return Arrays.stream(CouponType.values())
        .filter(t -> t.wireName().equals(wire))
        .findFirst()
        .orElseThrow();
  }

  static CouponFrequency frequency(String wire) {
    return Arrays.stream(CouponFrequency.values())
        .filter(f -> f.wireName().equals(wire))
        .findFirst()
        .orElseThrow();
  }

  static OffsetDateTime odt(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime odt) {
    return odt == null ? null : odt.toInstant();
  }
}
