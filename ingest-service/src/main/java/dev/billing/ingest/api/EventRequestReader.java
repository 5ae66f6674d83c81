package dev.billing.ingest.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.billing.ingest.domain.event.EventJson;
import dev.billing.ingest.domain.event.EventReader;
import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ApiExceptionMappers;
import dev.billing.platform.error.PlatformErrorCode;
import dev.billing.platform.error.ValidationErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code {"event": {...}}} and {@code {"events": [...]}} bodies. All or nothing: one bad
 * event fails the whole request with Lago's 422, keyed by the event's index in a batch.
 */
public final class EventRequestReader {

  private static final JsonFactory JSON = EventJson.FACTORY;

  private final EventReader events;
  private final int maxBatchSize;

  public EventRequestReader(EventReader events, int maxBatchSize) {
    this.events = events;
    this.maxBatchSize = maxBatchSize;
  }

  public ParsedEvent single(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (!seekRootField(p, "event")) {
        throw ApiException.missingRootKey("event");
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw ValidationErrors.single("event", EventReader.INVALID);
      }
      ValidationErrors errors = new ValidationErrors();
      ParsedEvent event = events.read(p, body, errors);
      errors.throwIfAny();
      return event;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable body");
    }
  }

  public List<ParsedEvent> batch(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (!seekRootField(p, "events")) {
        throw ApiException.missingRootKey("events");
      }
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw ValidationErrors.single("events", EventReader.INVALID);
      }
      List<ParsedEvent> parsed = new ArrayList<>();
      Map<String, Object> errorsByIndex = new LinkedHashMap<>();
      for (int index = 0; p.nextToken() != JsonToken.END_ARRAY; index++) {
        if (index >= maxBatchSize) {
          throw ValidationErrors.single("events", "too_many_events");
        }
        ValidationErrors errors = new ValidationErrors();
        if (p.currentToken() == JsonToken.START_OBJECT) {
          parsed.add(events.read(p, body, errors));
        } else {
          errors.add("event", EventReader.INVALID);
          p.skipChildren();
        }
        if (!errors.isEmpty()) {
          errorsByIndex.put(String.valueOf(index), errors.details());
        }
      }
      if (!errorsByIndex.isEmpty()) {
        throw new ApiException(PlatformErrorCode.VALIDATION_ERRORS, errorsByIndex);
      }
      if (parsed.isEmpty()) {
        throw ValidationErrors.single("events", "no_events");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable body");
    }
  }

  /** Moves to the value of a top-level field; false if the body has none (or is not an object). */
  private static boolean seekRootField(JsonParser p, String name) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals(field) && value != JsonToken.VALUE_NULL) {
        return true;
      }
      p.skipChildren();
    }
    return false;
  }

  private static ApiException malformed(JsonProcessingException e) {
    return ApiExceptionMappers.fromJackson(e);
  }
}
