package dev.billing.ingest.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored rejection.
 *
 * @param id derived from the rejected message's id, so storing it twice is harmless
 * @param organizationId the tenant the message named, or null
 * @param source kafka
 * @param reason stable reason code
 * @param errorDetailsJson Lago's error_details as JSON
 * @param payload the original message
 * @param originalTopic where it was read
 * @param originalPartition partition
 * @param originalOffset offset
 * @param rejectedAt when
 * @param replayedAt when an operator last replayed it, or null
 */
public record RejectedEvent(
    UUID id,
    UUID organizationId,
    String source,
    String reason,
    String errorDetailsJson,
    String payload,
    String originalTopic,
    int originalPartition,
    long originalOffset,
    Instant rejectedAt,
    Instant replayedAt) {}
