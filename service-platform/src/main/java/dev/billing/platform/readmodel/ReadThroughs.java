package dev.billing.platform.readmodel;

import dev.billing.platform.consumer.MessageHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Makes the read-through of each read model a service keeps. */
@ApplicationScoped
public class ReadThroughs {

  private final Pool pool;
  private final MissLimiter limiter;
  private final MeterRegistry registry;
  private final OwnerApi owners;

  public ReadThroughs(Pool pool, MissLimiter limiter, MeterRegistry registry, OwnerApi owners) {
    this.pool = pool;
    this.limiter = limiter;
    this.registry = registry;
    this.owners = owners;
  }

  /**
   * The read-through of {@code handler}'s read model.
   *
   * @param owner the owner's current messages for a key; none where it has nothing
   */
  public <K, T> ReadThrough<K, T> of(
      MessageHandler<T> handler, Function<K, Uni<List<String>>> owner) {
    return new ReadThrough<>(handler, owner, pool, limiter, registry);
  }

  /**
   * An owner reached over its internal API at {@code baseUrl}, {@code path} naming the route of a
   * key; with no URL configured the read model is the whole truth and a miss is final.
   */
  public <K> Function<K, Uni<List<String>>> internalApi(
      Optional<String> baseUrl, Function<K, String> path) {
    if (baseUrl.isEmpty()) {
      return key -> Uni.createFrom().item(List.of());
    }
    return key -> owners.get(baseUrl.get(), path.apply(key));
  }
}
