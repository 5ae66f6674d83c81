package dev.billing.platform.contracts;

import java.util.UUID;

/**
 * Contract of {@code billing.events.rejected} (type {@value #TYPE}, version {@value #VERSION}): a
 * message of {@code billing.events.inbound} that could not be accepted, with why, and the message
 * itself so it can be replayed once the cause is fixed.
 *
 * @param organizationId the tenant named by the message, or null if it named none
 * @param source where it came from ({@code kafka})
 * @param rejectedAtMs when (Unix ms)
 * @param reason stable code: malformed_json, not_an_object, missing_organization_id,
 *     unknown_organization, invalid_event
 * @param errorDetails for invalid_event: Lago's {@code error_details} by field
 * @param payload the message value as received
 * @param originalTopic topic it was read from
 * @param originalPartition partition it was read from
 * @param originalOffset offset it was read from
 */
public record RejectedEventMessage(
    UUID organizationId,
    String source,
    long rejectedAtMs,
    String reason,
    Object errorDetails,
    String payload,
    String originalTopic,
    int originalPartition,
    long originalOffset) {

  public static final String TYPE = "event.rejected";
  public static final int VERSION = 1;
}
