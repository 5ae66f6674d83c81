package dev.billing.invoicing.api.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.invoicing.api.JsonBodies;
import dev.billing.invoicing.app.subscription.ChangeSubscription;
import dev.billing.invoicing.app.subscription.CreateSubscription;
import dev.billing.invoicing.app.subscription.SubscriptionQueries;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.subscription.CreateRequest;
import dev.billing.invoicing.domain.subscription.SubscriptionStatus;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Lago's {@code /api/v1/subscriptions}, addressed by the subscription's external id. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

  private static final Set<String> ON_TERMINATION_INVOICE = Set.of("generate", "skip");
  private static final Set<String> ON_TERMINATION_CREDIT_NOTE =
      Set.of("credit", "refund", "offset", "skip");

  private final CreateSubscription createSubscription;
  private final ChangeSubscription changeSubscription;
  private final SubscriptionQueries queries;
  private final CurrentOrganization current;
  private final Clock clock;
  private final ObjectMapper mapper;

  public SubscriptionResource(
      CreateSubscription createSubscription,
      ChangeSubscription changeSubscription,
      SubscriptionQueries queries,
      CurrentOrganization current,
      Clock clock,
      ObjectMapper mapper) {
    this.createSubscription = createSubscription;
    this.changeSubscription = changeSubscription;
    this.queries = queries;
    this.current = current;
    this.clock = clock;
    this.mapper = mapper;
  }

  /**
   * {@code {"subscription": {...}}}.
   *
   * @param subscription the subscription
   */
  public record SubscriptionResponse(SubscriptionJson subscription) {}

  /**
   * {@code {"subscriptions": [...], "meta": {...}}}.
   *
   * @param subscriptions one page
   * @param meta Lago's pagination
   */
  public record ListResponse(List<SubscriptionJson> subscriptions, PaginationMeta meta) {}

  @POST
  public Uni<SubscriptionResponse> create(SubscriptionRequest request) {
    if (request == null || request.subscription() == null) {
      throw ApiException.missingRootKey("subscription");
    }
    SubscriptionRequest.Input in = request.subscription();
    ValidationErrors errors = new ValidationErrors();
    mandatory(errors, "external_customer_id", in.externalCustomerId());
    mandatory(errors, "plan_code", in.planCode());
    mandatory(errors, "external_id", in.externalId());
    Optional<BillingTime> billingTime =
        in.billingTime() == null
            ? Optional.of(BillingTime.CALENDAR)
            : BillingTime.fromWireName(in.billingTime());
    if (billingTime.isEmpty()) {
      errors.add("billing_time", ErrorCode.VALUE_IS_INVALID.code());
    }
    Instant subscriptionAt = errors.instant("subscription_at", in.subscriptionAt());
    Instant endingAt = errors.instant("ending_at", in.endingAt());
    errors.throwIfAny();
    CreateRequest create =
        new CreateRequest(
            in.externalId().trim(), in.name(), billingTime.get(), subscriptionAt, endingAt);
    return createSubscription
        .create(current.id(), in.externalCustomerId().trim(), in.planCode().trim(), create)
        .map(view -> new SubscriptionResponse(SubscriptionJson.of(view, clock.instant())));
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage,
      @QueryParam("external_customer_id") String externalCustomerId,
      @QueryParam("plan_code") String planCode,
      @QueryParam("status[]") List<String> statusArray,
      @QueryParam("status") List<String> status) {
    PageRequest request = PageRequest.of(page, perPage);
    List<String> statuses = new ArrayList<>();
    statuses.addAll(statusArray == null ? List.of() : statusArray);
    statuses.addAll(status == null ? List.of() : status);
    ValidationErrors errors = new ValidationErrors();
    statuses.stream()
        .filter(s -> SubscriptionStatus.fromWireName(s).isEmpty())
        .findAny()
        .ifPresent(s -> errors.add("status", ErrorCode.VALUE_IS_INVALID.code()));
    errors.throwIfAny();
    List<String> wanted = statuses.isEmpty() ? List.of("active") : List.copyOf(statuses);
    Instant now = clock.instant();
    return queries
        .list(
            current.id(), externalCustomerId, planCode, wanted, request.perPage(), request.offset())
        .map(
            p ->
                new ListResponse(
                    p.items().stream().map(v -> SubscriptionJson.of(v, now)).toList(),
                    PaginationMeta.of(request, p.totalCount())));
  }

  /** The line's subscription in {@code status} (default active), as Lago looks it up. */
  @GET
  @Path("/{external_id}")
  public Uni<SubscriptionResponse> get(
      @PathParam("external_id") String externalId, @QueryParam("status") String status) {
    String wanted = status(status, "active");
    return queries
        .find(current.id(), externalId, wanted)
        .map(view -> new SubscriptionResponse(SubscriptionJson.of(view, clock.instant())));
  }

  @PUT
  @Path("/{external_id}")
  public Uni<SubscriptionResponse> update(
      @PathParam("external_id") String externalId,
      @QueryParam("status") String status,
      JsonNode body) {
    SubscriptionUpdateRequest request =
        body == null ? null : JsonBodies.read(mapper, body, SubscriptionUpdateRequest.class);
    if (request == null || request.subscription() == null) {
      throw ApiException.missingRootKey("subscription");
    }
    String wanted = status(status, null);
    if (wanted != null && !wanted.equals("active") && !wanted.equals("pending")) {
      throw ValidationErrors.single("status", ErrorCode.VALUE_IS_INVALID.code());
    }
    SubscriptionUpdateRequest.Input in = request.subscription();
    ValidationErrors errors = new ValidationErrors();
    Optional<String> endingAtSent =
        JsonBodies.change(body.get("subscription"), "ending_at", in.endingAt());
    Optional<Instant> endingAt =
        endingAtSent == null
            ? null
            : Optional.ofNullable(errors.instant("ending_at", endingAtSent.orElse(null)));
    Instant subscriptionAt = errors.instant("subscription_at", in.subscriptionAt());
    errors.throwIfAny();
    return changeSubscription
        .update(current.id(), externalId, wanted, in.name(), endingAt, subscriptionAt)
        .map(view -> new SubscriptionResponse(SubscriptionJson.of(view, clock.instant())));
  }

  /** Terminates the active subscription, or with {@code status=pending} cancels the pending one. */
  @DELETE
  @Path("/{external_id}")
  public Uni<SubscriptionResponse> terminate(
      @PathParam("external_id") String externalId,
      @QueryParam("status") String status,
      @QueryParam("on_termination_invoice") String onTerminationInvoice,
      @QueryParam("on_termination_credit_note") String onTerminationCreditNote) {
    String wanted = status(status, "active");
    ValidationErrors errors = new ValidationErrors();
    if (!wanted.equals("active") && !wanted.equals("pending")) {
      errors.add("status", ErrorCode.VALUE_IS_INVALID.code());
    }
    if (onTerminationInvoice != null && !ON_TERMINATION_INVOICE.contains(onTerminationInvoice)) {
      errors.add("on_termination_invoice", ErrorCode.VALUE_IS_INVALID.code());
    }
    if (onTerminationCreditNote != null
        && !ON_TERMINATION_CREDIT_NOTE.contains(onTerminationCreditNote)) {
      errors.add("on_termination_credit_note", ErrorCode.VALUE_IS_INVALID.code());
    }
    errors.throwIfAny();
    return changeSubscription
        .terminate(current.id(), externalId, wanted, onTerminationInvoice, onTerminationCreditNote)
        .map(view -> new SubscriptionResponse(SubscriptionJson.of(view, clock.instant())));
  }

  private static String status(String given, String fallback) {
    if (given == null || given.isBlank()) {
      return fallback;
    }
    if (SubscriptionStatus.fromWireName(given).isEmpty()) {
      throw ValidationErrors.single("status", ErrorCode.VALUE_IS_INVALID.code());
    }
    return given;
  }

  private static void mandatory(ValidationErrors errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(field, ErrorCode.VALUE_IS_MANDATORY.code());
    }
  }
}
