package dev.billing.invoicing.api.organization;

import dev.billing.invoicing.domain.organization.OrganizationChanges;
import dev.billing.invoicing.domain.organization.OrganizationRules;
import dev.billing.invoicing.persistence.OrganizationStore;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
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

  public OrganizationResource(OrganizationStore store, CurrentOrganization current) {
    this.store = store;
    this.current = current;
  }

  @GET
  public Uni<OrganizationResponse> get() {
    return store
        .find(current.id())
        .map(found -> found.orElseThrow(() -> ApiException.notFound("organization")))
        .map(o -> new OrganizationResponse(OrganizationJson.of(o)));
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
