package dev.billing.ingest.api.operator;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.billing.ingest.persistence.RejectedEvent;
import java.time.Instant;

/**
 * A rejected event as the operator API shows it.
 *
 * @param id its id, for replay
 * @param organizationId tenant named by the message, or null
 * @param source kafka
 * @param reason stable reason code
 * @param errorDetails Lago's error_details for invalid events
 * @param payload the message as received
 * @param originalTopic topic read from
 * @param originalPartition partition
 * @param originalOffset offset
 * @param rejectedAt when
 * @param replayedAt last replay, or null
 */
public record RejectedEventJson(
    String id,
    String organizationId,
    String source,
    String reason,
    @JsonRawValue String errorDetails,
    String payload,
    String originalTopic,
    int originalPartition,
    long originalOffset,
    Instant rejectedAt,
    Instant replayedAt) {

  static RejectedEventJson of(RejectedEvent e) {
    return new RejectedEventJson(
        e.id().toString(),
        e.organizationId() == null ? null : e.organizationId().toString(),
        e.source(),
        e.reason(),
        e.errorDetailsJson(),
        e.payload(),
        e.originalTopic(),
        e.originalPartition(),
        e.originalOffset(),
        e.rejectedAt(),
        e.replayedAt());
  }
}
