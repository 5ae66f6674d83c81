package dev.billing.rating.api.internal;

import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.contracts.PeriodFeesBatch;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.usage.UsageQuery;
import dev.billing.rating.app.usage.UsageQuery.PeriodAt;
import dev.billing.rating.app.usage.UsageQuery.PeriodUsage;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

  private final SubscriptionRepository subscriptions;
  private final UsageQuery usage;
  private final Pool pool;

  public FeesBatchResource(SubscriptionRepository subscriptions, UsageQuery usage, Pool pool) {
    this.subscriptions = subscriptions;
    this.usage = usage;
    this.pool = pool;
  }

  @POST
  public Uni<PeriodFeesBatch.Response> fees(PeriodFeesBatch request) {
    List<Wanted> wanted = validated(request);
    return subscriptions
        .byIds(pool, wanted.stream().map(Wanted::subscriptionId).distinct().toList())
        .flatMap(
            found -> {
              Map<UUID, SubscriptionTerms> byId =
                  found.stream()
                      .collect(Collectors.toMap(SubscriptionTerms::id, Function.identity()));
              List<Wanted> known =
                  wanted.stream().filter(w -> byId.containsKey(w.subscriptionId())).toList();
              return usage
                  .atEach(
                      known.stream()
                          .map(w -> new PeriodAt(byId.get(w.subscriptionId()), w.at()))
                          .toList())
                  .map(usages -> answer(wanted, known, usages));
            });
  }

  private static PeriodFeesBatch.Response answer(
      List<Wanted> wanted, List<Wanted> known, List<Optional<PeriodUsage>> usages) {
    Map<Wanted, PeriodFees> priced = new HashMap<>();
    for (int i = 0; i < known.size(); i++) {
      Instant billedTo = known.get(i).billedTo();
      Wanted w = known.get(i);
      usages.get(i).ifPresent(u -> priced.put(w, PeriodFeesJson.of(u, billedTo)));
    }
    // null where a period could not be priced (Jackson writes it; List.of would refuse it)
    List<PeriodFees> fees = new ArrayList<>();
    wanted.forEach(w -> fees.add(priced.get(w)));
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
