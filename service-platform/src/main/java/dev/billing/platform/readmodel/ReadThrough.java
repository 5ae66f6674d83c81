package dev.billing.platform.readmodel;

import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.PlatformErrorCode;
import dev.billing.platform.kafka.MessageHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A read model as a cache of its owner: what it lacks is asked of the owner, and the answer (the
 * messages the owner's topic carries for it) is applied by the read model's own {@link
 * MessageHandler}, as if those messages had arrived. The handler's writes are guarded by the
 * owner's revision, so the message that arrives later changes nothing, and an older one cannot go
 * back.
 *
 * @param <K> what a miss is asked by (a code, an external id, a key hash)
 * @param <T> the handler's contract type
 */
public final class ReadThrough<K, T> {

  private static final Logger LOG = Logger.getLogger(ReadThrough.class);

  private final MessageHandler<T> handler;
  private final Function<K, Uni<List<String>>> owner;
  private final Pool pool;
  private final MissLimiter limiter;
  private final Counter found;
  private final Counter absent;

  ReadThrough(
      MessageHandler<T> handler,
      Function<K, Uni<List<String>>> owner,
      Pool pool,
      MissLimiter limiter,
      MeterRegistry registry) {
    this.handler = handler;
    this.owner = owner;
    this.pool = pool;
    this.limiter = limiter;
    this.found = counter(registry, handler.name(), "found");
    this.absent = counter(registry, handler.name(), "absent");
  }

  /**
   * What {@code local} finds, asking the owner first when it finds nothing: empty only when the
   * owner has nothing either. Fails with 503 when the owner cannot answer, 429 when {@code caller}
   * asked about too many misses.
   *
   * @param caller whose misses are counted: the organization, or {@link
   *     MissLimiter#UNAUTHENTICATED}
   */
  public <V> Uni<Optional<V>> find(Object caller, K key, Supplier<Uni<Optional<V>>> local) {
    return local
        .get()
        .flatMap(
            hit ->
                hit.isPresent()
                    ? Uni.createFrom().item(hit)
                    : fetch(caller, key)
                        .flatMap(
                            held -> held ? local.get() : Uni.createFrom().item(Optional.empty())));
  }

  /**
   * Asks the owner for {@code key} and stores its answer in the read model; true when the owner had
   * it.
   */
  public Uni<Boolean> fetch(Object caller, K key) {
    limiter.take(caller);
    return owner.apply(key).flatMap(this::store);
  }

  private Uni<Boolean> store(List<String> payloads) {
    if (payloads.isEmpty()) {
      absent.increment();
      return Uni.createFrom().item(false);
    }
    List<Decoded<T>> decoded = new ArrayList<>(payloads.size());
    for (String payload : payloads) {
      decoded.add(decode(payload));
    }
    return pool.withTransaction(tx -> handler.apply(tx, decoded))
        .invoke(
            () -> {
              handler.afterCommit(decoded);
              found.increment();
            })
        .replaceWith(true);
  }

  private Decoded<T> decode(String payload) {
    InboundMessage message =
        new InboundMessage(
            handler.topic(),
            -1,
            -1,
            null,
            payload,
            Map.of(MessageHeaders.ID, "read-through:" + UUID.randomUUID()));
    try {
      return new Decoded<>(message, handler.decode(message));
    } catch (RuntimeException e) {
      LOG.warnf("%s: the owner answered a message that cannot be read: %s", handler.name(), e);
      throw new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE);
    }
  }

  private static Counter counter(MeterRegistry registry, String readModel, String outcome) {
    return Counter.builder("billing.read_through.fetches")
        .description("Read-model misses asked of the owner, by what the owner answered")
        .tag("read_model", readModel)
        .tag("outcome", outcome)
        .register(registry);
  }
}
