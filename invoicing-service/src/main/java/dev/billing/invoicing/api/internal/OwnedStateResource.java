package dev.billing.invoicing.api.internal;

import dev.billing.invoicing.app.outbox.CurrentMessages;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.readmodel.OwnerAnswers;
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
 * Internal read routes (operator token, never routed by the edge): what invoicing owns as the
 * messages its topics carry (a JSON array; 404 for none), for the read models of other services
 * that missed it.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class OwnedStateResource {

  private final CurrentMessages current;

  public OwnedStateResource(CurrentMessages current) {
    this.current = current;
  }

  /** The {@code billing.organizations} message of the organization owning an active API key. */
  @GET
  @Path("/api_keys")
  public Uni<Response> organizationOfKey(@QueryParam("key_hash") String keyHash) {
    return current.byKeyHash(required("key_hash", keyHash)).map(OwnerAnswers::of);
  }

  /** The {@code billing.subscriptions} messages of a subscription line. */
  @GET
  @Path("/organizations/{organizationId}/subscriptions")
  public Uni<Response> subscriptions(
      @PathParam("organizationId") UUID organizationId,
      @QueryParam("external_id") String externalId) {
    return current
        .subscriptions(organizationId, required("external_id", externalId))
        .map(OwnerAnswers::of);
  }

  private static String required(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw ValidationErrors.single(name, ErrorCode.VALUE_IS_MANDATORY.code());
    }
    return value;
  }
}
