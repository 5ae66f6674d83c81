package dev.billing.invoicing.api.organization;

import dev.billing.invoicing.app.organization.OrganizationStore;
import dev.billing.invoicing.domain.organization.OrganizationChanges;
import dev.billing.invoicing.domain.organization.OrganizationRules;
import dev.billing.invoicing.persistence.webhook.SigningKeyRepository;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Lago's {@code /api/v1/organizations}: the API key's own organization, nobody else's. */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

  private final OrganizationStore store;
  private final CurrentOrganization current;
  private final SigningKeyRepository signingKeys;
  private final Pool pool;

  public OrganizationResource(
      OrganizationStore store,
      CurrentOrganization current,
      SigningKeyRepository signingKeys,
      Pool pool) {
    this.store = store;
    this.current = current;
    this.signingKeys = signingKeys;
    this.pool = pool;
  }

  @GET
  public Uni<OrganizationResponse> get() {
    return store
        .find(current.id())
        .map(found -> found.orElseThrow(() -> ApiException.notFound("organization")))
        .flatMap(
            o ->
                signingKeys
                    .hmacKey(pool, o.id())
                    .map(key -> new OrganizationResponse(OrganizationJson.of(o).withHmacKey(key))));
  }

  @PUT
  public Uni<OrganizationResponse> update(OrganizationUpdateRequest request) {
    if (request == null || request.organization() == null) {
      throw ApiException.missingRootKey("organization");
    }
    OrganizationChanges changes = request.organization().toChanges();
    OrganizationRules.validate(changes).throwIfAny();
    return store
        .update(current.id(), changes)
        .map(o -> new OrganizationResponse(OrganizationJson.of(o)));
  }
}
