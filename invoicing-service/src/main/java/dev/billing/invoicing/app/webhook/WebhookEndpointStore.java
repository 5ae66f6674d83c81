package dev.billing.invoicing.app.webhook;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.webhook.WebhookEndpoint;
import dev.billing.invoicing.domain.webhook.WebhookEndpointRules;
import dev.billing.invoicing.persistence.webhook.WebhookEndpointRepository;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.persistence.PgErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Changes to an organization's webhook endpoints, each in one transaction, with Lago's 422s: a URL
 * already used by another endpoint ({@code value_already_exist}) and more than {@value
 * WebhookEndpointRules#MAX_ENDPOINTS_PER_ORGANIZATION} endpoints ({@code base: exceeded_limit}).
 */
@ApplicationScoped
public class WebhookEndpointStore {

  private final Pool pool;
  private final WebhookEndpointRepository endpoints;

  public WebhookEndpointStore(Pool pool, WebhookEndpointRepository endpoints) {
    this.pool = pool;
    this.endpoints = endpoints;
  }

  /** Inserts a validated endpoint. */
  public Uni<WebhookEndpoint> create(WebhookEndpoint endpoint) {
    UUID org = endpoint.organizationId();
    return pool.withTransaction(
            tx ->
                endpoints
                    .lockOrganization(tx, org)
                    .chain(() -> endpoints.count(tx, org))
                    .invoke(
                        count -> {
                          if (count >= WebhookEndpointRules.MAX_ENDPOINTS_PER_ORGANIZATION) {
                            throw ValidationErrors.single("base", ErrorCode.EXCEEDED_LIMIT.code());
                          }
                        })
                    .chain(() -> requireFreeUrl(tx, endpoint))
                    .chain(() -> endpoints.insert(tx, endpoint))
                    .replaceWith(endpoint))
        .onFailure(PgErrors::isUniqueViolation)
        .transform(
            e -> ValidationErrors.single("webhook_url", ErrorCode.VALUE_ALREADY_EXIST.code()));
  }

  /** Applies {@code change} to the current endpoint; 404 if the organization has no such one. */
  public Uni<WebhookEndpoint> update(
      UUID organizationId, UUID id, UnaryOperator<WebhookEndpoint> change) {
    return pool.withTransaction(
            tx ->
                endpoints
                    .lockOrganization(tx, organizationId)
                    .chain(() -> existing(tx, organizationId, id))
                    .map(change)
                    .call(
                        updated -> {
                          WebhookEndpointRules.validate(
                                  updated.webhookUrl(),
                                  updated.signatureAlgo().code(),
                                  updated.eventTypes())
                              .throwIfAny();
                          return requireFreeUrl(tx, updated);
                        })
                    .call(updated -> endpoints.update(tx, updated)))
        .onFailure(PgErrors::isUniqueViolation)
        .transform(
            e -> ValidationErrors.single("webhook_url", ErrorCode.VALUE_ALREADY_EXIST.code()));
  }

  /** Deletes the endpoint and its deliveries (as Lago does); returns what was deleted. */
  public Uni<WebhookEndpoint> delete(UUID organizationId, UUID id) {
    return pool.withTransaction(
        tx ->
            existing(tx, organizationId, id)
                .call(found -> endpoints.delete(tx, organizationId, id)));
  }

  public Uni<Optional<WebhookEndpoint>> find(UUID organizationId, UUID id) {
    return endpoints.find(pool, organizationId, id);
  }

  public Uni<List<WebhookEndpoint>> list(UUID organizationId, int limit, long offset) {
    return endpoints.list(pool, organizationId, limit, offset);
  }

  public Uni<Long> count(UUID organizationId) {
    return endpoints.count(pool, organizationId);
  }

  private Uni<WebhookEndpoint> existing(SqlClient tx, UUID organizationId, UUID id) {
    return endpoints
        .find(tx, organizationId, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("webhook_endpoint")));
  }

  private Uni<Void> requireFreeUrl(SqlClient tx, WebhookEndpoint endpoint) {
    return endpoints
        .urlTaken(tx, endpoint.organizationId(), endpoint.webhookUrl(), endpoint.id())
        .invoke(
            taken -> {
              if (taken) {
                throw ValidationErrors.single("webhook_url", ErrorCode.VALUE_ALREADY_EXIST.code());
              }
            })
        .replaceWithVoid();
  }
}
