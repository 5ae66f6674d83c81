package dev.billing.rating.app.usage;

import dev.billing.platform.error.ApiException;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.usage.UsageQuery.PeriodAt;
import dev.billing.rating.app.usage.UsageQuery.PeriodUsage;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The priced usage of subscriptions' periods, by subscription id: what invoicing bills. */
@ApplicationScoped
public class SubscriptionFees {

  /**
   * A subscription, by id, and an instant of one of its usage periods.
   *
   * @param subscriptionId the subscription
   * @param at an instant of the period
   */
  public record PeriodOf(UUID subscriptionId, Instant at) {}

  private final SubscriptionRepository subscriptions;
  private final UsageQuery usage;
  private final Pool pool;

  public SubscriptionFees(SubscriptionRepository subscriptions, UsageQuery usage, Pool pool) {
    this.subscriptions = subscriptions;
    this.usage = usage;
    this.pool = pool;
  }

  /** The usage of the period holding {@code at}; 404 for an unknown subscription or plan. */
  public Uni<PeriodUsage> of(UUID subscriptionId, Instant at) {
    return subscriptions
        .byId(pool, subscriptionId)
        .map(
            found ->
                found.orElseThrow(() -> new ApiException(RatingErrorCode.SUBSCRIPTION_NOT_FOUND)))
        .flatMap(subscription -> usage.at(subscription, at))
        .map(found -> found.orElseThrow(() -> new ApiException(RatingErrorCode.PLAN_NOT_FOUND)));
  }

  /**
   * The usage of many periods (a billing run's page), subscriptions read in one query: element
   * {@code i} is {@code periods[i]}'s, empty for an unknown subscription or plan.
   */
  public Uni<List<Optional<PeriodUsage>>> ofEach(List<PeriodOf> periods) {
    return subscriptions
        .byIds(pool, periods.stream().map(PeriodOf::subscriptionId).distinct().toList())
        .flatMap(
            found -> {
              Map<UUID, SubscriptionTerms> byId =
                  found.stream()
                      .collect(Collectors.toMap(SubscriptionTerms::id, Function.identity()));
              List<PeriodOf> known =
                  periods.stream().filter(p -> byId.containsKey(p.subscriptionId())).toList();
              return usage
                  .atEach(
                      known.stream()
                          .map(p -> new PeriodAt(byId.get(p.subscriptionId()), p.at()))
                          .toList())
                  .map(usages -> inOrder(periods, byId, usages));
            });
  }

  private static List<Optional<PeriodUsage>> inOrder(
      List<PeriodOf> periods,
      Map<UUID, SubscriptionTerms> known,
      List<Optional<PeriodUsage>> usagesOfKnown) {
    List<Optional<PeriodUsage>> all = new ArrayList<>();
    int next = 0;
    for (PeriodOf p : periods) {
      all.add(known.containsKey(p.subscriptionId()) ? usagesOfKnown.get(next++) : Optional.empty());
    }
    return all;
  }
}
