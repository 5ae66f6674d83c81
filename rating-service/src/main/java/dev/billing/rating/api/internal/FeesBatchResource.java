package dev.billing.rating.api.internal;

import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.contracts.PeriodFeesBatch;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.usage.SubscriptionFees;
import dev.billing.rating.app.usage.SubscriptionFees.PeriodOf;
import dev.billing.rating.app.usage.UsageQuery.PeriodUsage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Internal API for invoicing-service's billing runs: the fee lines of many subscriptions' usage
 * periods in one call ({@link PeriodFeesBatch}), each as the single-period API answers it, their
 * subscriptions and aggregates read with one query each.
 */
@Path("/internal/v1/fees")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeesBatchResource {

  /**
   * A valid period of the request.
   *
   * @param subscriptionId the subscription
   * @param at an instant of the usage period
   * @param billedTo billed up to, or null for the period end
   */
  private record Wanted(UUID subscriptionId, Instant at, Instant billedTo) {}

  private final SubscriptionFees fees;

  public FeesBatchResource(SubscriptionFees fees) {
    this.fees = fees;
  }

  @POST
  public Uni<PeriodFeesBatch.Response> fees(PeriodFeesBatch request) {
    List<Wanted> wanted = validated(request);
    return fees.ofEach(wanted.stream().map(w -> new PeriodOf(w.subscriptionId(), w.at())).toList())
        .map(usages -> answer(wanted, usages));
  }

  private static PeriodFeesBatch.Response answer(
      List<Wanted> wanted, List<Optional<PeriodUsage>> usages) {
    // null where a period could not be priced (Jackson writes it; List.of would refuse it)
    List<PeriodFees> fees = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Instant billedTo = wanted.get(i).billedTo();
      fees.add(usages.get(i).map(u -> PeriodFeesJson.of(u, billedTo)).orElse(null));
    }
    return new PeriodFeesBatch.Response(fees);
  }

  private static List<Wanted> validated(PeriodFeesBatch request) {
    List<PeriodFeesBatch.Period> periods = request == null ? null : request.periods();
    if (periods == null || periods.isEmpty()) {
      throw ValidationErrors.single("periods", "value_is_mandatory");
    }
    if (periods.size() > PeriodFeesBatch.MAX_PERIODS) {
      throw ValidationErrors.single("periods", "value_is_out_of_range");
    }
    ValidationErrors errors = new ValidationErrors();
    List<Wanted> wanted = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      PeriodFeesBatch.Period p = periods.get(i);
      String field = "periods[" + i + "].";
      if (p == null) {
        errors.add(field + "subscription_id", "value_is_mandatory");
        continue;
      }
      UUID id = uuid(p.subscriptionId());
      if (id == null) {
        errors.add(field + "subscription_id", "value_is_invalid");
      }
      Instant at = errors.requiredInstant(field + "from", p.from());
      Instant billedTo = p.to() == null ? null : errors.requiredInstant(field + "to", p.to());
      wanted.add(new Wanted(id, at, billedTo));
    }
    errors.throwIfAny();
    return wanted;
  }

  private static UUID uuid(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
