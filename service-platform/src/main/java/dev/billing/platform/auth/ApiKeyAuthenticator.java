package dev.billing.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.billing.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves an API key to its organization from this service's read model ({@code
 * api_key_read_model}), with a short cache so a busy key costs no query. A key the read model does
 * not hold is asked of its owner ({@link UnknownKeys}) before it is refused, so a new key works at
 * once; unknown keys are not cached.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

  private static final String LOOKUP =
      "SELECT organization_id FROM api_key_read_model WHERE key_hash = $1";

  private final Pool pool;
  private final Cache<String, UUID> cache;
  private final UnknownKeys unknownKeys;

  public ApiKeyAuthenticator(Pool pool, PlatformConfig config, UnknownKeys unknownKeys) {
    this.pool = pool;
    this.unknownKeys = unknownKeys;
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(config.auth().keyCacheTtl())
            .maximumSize(100_000)
            .build();
  }

  public Uni<Optional<UUID>> organizationFor(String apiKey) {
    String hash = ApiKeys.hash(apiKey);
    UUID cached = cache.getIfPresent(hash);
    if (cached != null) {
      return Uni.createFrom().item(Optional.of(cached));
    }
    return stored(hash)
        .flatMap(org -> org.isPresent() ? Uni.createFrom().item(org) : askOwner(hash))
        .invoke(org -> org.ifPresent(id -> cache.put(hash, id)));
  }

  private Uni<Optional<UUID>> askOwner(String hash) {
    return unknownKeys
        .fetch(hash)
        .flatMap(known -> known ? stored(hash) : Uni.createFrom().item(Optional.empty()));
  }

  private Uni<Optional<UUID>> stored(String hash) {
    return pool.preparedQuery(LOOKUP)
        .execute(Tuple.of(hash))
        .map(ApiKeyAuthenticator::firstOrganization);
  }

  /** Forgets every cached key of an organization (its keys changed). */
  public void evict(UUID organizationId) {
    cache.asMap().values().removeIf(organizationId::equals);
  }

  private static Optional<UUID> firstOrganization(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next().getUUID(0)) : Optional.empty();
  }
}
