package dev.billing.invoicing.persistence;

import static dev.billing.invoicing.persistence.OrganizationRepository.utc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.customer.CustomerBilling;
import dev.billing.invoicing.domain.customer.CustomerMetadata;
import dev.billing.invoicing.domain.organization.LegalAddress;
import dev.billing.platform.contracts.MessageCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code customers}; every query is scoped to one organization. */
@ApplicationScoped
public class CustomerRepository {

  private static final String COLUMNS =
      "id, organization_id, revision, external_id, sequential_id, name, email, currency, timezone,"
          + " legal_name, legal_number, tax_identification_number, address_line1, address_line2,"
          + " city, state, zipcode, country, payment_provider, provider_customer_id,"
          + " invoice_grace_period, net_payment_term, metadata, deleted_at, created_at, updated_at";
  private static final String UPSERT =
      "INSERT INTO customers AS c ("
          + COLUMNS
          + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
          + " $18, $19, $20, $21, $22, $23::jsonb, $24, $25, $26)"
          + " ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, name = excluded.name,"
          + " email = excluded.email, currency = excluded.currency, timezone = excluded.timezone,"
          + " legal_name = excluded.legal_name, legal_number = excluded.legal_number,"
          + " tax_identification_number = excluded.tax_identification_number,"
          + " address_line1 = excluded.address_line1, address_line2 = excluded.address_line2,"
          + " city = excluded.city, state = excluded.state, zipcode = excluded.zipcode,"
          + " country = excluded.country, payment_provider = excluded.payment_provider,"
          + " provider_customer_id = excluded.provider_customer_id,"
          + " invoice_grace_period = excluded.invoice_grace_period,"
          + " net_payment_term = excluded.net_payment_term, metadata = excluded.metadata,"
          + " deleted_at = excluded.deleted_at, updated_at = excluded.updated_at"
          + " WHERE c.revision = excluded.revision - 1";
  private static final TypeReference<List<CustomerMetadata>> METADATA = new TypeReference<>() {};

  /** Inserts a new customer or writes the next revision of one; fails on a lost update. */
  public Uni<Void> save(SqlClient tx, Customer customer) {
    return tx.preparedQuery(UPSERT)
        .execute(tuple(customer))
        .invoke(
            rows -> {
              if (rows.rowCount() != 1) {
                throw new ConcurrentUpdateException("customer " + customer.id());
              }
            })
        .replaceWithVoid();
  }

  /** The live customer with this external id, locked until the transaction ends. */
  public Uni<Optional<Customer>> findForUpdate(
      SqlClient tx, UUID organizationId, String externalId) {
    return tx.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM customers WHERE organization_id = $1 AND external_id = $2"
                + " AND deleted_at IS NULL FOR UPDATE")
        .execute(Tuple.of(organizationId, externalId))
        .map(CustomerRepository::first);
  }

  public Uni<Optional<Customer>> find(SqlClient client, UUID organizationId, String externalId) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM customers WHERE organization_id = $1 AND external_id = $2"
                + " AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId, externalId))
        .map(CustomerRepository::first);
  }

  public Uni<Optional<Customer>> findById(SqlClient client, UUID organizationId, UUID id) {
    return client
        .preparedQuery(
            "SELECT " + COLUMNS + " FROM customers WHERE organization_id = $1 AND id = $2")
        .execute(Tuple.of(organizationId, id))
        .map(CustomerRepository::first);
  }

  /** Customers by id (deleted ones included: their invoices still show them). */
  public Uni<java.util.Map<UUID, Customer>> byIds(
      SqlClient client, UUID organizationId, List<UUID> ids) {
    return client
        .preparedQuery(
            "SELECT " + COLUMNS + " FROM customers WHERE organization_id = $1 AND id = ANY($2)")
        .execute(Tuple.of(organizationId, ids.toArray(UUID[]::new)))
        .map(
            rows -> {
              java.util.Map<UUID, Customer> byId = new java.util.HashMap<>();
              rows.forEach(r -> byId.put(r.getUUID("id"), map(r)));
              return byId;
            });
  }

  public Uni<List<Customer>> list(SqlClient client, UUID organizationId, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM customers WHERE organization_id = $1 AND deleted_at IS NULL"
                + " ORDER BY created_at DESC, sequential_id DESC LIMIT $2 OFFSET $3")
        .execute(Tuple.of(organizationId, limit, offset))
        .map(
            rows -> {
              List<Customer> result = new ArrayList<>();
              rows.forEach(row -> result.add(map(row)));
              return result;
            });
  }

  public Uni<Long> count(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery(
            "SELECT count(*) FROM customers WHERE organization_id = $1 AND deleted_at IS NULL")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The next sequential id of the organization (call with the organization row locked). */
  public Uni<Long> nextSequentialId(SqlClient tx, UUID organizationId) {
    return tx.preparedQuery(
            "SELECT COALESCE(max(sequential_id), 0) + 1 FROM customers WHERE organization_id = $1")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Optional<Customer> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  private static Tuple tuple(Customer c) {
    LegalAddress a = c.address();
    CustomerBilling b = c.billing();
    return Tuple.from(
        new Object[] {
          c.id(),
          c.organizationId(),
          c.revision(),
          c.externalId(),
          c.sequentialId(),
          c.name(),
          a.email(),
          c.currency(),
          c.timezone(),
          a.legalName(),
          a.legalNumber(),
          a.taxIdentificationNumber(),
          a.addressLine1(),
          a.addressLine2(),
          a.city(),
          a.state(),
          a.zipcode(),
          a.country(),
          b.paymentProvider(),
          b.providerCustomerId(),
          b.invoiceGracePeriod(),
          b.netPaymentTerm(),
          MessageCodec.encode(c.metadata()),
          c.deletedAt() == null ? null : utc(c.deletedAt()),
          utc(c.createdAt()),
          utc(c.updatedAt())
        });
  }

  private static Customer map(Row r) {
    OffsetDateTime deleted = r.getOffsetDateTime("deleted_at");
    List<CustomerMetadata> metadata;
    try {
      metadata = MessageCodec.mapper().readValue(r.getValue("metadata").toString(), METADATA);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable metadata of customer " + r.getUUID("id"), e);
    }
    return new Customer(
        r.getUUID("id"),
        r.getUUID("organization_id"),
        r.getLong("revision"),
        r.getString("external_id"),
        r.getLong("sequential_id"),
        r.getString("name"),
        r.getString("currency"),
        r.getString("timezone"),
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
        new CustomerBilling(
            r.getString("payment_provider"),
            r.getString("provider_customer_id"),
            r.getInteger("invoice_grace_period"),
            r.getInteger("net_payment_term")),
        metadata,
        deleted == null ? null : deleted.toInstant(),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant());
  }
}
