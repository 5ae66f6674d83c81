package dev.billing.ingest.messaging;

import dev.billing.ingest.persistence.RejectedEvent;
import dev.billing.ingest.persistence.RejectedEventRepository;
import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.RejectedEventMessage;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stores {@code billing.events.rejected} for the operator API. */
@ApplicationScoped
public class RejectedEventsRecorder implements MessageHandler<RejectedEventMessage> {

  private final RejectedEventRepository repository;

  public RejectedEventsRecorder(RejectedEventRepository repository) {
    this.repository = repository;
  }

  @Override
  public String name() {
    return "rejected-events-store";
  }

  @Override
  public String topic() {
    return Topics.EVENTS_REJECTED;
  }

  @Override
  public RejectedEventMessage decode(InboundMessage message) {
    return MessageCodec.decode(message.value(), RejectedEventMessage.class);
  }

  @Override
  public Uni<Void> apply(SqlConnection tx, List<Decoded<RejectedEventMessage>> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .onItem()
        .transformToUniAndConcatenate(m -> repository.insert(tx, toRow(m)))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private static RejectedEvent toRow(Decoded<RejectedEventMessage> decoded) {
    RejectedEventMessage m = decoded.value();
    // the rejected message's own id: storing it twice is harmless, and ids never repeat
    String id = decoded.message().id();
    return new RejectedEvent(
        UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)),
        m.organizationId(),
        m.source(),
        m.reason(),
        MessageCodec.encode(m.errorDetails() == null ? Map.of() : m.errorDetails()),
        m.payload(),
        m.originalTopic(),
        m.originalPartition(),
        m.originalOffset(),
        Instant.ofEpochMilli(m.rejectedAtMs()),
        null);
  }
}
