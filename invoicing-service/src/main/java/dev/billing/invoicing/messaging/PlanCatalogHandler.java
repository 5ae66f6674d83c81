package dev.billing.invoicing.messaging;

import dev.billing.invoicing.persistence.PlanRepository;
import dev.billing.platform.billing.PlanInterval;
import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.PlanMessage;
import dev.billing.platform.contracts.UndecodableMessageException;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps invoicing's plans read model (table {@code plans}) from {@code billing.catalog}. A message
 * carries a plan's whole state; an older revision than the one held changes nothing, and the
 * platform drops a message id seen before. Other catalog types (billable metrics) are skipped.
 */
@ApplicationScoped
public class PlanCatalogHandler implements MessageHandler<Optional<PlanMessage>> {

  public static final String NAME = "plans-read-model";
  private static final Logger LOG = Logger.getLogger(PlanCatalogHandler.class);

  private final PlanRepository plans;

  public PlanCatalogHandler(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String topic() {
    return Topics.CATALOG;
  }

  @Override
  public Optional<PlanMessage> decode(InboundMessage message) {
    if (message.type() != null && !PlanMessage.TYPE.equals(message.type())) {
      return Optional.empty();
    }
    PlanMessage plan = MessageCodec.decode(message.value(), PlanMessage.class);
    if (plan.planId() == null
        || plan.organizationId() == null
        || plan.code() == null
        || plan.name() == null
        || plan.amountCurrency() == null) {
      throw new UndecodableMessageException("a plan needs ids, code, name and currency", null);
    }
    if (PlanInterval.fromWireName(plan.interval()).isEmpty()) {
      throw new UndecodableMessageException("unknown interval " + plan.interval(), null);
    }
    return Optional.of(plan);
  }

  @Override
  public Uni<Void> apply(SqlConnection tx, List<Decoded<Optional<PlanMessage>>> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .filter(m -> m.value().isPresent())
        .onItem()
        .transformToUniAndConcatenate(
            m ->
                plans
                    .apply(tx, m.value().get())
                    .invoke(
                        changed ->
                            LOG.debugf(
                                "planId=%s revision=%d applied=%s",
                                m.value().get().planId(), m.value().get().revision(), changed)))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
