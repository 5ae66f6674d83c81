package dev.billing.rating.messaging;

import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.kafka.Topics;
import dev.billing.rating.app.metering.MeterBatch;
import dev.billing.rating.config.RatingConfig;
import dev.billing.rating.domain.ledger.ContentHash;
import dev.billing.rating.domain.ledger.LedgerEvent;
import dev.billing.rating.domain.usage.RatedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Meters billing.events.accepted. Idempotent by the event's identity and Kafka position (the
 * ledger), so no processed-message record is written per event; offsets are committed after the
 * transaction that stored and metered the batch.
 */
@ApplicationScoped
public class AcceptedEventsMeter implements MessageHandler<LedgerEvent> {

  private final MeterBatch metering;
  private final RatingConfig config;

  public AcceptedEventsMeter(MeterBatch metering, RatingConfig config) {
    this.metering = metering;
    this.config = config;
  }

  @Override
  public String name() {
    return "events-meter";
  }

  @Override
  public String topic() {
    return Topics.EVENTS_ACCEPTED;
  }

  @Override
  public boolean recordsProcessedIds() {
    return false;
  }

  @Override
  public int maxBatchSize() {
    return config.metering().batchSize();
  }

  @Override
  public int concurrency() {
    return config.metering().threads();
  }

  @Override
  public LedgerEvent decode(InboundMessage message) {
    AcceptedEventReader.Read m = AcceptedEventReader.read(message.value());
    RatedEvent event =
        new RatedEvent(
            m.organizationId(),
            m.externalSubscriptionId(),
            m.transactionId(),
            m.code(),
            Instant.ofEpochMilli(m.timestampMs()),
            m.properties(),
            m.preciseTotalAmountCents() == null
                ? BigDecimal.ZERO
                : new BigDecimal(m.preciseTotalAmountCents()));
    return new LedgerEvent(
        event,
        m.propertiesJson(),
        ContentHash.of(event),
        message.partition(),
        message.offset(),
        Instant.ofEpochMilli(m.ingestedAtMs()));
  }

  @Override
  public Uni<Void> apply(SqlConnection tx, List<Decoded<LedgerEvent>> messages) {
    return metering.store(tx, messages.stream().map(Decoded::value).toList());
  }
}
