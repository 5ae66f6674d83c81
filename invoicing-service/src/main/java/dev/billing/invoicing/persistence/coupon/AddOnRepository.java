package dev.billing.invoicing.persistence.coupon;

import dev.billing.invoicing.domain.addon.AddOn;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code add_ons}: live rows only ({@code deleted_at} null); every query is per tenant. */
@ApplicationScoped
public class AddOnRepository {

  private static final String COLUMNS =
      "id, organization_id, code, name, invoice_display_name, description, amount_cents,"
          + " amount_currency, created_at, updated_at";

  public Uni<Void> insert(SqlClient tx, AddOn a) {
    return tx.preparedQuery(
            "INSERT INTO add_ons ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        .execute(tuple(a))
        .replaceWithVoid();
  }

  public Uni<Void> update(SqlClient tx, AddOn a) {
    return tx.preparedQuery(
            "UPDATE add_ons SET code = $3, name = $4, invoice_display_name = $5, description = $6,"
                + " amount_cents = $7, amount_currency = $8, created_at = $9, updated_at = $10"
                + " WHERE id = $1 AND organization_id = $2")
        .execute(tuple(a))
        .replaceWithVoid();
  }

  public Uni<Void> delete(SqlClient tx, UUID id, Instant at) {
    return tx.preparedQuery("UPDATE add_ons SET deleted_at = $2, updated_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  public Uni<Optional<AddOn>> find(SqlClient client, UUID organizationId, String code) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM add_ons WHERE organization_id = $1 AND code = $2 AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId, code))
        .map(rows -> all(rows).stream().findFirst());
  }

  public Uni<List<AddOn>> list(SqlClient client, UUID organizationId, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM add_ons WHERE organization_id = $1 AND deleted_at IS NULL"
                + " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
        .execute(Tuple.of(organizationId, limit, offset))
        .map(AddOnRepository::all);
  }

  public Uni<Long> count(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery(
            "SELECT count(*) FROM add_ons WHERE organization_id = $1 AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Tuple tuple(AddOn a) {
    return Tuple.from(
        new Object[] {
          a.id(),
          a.organizationId(),
          a.code(),
          a.name(),
          a.invoiceDisplayName(),
          a.description(),
          a.amount().minorUnits(),
          a.amount().currency().code(),
          a.createdAt().atOffset(ZoneOffset.UTC),
          a.updatedAt().atOffset(ZoneOffset.UTC)
        });
  }

  private static List<AddOn> all(RowSet<Row> rows) {
    List<AddOn> result = new ArrayList<>();
    for (Row r : rows) {
      result.add(
          new AddOn(
              r.getUUID("id"),
              r.getUUID("organization_id"),
              r.getString("code"),
              r.getString("name"),
              r.getString("invoice_display_name"),
              r.getString("description"),
              Money.ofMinor(r.getLong("amount_cents"), r.getString("amount_currency")),
              r.getOffsetDateTime("created_at").toInstant(),
              r.getOffsetDateTime("updated_at").toInstant()));
    }
    return result;
  }
}
