package dev.billing.platform.organization;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Whether an organization exists, from this service's read model; known ones are remembered (an
 * organization is never deleted), unknown ones are asked again next time.
 */
@ApplicationScoped
public class KnownOrganizations {

  private final Pool pool;
  private final Cache<UUID, Boolean> known =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

  public KnownOrganizations(Pool pool) {
    this.pool = pool;
  }

  public Uni<Boolean> exists(UUID organizationId) {
    if (known.getIfPresent(organizationId) != null) {
      return Uni.createFrom().item(true);
    }
    return pool.preparedQuery("SELECT 1 FROM organization_read_model WHERE organization_id = $1")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.size() > 0)
        .invoke(
            exists -> {
              if (exists) {
                known.put(organizationId, true);
              }
            });
  }
}
