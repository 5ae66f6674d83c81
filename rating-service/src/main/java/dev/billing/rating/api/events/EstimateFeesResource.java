package dev.billing.rating.api.events;

import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.metering.SubscriptionDirectory;
import dev.billing.rating.app.usage.EstimateFees;
import dev.billing.rating.domain.usage.PropertyValues;
import dev.billing.rating.domain.usage.RatedEvent;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.messaging.SubscriptionReadThrough;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lago's {@code POST /api/v1/events/estimate_fees}: what an event sent now would be charged on the
 * subscription's pay-in-advance charges. Nothing is stored.
 */
@Path("/api/v1/events/estimate_fees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EstimateFeesResource {

  /**
   * @param event the event to estimate
   */
  public record Request(EventInput event) {}

  /**
   * @param transactionId optional; a random one is used otherwise
   * @param code the billable metric code
   * @param externalSubscriptionId the subscription
   * @param properties the event's properties
   */
  public record EventInput(
      String transactionId,
      String code,
      String externalSubscriptionId,
      Map<String, Object> properties) {}

  /**
   * @param fees one per pay-in-advance charge the event falls in
   */
  public record Response(List<EstimatedFeeJson> fees) {}

  private final CurrentOrganization organization;
  private final SubscriptionReadThrough subscriptions;
  private final EstimateFees fees;
  private final Clock clock;

  public EstimateFeesResource(
      CurrentOrganization organization,
      SubscriptionReadThrough subscriptions,
      EstimateFees fees,
      Clock clock) {
    this.organization = organization;
    this.subscriptions = subscriptions;
    this.fees = fees;
    this.clock = clock;
  }

  @POST
  public Uni<Response> estimate(Request request) {
    if (request == null || request.event() == null) {
      throw ApiException.missingRootKey("event");
    }
    EventInput input = request.event();
    ValidationErrors errors = new ValidationErrors();
    if (blank(input.code())) {
      errors.add("code", "value_is_mandatory");
    }
    if (blank(input.externalSubscriptionId())) {
      errors.add("external_subscription_id", "value_is_mandatory");
    }
    errors.throwIfAny();
    UUID organizationId = organization.id();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String transactionId =
        blank(input.transactionId()) ? UUID.randomUUID().toString() : input.transactionId();
    RatedEvent event =
        new RatedEvent(
            organizationId,
            input.externalSubscriptionId(),
            transactionId,
            input.code(),
            now,
            PropertyValues.asStrings(input.properties()),
            BigDecimal.ZERO);
    SubscriptionDirectory.Address address =
        new SubscriptionDirectory.Address(organizationId, input.externalSubscriptionId());
    return subscriptions
        .covering(address, now)
        .map(
            found ->
                found.orElseThrow(() -> new ApiException(RatingErrorCode.SUBSCRIPTION_NOT_FOUND)))
        .flatMap(subscription -> estimate(subscription, event));
  }

  private Uni<Response> estimate(SubscriptionTerms subscription, RatedEvent event) {
    return fees.estimate(subscription, event)
        .map(
            estimate -> {
              String currency = estimate.plan().amountCurrency();
              return new Response(
                  estimate.fees().stream()
                      .map(
                          fee ->
                              EstimatedFeeJson.of(
                                  fee,
                                  subscription,
                                  event.transactionId(),
                                  currency,
                                  Currencies.of(currency)))
                      .toList());
            });
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
