package dev.billing.rating.api.usage;

import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.metering.SubscriptionDirectory;
import dev.billing.rating.app.usage.UsageQuery;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.messaging.SubscriptionReadThrough;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;

/** Lago's {@code GET /api/v1/customers/{external_customer_id}/current_usage}. */
@Path("/api/v1/customers/{externalCustomerId}/current_usage")
@Produces(MediaType.APPLICATION_JSON)
public class CurrentUsageResource {

  /**
   * @param customerUsage the usage
   */
  public record Response(CustomerUsageJson customerUsage) {}

  private final CurrentOrganization organization;
  private final SubscriptionReadThrough subscriptions;
  private final UsageQuery usage;
  private final Clock clock;

  public CurrentUsageResource(
      CurrentOrganization organization,
      SubscriptionReadThrough subscriptions,
      UsageQuery usage,
      Clock clock) {
    this.organization = organization;
    this.subscriptions = subscriptions;
    this.usage = usage;
    this.clock = clock;
  }

  @GET
  public Uni<Response> currentUsage(
      @PathParam("externalCustomerId") String externalCustomerId,
      @QueryParam("external_subscription_id") String externalSubscriptionId) {
    if (externalSubscriptionId == null || externalSubscriptionId.isBlank()) {
      throw ValidationErrors.single("external_subscription_id", "value_is_mandatory");
    }
    Instant now = clock.instant();
    SubscriptionDirectory.Address address =
        new SubscriptionDirectory.Address(organization.id(), externalSubscriptionId);
    return subscriptions
        .covering(address, now)
        .map(
            found -> {
              SubscriptionTerms subscription =
                  found.orElseThrow(() -> new ApiException(RatingErrorCode.SUBSCRIPTION_NOT_FOUND));
              if (!subscription.externalCustomerId().equals(externalCustomerId)) {
                throw new ApiException(RatingErrorCode.CUSTOMER_NOT_FOUND);
              }
              return subscription;
            })
        .flatMap(subscription -> usage.at(subscription, now))
        .map(
            priced ->
                new Response(
                    CustomerUsageJson.of(
                        priced.orElseThrow(
                            () -> new ApiException(RatingErrorCode.PLAN_NOT_FOUND)))));
  }
}
