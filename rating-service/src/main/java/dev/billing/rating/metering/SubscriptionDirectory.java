package dev.billing.rating.metering;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions by organization and external id, cached for a few seconds (a change seen by this
 * process drops its entry at once; another replica's change is seen within the TTL, and the rebuild
 * it triggers corrects anything routed meanwhile).
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

  public SubscriptionDirectory(SubscriptionRepository subscriptions) {
    this.subscriptions = subscriptions;
  }

  public Uni<Map<Address, List<SubscriptionTerms>>> lookup(
      SqlClient client, Set<Address> addresses) {
    Map<Address, List<SubscriptionTerms>> found = new HashMap<>();
    List<Address> missing = new ArrayList<>();
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
    return subscriptions
        .byExternalIds(
            client,
            missing.stream().map(Address::organizationId).toList(),
            missing.stream().map(Address::externalId).toList())
        .map(
            rows -> {
              Map<Address, List<SubscriptionTerms>> loaded = new HashMap<>();
              missing.forEach(a -> loaded.put(a, new ArrayList<>()));
              rows.forEach(
                  s ->
                      loaded
                          .computeIfAbsent(
                              new Address(s.organizationId(), s.externalId()),
                              a -> new ArrayList<>())
                          .add(s));
              loaded.forEach(
                  (address, list) -> {
                    cache.put(address, List.copyOf(list));
                    found.put(address, List.copyOf(list));
                  });
              return found;
            });
  }

  public void forget(UUID organizationId, String externalId) {
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
