package dev.billing.invoicing.app.outbox;

import dev.billing.invoicing.persistence.ApiKeyRepository;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.platform.organization.OrganizationOwner;
import dev.billing.platform.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What invoicing owns, as its topics would carry it now: the answers of its internal read routes,
 * which other services' read models ask on a miss. Its own organizations read model asks here
 * directly ({@link OrganizationOwner}), without a round trip over HTTP.
 */
@ApplicationScoped
public class CurrentMessages implements OrganizationOwner {

  private final Pool pool;
  private final ApiKeyRepository apiKeys;
  private final OrganizationRepository organizations;
  private final SubscriptionRepository subscriptions;

  public CurrentMessages(
      Pool pool,
      ApiKeyRepository apiKeys,
      OrganizationRepository organizations,
      SubscriptionRepository subscriptions) {
    this.pool = pool;
    this.apiKeys = apiKeys;
    this.organizations = organizations;
    this.subscriptions = subscriptions;
  }

  /**
   * The organization owning an active key. Its row is read before its keys: a rotation in between
   * pairs an older revision with newer keys, which the rotation's own message then corrects (the
   * other order would pair a newer revision with revoked keys, and nothing would correct it).
   */
  @Override
  public Uni<List<String>> byKeyHash(String keyHash) {
    return apiKeys
        .organizationOfActiveHash(pool, keyHash)
        .flatMap(id -> id.isEmpty() ? Uni.createFrom().item(List.of()) : organization(id.get()));
  }

  private Uni<List<String>> organization(UUID id) {
    return organizations
        .find(pool, id)
        .flatMap(
            found ->
                found.isEmpty()
                    ? Uni.createFrom().item(List.<String>of())
                    : apiKeys
                        .activeHashes(pool, id)
                        .map(
                            hashes ->
                                payloads(
                                    Optional.of(
                                        OrganizationMessages.updated(found.get(), hashes)))));
  }

  /** Every subscription of the line with this external id (a plan change adds one). */
  public Uni<List<String>> subscriptions(UUID organizationId, String externalId) {
    return subscriptions
        .viewsOfLine(pool, organizationId, externalId)
        .map(
            views ->
                views.stream()
                    .map(
                        v ->
                            SubscriptionMessages.updated(
                                    v.subscription(), v.externalCustomerId(), v.timezone())
                                .payload())
                    .toList());
  }

  private static List<String> payloads(Optional<OutboxMessage> message) {
    return message.map(m -> List.of(m.payload())).orElse(List.of());
  }
}
