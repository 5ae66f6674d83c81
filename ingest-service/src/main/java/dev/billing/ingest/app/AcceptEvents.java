package dev.billing.ingest.app;

import dev.billing.ingest.client.AcceptedEventEncoder;
import dev.billing.ingest.client.AcceptedEventPublisher;
import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Accepts an organization's valid events from the HTTP API: writes them to {@code
 * billing.events.accepted}, keyed so one subscription's events stay in order, and completes only
 * once Kafka acknowledged every one.
 */
@ApplicationScoped
public class AcceptEvents {

  /** The source accepted events of the HTTP API carry. */
  public static final String SOURCE = "http";

  private final AcceptedEventPublisher publisher;
  private final IngestMetrics metrics;

  public AcceptEvents(AcceptedEventPublisher publisher, IngestMetrics metrics) {
    this.publisher = publisher;
    this.metrics = metrics;
  }

  public Uni<Void> accept(UUID organizationId, List<ParsedEvent> events, long receivedAt) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
    for (ParsedEvent event : events) {
      records.add(
          new ProducerRecord<>(
              Topics.EVENTS_ACCEPTED,
              AcceptedEventMessage.key(organizationId, event.externalSubscriptionId()),
              AcceptedEventEncoder.encode(organizationId, SOURCE, receivedAt, event)));
    }
    return publisher.publish(records).invoke(() -> metrics.accepted(SOURCE, events.size()));
  }
}
