package dev.billing.ingest.domain.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.billing.platform.error.ValidationErrors;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Classifies a message of {@code billing.events.inbound}: Lago's event JSON plus {@code
 * organization_id}, validated exactly like an HTTP event.
 */
public final class InboundClassifier {

  private final JsonFactory json;
  private final EventReader reader;

  public InboundClassifier(JsonFactory json, EventReader reader) {
    this.json = json;
    this.reader = reader;
  }

  public InboundClassification classify(byte[] value) {
    if (value == null) {
      return new InboundClassification.Rejected(null, RejectionReason.NOT_AN_OBJECT, Map.of());
    }
    try (JsonParser p = json.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new InboundClassification.Rejected(null, RejectionReason.NOT_AN_OBJECT, Map.of());
      }
      ValidationErrors errors = new ValidationErrors();
      ParsedEvent event = reader.read(p, value, errors);
      UUID organizationId = uuid(event.organizationId());
      if (organizationId == null) {
        return new InboundClassification.Rejected(
            null, RejectionReason.MISSING_ORGANIZATION, Map.of());
      }
      if (!errors.isEmpty()) {
        return new InboundClassification.Rejected(
            organizationId, RejectionReason.INVALID_EVENT, errors.details());
      }
      return new InboundClassification.Valid(organizationId, event);
    } catch (JsonProcessingException e) {
      return new InboundClassification.Rejected(null, RejectionReason.MALFORMED_JSON, Map.of());
    } catch (IOException e) {
      return new InboundClassification.Rejected(null, RejectionReason.MALFORMED_JSON, Map.of());
    }
  }

  private static UUID uuid(String text) {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
