package dev.billing.invoicing.app.organization;

import dev.billing.invoicing.app.outbox.OrganizationMessages;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.organization.OrganizationChanges;
import dev.billing.invoicing.domain.organization.OrganizationRules;
import dev.billing.invoicing.persistence.ApiKeyRepository;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every change to an organization or its keys, written in one transaction with the {@code
 * billing.organizations} message that announces the new state.
 */
@ApplicationScoped
public class OrganizationStore {

  private final Pool pool;
  private final OrganizationRepository organizations;
  private final ApiKeyRepository apiKeys;
  private final OutboxWriter outbox;
  private final Clock clock;

  public OrganizationStore(
      Pool pool,
      OrganizationRepository organizations,
      ApiKeyRepository apiKeys,
      OutboxWriter outbox,
      Clock clock) {
    this.pool = pool;
    this.organizations = organizations;
    this.apiKeys = apiKeys;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Creates an organization that authenticates with {@code apiKey}. */
  public Uni<Organization> create(String name, String apiKey) {
    Instant now = clock.instant();
    Organization organization = Organization.create(UUID.randomUUID(), name, now);
    return pool.withTransaction(
        tx ->
            organizations
                .insert(tx, organization)
                .call(() -> apiKeys.insert(tx, organization.id(), apiKey, now))
                .call(() -> publish(tx, organization))
                .replaceWith(organization));
  }

  public Uni<Optional<Organization>> find(UUID id) {
    return organizations.find(pool, id);
  }

  /** Applies validated changes; 404 if the organization does not exist. */
  public Uni<Organization> update(UUID id, OrganizationChanges changes) {
    return pool.withTransaction(
        tx ->
            lock(tx, id)
                .map(current -> OrganizationRules.apply(current, changes, clock.instant()))
                .call(updated -> organizations.update(tx, updated))
                .call(updated -> publish(tx, updated)));
  }

  /** Revokes every key of the organization and makes {@code newKey} its only key. */
  public Uni<Organization> replaceKeys(UUID id, String newKey) {
    Instant now = clock.instant();
    return pool.withTransaction(
        tx ->
            lock(tx, id)
                .map(current -> OrganizationRules.apply(current, OrganizationChanges.none(), now))
                .call(updated -> apiKeys.revokeAll(tx, id, now))
                .call(updated -> apiKeys.insert(tx, id, newKey, now))
                .call(updated -> organizations.update(tx, updated))
                .call(updated -> publish(tx, updated)));
  }

  public Uni<Boolean> keyHashExists(String keyHash) {
    return apiKeys.hashExists(pool, keyHash);
  }

  private Uni<Organization> lock(SqlClient tx, UUID id) {
    return organizations
        .findForUpdate(tx, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("organization")));
  }

  private Uni<Void> publish(SqlClient tx, Organization organization) {
    return apiKeys
        .activeHashes(tx, organization.id())
        .flatMap(hashes -> outbox.append(tx, OrganizationMessages.updated(organization, hashes)));
  }
}
