package dev.billing.invoicing.persistence.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Table {@code webhook_signing_keys} (one row) and the organizations' HMAC keys: the secrets
 * webhooks are signed with.
 */
@ApplicationScoped
public class SigningKeyRepository {

  /**
   * Stores {@code candidatePem} unless a key is stored already, and returns the stored key: the
   * first replica's key wins and every replica signs with it.
   */
  public Uni<String> storeOnce(SqlClient client, String candidatePem, Instant now) {
    return client
        .preparedQuery(
            "INSERT INTO webhook_signing_keys (id, private_key_pem, created_at, updated_at)"
                + " VALUES (1, $1, $2, $2) ON CONFLICT (id) DO NOTHING")
        .execute(Tuple.of(candidatePem, now.atOffset(ZoneOffset.UTC)))
        .chain(
            () ->
                client
                    .query("SELECT private_key_pem FROM webhook_signing_keys WHERE id = 1")
                    .execute())
        .map(rows -> rows.iterator().next().getString(0));
  }

  /** The stored key, or null before the first one was generated. */
  public Uni<String> find(SqlClient client) {
    return client
        .query("SELECT private_key_pem FROM webhook_signing_keys WHERE id = 1")
        .execute()
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  /** The organization's HMAC key, or null if there is no such organization. */
  public Uni<String> hmacKey(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery("SELECT hmac_key FROM organizations WHERE id = $1")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }
}
