package dev.billing.ingest.domain.event;

import java.util.Map;
import java.util.UUID;

/** What an inbound message is: an event to accept, or a rejection with its reason. */
public sealed interface InboundClassification {

  /**
   * A valid event of an organization (whose existence is still to check).
   *
   * @param organizationId the tenant named by the message
   * @param event the event
   */
  record Valid(UUID organizationId, ParsedEvent event) implements InboundClassification {}

  /**
   * A message that cannot be accepted.
   *
   * @param organizationId the tenant it named, or null
   * @param reason why
   * @param errorDetails Lago's error_details for invalid events, else empty
   */
  record Rejected(UUID organizationId, RejectionReason reason, Map<String, ?> errorDetails)
      implements InboundClassification {}
}
