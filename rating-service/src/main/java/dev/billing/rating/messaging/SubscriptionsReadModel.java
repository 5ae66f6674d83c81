package dev.billing.rating.messaging;

import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.contracts.UndecodableMessageException;
import dev.billing.platform.kafka.Topics;
import dev.billing.rating.app.metering.SubscriptionDirectory;
import dev.billing.rating.persistence.RerateRequests;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the subscriptions read model from billing.subscriptions. A new or changed subscription asks
 * for its usage to be rebuilt from the ledger: its events may have arrived before it did. The
 * change holds its address lock, so a metering transaction that found no subscription for an event
 * commits that event to the ledger before the change (and so before the rebuild) can.
 */
@ApplicationScoped
public class SubscriptionsReadModel implements MessageHandler<SubscriptionMessage> {

  private final SubscriptionRepository subscriptions;
  private final RerateRequests rerates;
  private final SubscriptionDirectory directory;

  public SubscriptionsReadModel(
      SubscriptionRepository subscriptions,
      RerateRequests rerates,
      SubscriptionDirectory directory) {
    this.subscriptions = subscriptions;
    this.rerates = rerates;
    this.directory = directory;
  }

  @Override
  public String name() {
    return "subscriptions-read-model";
  }

  @Override
  public String topic() {
    return Topics.SUBSCRIPTIONS;
  }

  @Override
  public SubscriptionMessage decode(InboundMessage message) {
    SubscriptionMessage m = MessageCodec.decode(message.value(), SubscriptionMessage.class);
    if (m.subscriptionId() == null
        || m.organizationId() == null
        || m.externalId() == null
        || m.planCode() == null
        || m.subscriptionAt() == null) {
      throw new UndecodableMessageException("a subscription needs ids, plan and dates", null);
    }
    ZoneId.of(m.timezone());
    return m;
  }

  @Override
  public Uni<Void> apply(SqlConnection tx, List<Decoded<SubscriptionMessage>> messages) {
    Set<SubscriptionDirectory.Address> changing =
        messages.stream()
            .map(
                m ->
                    new SubscriptionDirectory.Address(
                        m.value().organizationId(), m.value().externalId()))
            .collect(Collectors.toSet());
    return directory.lockForChange(tx, changing).chain(() -> upsert(tx, messages));
  }

  private Uni<Void> upsert(SqlConnection tx, List<Decoded<SubscriptionMessage>> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .onItem()
        .transformToUniAndConcatenate(
            m ->
                subscriptions
                    .apply(tx, m.value())
                    .call(
                        changed ->
                            changed && m.value().startedAt() != null
                                ? rerates.subscriptionChanged(
                                    tx, m.value().organizationId(), m.value().subscriptionId())
                                : Uni.createFrom().voidItem()))
        .collect()
        .last()
        .replaceWithVoid();
  }

  @Override
  public void afterCommit(List<Decoded<SubscriptionMessage>> messages) {
    messages.forEach(m -> directory.forget(m.value().organizationId(), m.value().externalId()));
  }
}
