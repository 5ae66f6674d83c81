package dev.billing.rating.api.internal;

import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.readmodel.OwnerAnswers;
import dev.billing.rating.app.catalog.CurrentMessages;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Internal read routes (operator token, never routed by the edge): what rating owns as the messages
 * {@code billing.catalog} carries (a JSON array; 404 for none), for other services' read models
 * that missed it.
 */
@Path("/internal/v1/organizations/{organizationId}")
@Produces(MediaType.APPLICATION_JSON)
public class OwnedStateResource {

  private final CurrentMessages current;

  public OwnedStateResource(CurrentMessages current) {
    this.current = current;
  }

  /** The message of a live plan, by code. */
  @GET
  @Path("/plans")
  public Uni<Response> plan(
      @PathParam("organizationId") UUID organizationId, @QueryParam("code") String code) {
    if (code == null || code.isEmpty()) {
      throw ValidationErrors.single("code", "value_is_mandatory");
    }
    return current.plan(organizationId, code).map(OwnerAnswers::of);
  }
}
