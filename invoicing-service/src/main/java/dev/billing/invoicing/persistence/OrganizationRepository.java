package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.organization.LegalAddress;
import dev.billing.invoicing.domain.organization.Organization;
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
import java.util.UUID;

/** Table {@code organizations}. */
@ApplicationScoped
public class OrganizationRepository {

  private static final String COLUMNS =
      "id, revision, name, timezone, default_currency, document_number_prefix,"
          + " document_numbering, net_payment_term, invoice_grace_period, webhook_url, email,"
          + " legal_name, legal_number, tax_identification_number, address_line1, address_line2,"
          + " city, state, zipcode, country, invoice_footer, document_locale,"
          + " finalize_zero_amount_invoice, email_settings, created_at, updated_at";
  private static final String INSERT =
      "INSERT INTO organizations ("
          + COLUMNS
          + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
          + " $18, $19, $20, $21, $22, $23, $24, $25, $26)";
  private static final String UPDATE =
      "UPDATE organizations SET revision = $2, name = $3, timezone = $4, default_currency = $5,"
          + " document_number_prefix = $6, document_numbering = $7, net_payment_term = $8,"
          + " invoice_grace_period = $9, webhook_url = $10, email = $11, legal_name = $12,"
          + " legal_number = $13, tax_identification_number = $14, address_line1 = $15,"
          + " address_line2 = $16, city = $17, state = $18, zipcode = $19, country = $20,"
          + " invoice_footer = $21, document_locale = $22, finalize_zero_amount_invoice = $23,"
          + " email_settings = $24, created_at = $25, updated_at = $26"
          + " WHERE id = $1 AND revision = $2 - 1";

  public Uni<Void> insert(SqlClient tx, Organization organization) {
    return tx.preparedQuery(INSERT).execute(tuple(organization)).replaceWithVoid();
  }

  /** Writes the next revision; fails if another writer got there first. */
  public Uni<Void> update(SqlClient tx, Organization organization) {
    return tx.preparedQuery(UPDATE)
        .execute(tuple(organization))
        .invoke(
            rows -> {
              if (rows.rowCount() != 1) {
                throw new ConcurrentUpdateException("organization " + organization.id());
              }
            })
        .replaceWithVoid();
  }

  /**
   * Reads the row and locks it until the transaction ends. NO KEY UPDATE, not UPDATE: it does not
   * conflict with the KEY SHARE lock an insert referencing the organization takes, so two billings
   * of one organization (each inserts its invoice, then locks the row for the numbering) queue
   * instead of deadlocking.
   */
  public Uni<Optional<Organization>> findForUpdate(SqlClient tx, UUID id) {
    return tx.preparedQuery(
            "SELECT " + COLUMNS + " FROM organizations WHERE id = $1 FOR NO KEY UPDATE")
        .execute(Tuple.of(id))
        .map(OrganizationRepository::first);
  }

  public Uni<Optional<Organization>> find(SqlClient client, UUID id) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM organizations WHERE id = $1")
        .execute(Tuple.of(id))
        .map(OrganizationRepository::first);
  }

  public Uni<List<Organization>> list(SqlClient client, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT " + COLUMNS + " FROM organizations ORDER BY created_at, id LIMIT $1 OFFSET $2")
        .execute(Tuple.of(limit, offset))
        .map(
            rows -> {
              List<Organization> result = new ArrayList<>();
              rows.forEach(row -> result.add(map(row)));
              return result;
            });
  }

  public Uni<Long> count(SqlClient client) {
    return client
        .query("SELECT count(*) FROM organizations")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Optional<Organization> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  private static Tuple tuple(Organization o) {
    LegalAddress a = o.address();
    return Tuple.from(
        new Object[] {
          o.id(),
          o.revision(),
          o.name(),
          o.timezone(),
          o.defaultCurrency(),
          o.documentNumberPrefix(),
          o.documentNumbering(),
          o.netPaymentTerm(),
          o.invoiceGracePeriod(),
          o.webhookUrl(),
          a.email(),
          a.legalName(),
          a.legalNumber(),
          a.taxIdentificationNumber(),
          a.addressLine1(),
          a.addressLine2(),
          a.city(),
          a.state(),
          a.zipcode(),
          a.country(),
          o.invoiceFooter(),
          o.documentLocale(),
          o.finalizeZeroAmountInvoice(),
          o.emailSettings().toArray(String[]::new),
          utc(o.createdAt()),
          utc(o.updatedAt())
        });
  }

  private static Organization map(Row r) {
    return new Organization(
        r.getUUID("id"),
        r.getLong("revision"),
        r.getString("name"),
        r.getString("timezone"),
        r.getString("default_currency"),
        r.getString("document_number_prefix"),
        r.getString("document_numbering"),
        r.getInteger("net_payment_term"),
        r.getInteger("invoice_grace_period"),
        r.getString("webhook_url"),
        new LegalAddress(
            r.getString("email"),
            r.getString("legal_name"),
            r.getString("legal_number"),
            r.getString("tax_identification_number"),
            r.getString("address_line1"),
            r.getString("address_line2"),
            r.getString("city"),
            r.getString("state"),
            r.getString("zipcode"),
            r.getString("country")),
        r.getString("invoice_footer"),
        r.getString("document_locale"),
        r.getBoolean("finalize_zero_amount_invoice"),
        Arrays.asList(r.getArrayOfStrings("email_settings")),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant());
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
