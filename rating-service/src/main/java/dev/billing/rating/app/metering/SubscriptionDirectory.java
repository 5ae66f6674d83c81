package dev.billing.rating.app.metering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscriptions by organization and external id, cached for a few seconds (a change seen by this
 * process drops its entry at once; another replica's change is seen within the TTL, and the rebuild
 * it triggers corrects anything routed meanwhile). An answer saying "no subscription" is never
 * final: metering checks it again under the address lock ({@link #lockAndReload}).
 */
@ApplicationScoped
public class SubscriptionDirectory {

  /**
   * A subscription's address as events give it.
   *
   * @param organizationId tenant
   * @param externalId external_subscription_id
   */
  public record Address(UUID organizationId, String externalId) {}

  private final SubscriptionRepository subscriptions;
  private final Cache<Address, List<SubscriptionTerms>> cache =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(200_000).build();
  private final AtomicLong changes = new AtomicLong();

  public SubscriptionDirectory(SubscriptionRepository subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** The subscriptions at these addresses, from the cache where it holds them. */
  public Uni<Map<Address, List<SubscriptionTerms>>> lookup(
      SqlClient client, Set<Address> addresses) {
    Map<Address, List<SubscriptionTerms>> found = new HashMap<>();
    Set<Address> missing = new HashSet<>();
    for (Address address : addresses) {
      List<SubscriptionTerms> cached = cache.getIfPresent(address);
      if (cached != null) {
        found.put(address, cached);
      } else {
        missing.add(address);
      }
    }
    if (missing.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    return reload(client, missing)
        .map(
            loaded -> {
              found.putAll(loaded);
              return found;
            });
  }

  /** The subscriptions at these addresses as the database holds them now. */
  public Uni<Map<Address, List<SubscriptionTerms>>> reload(
      SqlClient client, Set<Address> addresses) {
    List<Address> wanted = List.copyOf(addresses);
    // a change forgotten while the query runs may not be in its answer: that answer is not cached
    long changesBefore = changes.get();
    return subscriptions
        .byExternalIds(
            client,
            wanted.stream().map(Address::organizationId).toList(),
            wanted.stream().map(Address::externalId).toList())
        .map(
            rows -> {
              Map<Address, List<SubscriptionTerms>> loaded = new HashMap<>();
              wanted.forEach(a -> loaded.put(a, new ArrayList<>()));
              rows.forEach(
                  s ->
                      loaded
                          .computeIfAbsent(
                              new Address(s.organizationId(), s.externalId()),
                              a -> new ArrayList<>())
                          .add(s));
              loaded.replaceAll((address, list) -> List.copyOf(list));
              if (changes.get() == changesBefore) {
                cache.putAll(loaded);
              }
              return loaded;
            });
  }

  /**
   * Reloads these addresses while holding their locks shared until the transaction ends (see {@link
   * SubscriptionRepository#lockAddresses}): what metering concludes from the answer cannot be
   * overtaken by a subscription change committed meanwhile.
   */
  public Uni<Map<Address, List<SubscriptionTerms>>> lockAndReload(
      SqlClient tx, Set<Address> addresses) {
    return lock(tx, addresses, false).chain(() -> reload(tx, addresses));
  }

  /** Takes, exclusively until the transaction ends, the locks of addresses about to change. */
  public Uni<Void> lockForChange(SqlClient tx, Collection<Address> addresses) {
    return lock(tx, addresses, true);
  }

  private Uni<Void> lock(SqlClient tx, Collection<Address> addresses, boolean exclusively) {
    List<Address> locked = List.copyOf(addresses);
    return subscriptions.lockAddresses(
        tx,
        locked.stream().map(Address::organizationId).toList(),
        locked.stream().map(Address::externalId).toList(),
        exclusively);
  }

  public void forget(UUID organizationId, String externalId) {
    changes.incrementAndGet();
    cache.invalidate(new Address(organizationId, externalId));
  }

  /** The subscription of the list that bills an event at {@code at}, if any. */
  public static Optional<SubscriptionTerms> covering(
      List<SubscriptionTerms> candidates, Instant at) {
    SubscriptionTerms match = null;
    for (SubscriptionTerms s : candidates) {
      if (s.covers(at) && (match == null || s.startedAt().isAfter(match.startedAt()))) {
        match = s;
      }
    }
    return Optional.ofNullable(match);
  }
}
