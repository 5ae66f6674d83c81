package dev.billing.invoicing.persistence;

import dev.billing.platform.auth.ApiKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code api_keys}: hashes of keys, never the keys. */
@ApplicationScoped
public class ApiKeyRepository {

  public Uni<Void> insert(SqlClient tx, UUID organizationId, String apiKey, Instant now) {
    return tx.preparedQuery(
            "INSERT INTO api_keys (id, organization_id, key_hash, key_preview, created_at,"
                + " updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
        .execute(
            Tuple.of(
                UUID.randomUUID(),
                organizationId,
                ApiKeys.hash(apiKey),
                preview(apiKey),
                OrganizationRepository.utc(now)))
        .replaceWithVoid();
  }

  public Uni<Void> revokeAll(SqlClient tx, UUID organizationId, Instant now) {
    return tx.preparedQuery(
            "UPDATE api_keys SET revoked_at = $2, updated_at = $2"
                + " WHERE organization_id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(organizationId, OrganizationRepository.utc(now)))
        .replaceWithVoid();
  }

  public Uni<Boolean> hashExists(SqlClient client, String keyHash) {
    return client
        .preparedQuery("SELECT 1 FROM api_keys WHERE key_hash = $1")
        .execute(Tuple.of(keyHash))
        .map(rows -> rows.size() > 0);
  }

  /** The organization whose active key has this hash. */
  public Uni<Optional<UUID>> organizationOfActiveHash(SqlClient client, String keyHash) {
    return client
        .preparedQuery(
            "SELECT organization_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(keyHash))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Uni<List<String>> activeHashes(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery(
            "SELECT key_hash FROM api_keys WHERE organization_id = $1 AND revoked_at IS NULL"
                + " ORDER BY created_at")
        .execute(Tuple.of(organizationId))
        .map(
            rows -> {
              List<String> hashes = new ArrayList<>();
              rows.forEach(row -> hashes.add(row.getString(0)));
              return hashes;
            });
  }

  /** Enough of a key to recognise it in a list: {@code bk_…wxyz}. */
  static String preview(String apiKey) {
    int keep = Math.min(4, apiKey.length());
    return "…" + apiKey.substring(apiKey.length() - keep);
  }
}
