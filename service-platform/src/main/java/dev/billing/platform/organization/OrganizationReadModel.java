package dev.billing.platform.organization;

import dev.billing.platform.auth.ApiKeyAuthenticator;
import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.OrganizationMessage;
import dev.billing.platform.contracts.UndecodableMessageException;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps every service's copy of organizations and their API-key hashes ({@code
 * organization_read_model}, {@code api_key_read_model}) up to date from {@code
 * billing.organizations}. A message carries the whole state; an older revision than the one held is
 * ignored, so a late or replayed message cannot bring back a rotated key.
 */
@ApplicationScoped
public class OrganizationReadModel implements MessageHandler<OrganizationMessage> {

  public static final String NAME = "organization-read-model";

  private static final String UPSERT =
      "INSERT INTO organization_read_model (organization_id, revision, name, timezone,"
          + " default_currency, settings, updated_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)"
          + " ON CONFLICT (organization_id) DO UPDATE SET revision = excluded.revision,"
          + " name = excluded.name, timezone = excluded.timezone,"
          + " default_currency = excluded.default_currency, settings = excluded.settings,"
          + " updated_at = excluded.updated_at"
          + " WHERE organization_read_model.revision < excluded.revision";
  private static final String DELETE_KEYS =
      "DELETE FROM api_key_read_model WHERE organization_id = $1";
  private static final String INSERT_KEYS =
      "INSERT INTO api_key_read_model (key_hash, organization_id)"
          + " SELECT h, $1 FROM unnest($2::varchar[]) AS h ON CONFLICT (key_hash) DO NOTHING";

  private final ApiKeyAuthenticator authenticator;

  public OrganizationReadModel(ApiKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String topic() {
    return Topics.ORGANIZATIONS;
  }

  @Override
  public OrganizationMessage decode(InboundMessage message) {
    if (message.type() != null && !OrganizationMessage.TYPE.equals(message.type())) {
      throw new UndecodableMessageException("unexpected type " + message.type(), null);
    }
    OrganizationMessage organization =
        MessageCodec.decode(message.value(), OrganizationMessage.class);
    if (organization.organizationId() == null || organization.name() == null) {
      throw new UndecodableMessageException("organization_id and name are required", null);
    }
    return organization;
  }

  @Override
  public Uni<Void> apply(SqlConnection transaction, List<Decoded<OrganizationMessage>> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .onItem()
        .transformToUniAndConcatenate(m -> applyOne(transaction, m.value()))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> applyOne(SqlConnection tx, OrganizationMessage org) {
    Tuple row =
        Tuple.from(
            new Object[] {
              org.organizationId(),
              org.revision(),
              org.name(),
              org.timezone(),
              org.defaultCurrency(),
              MessageCodec.encode(org),
              org.updatedAt() == null ? null : org.updatedAt().atOffset(ZoneOffset.UTC)
            });
    return tx.preparedQuery(UPSERT)
        .execute(row)
        .flatMap(
            upserted ->
                upserted.rowCount() == 0 ? Uni.createFrom().voidItem() : replaceKeys(tx, org));
  }

  private Uni<Void> replaceKeys(SqlConnection tx, OrganizationMessage org) {
    String[] hashes =
        org.apiKeyHashes() == null ? new String[0] : org.apiKeyHashes().toArray(String[]::new);
    return tx.preparedQuery(DELETE_KEYS)
        .execute(Tuple.of(org.organizationId()))
        .flatMap(
            deleted ->
                tx.preparedQuery(INSERT_KEYS).execute(Tuple.of(org.organizationId(), hashes)))
        .replaceWithVoid();
  }

  @Override
  public void afterCommit(List<Decoded<OrganizationMessage>> messages) {
    messages.forEach(m -> authenticator.evict(m.value().organizationId()));
  }
}
