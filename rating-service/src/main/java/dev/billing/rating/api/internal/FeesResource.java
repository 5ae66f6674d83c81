package dev.billing.rating.api.internal;

import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.usage.SubscriptionFees;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;

/**
 * Internal API for invoicing-service: a subscription's usage fee lines for the usage period that
 * starts at {@code from}, billed up to {@code to} (earlier for a termination), with each charge's
 * spending-minimum true-up, so invoicing never re-implements pricing.
 */
@Path("/internal/v1/subscriptions/{subscriptionId}/fees")
@Produces(MediaType.APPLICATION_JSON)
public class FeesResource {

  /**
   * @param fees the period's fees
   */
  public record Response(PeriodFees fees) {}

  private final SubscriptionFees fees;

  public FeesResource(SubscriptionFees fees) {
    this.fees = fees;
  }

  @GET
  public Uni<Response> fees(
      @PathParam("subscriptionId") String subscriptionId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    UUID id = uuid(subscriptionId);
    ValidationErrors errors = new ValidationErrors();
    Instant periodAt = errors.requiredInstant("from", from);
    Instant billedTo = to == null ? null : errors.requiredInstant("to", to);
    errors.throwIfAny();
    return fees.of(id, periodAt).map(period -> new Response(PeriodFeesJson.of(period, billedTo)));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(RatingErrorCode.SUBSCRIPTION_NOT_FOUND);
    }
  }
}
