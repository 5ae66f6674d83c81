package dev.billing.rating.api.operator;

import dev.billing.platform.error.ApiException;
import dev.billing.rating.app.metering.RerateSubscription;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Operator API: rebuild a subscription's usage from the ledger, from a period on. */
@Path("/admin/v1/subscriptions/{subscriptionId}/rerate")
@Produces(MediaType.APPLICATION_JSON)
public class RerateResource {

  /**
   * @param subscriptionId the subscription
   * @param from the instant whose period the rebuild started at
   */
  public record Rerated(String subscriptionId, Instant from) {}

  private final RerateSubscription rerate;

  public RerateResource(RerateSubscription rerate) {
    this.rerate = rerate;
  }

  @POST
  public Uni<Rerated> rerate(
      @PathParam("subscriptionId") String subscriptionId, @QueryParam("from") String from) {
    UUID id;
    Instant at;
    try {
      id = UUID.fromString(subscriptionId);
      at = from == null ? Instant.EPOCH : Instant.parse(from);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ApiException.badRequest("subscription id must be a UUID and from an ISO instant");
    }
    return rerate.rerate(id, at).map(subscription -> new Rerated(subscription.id().toString(), at));
  }
}
