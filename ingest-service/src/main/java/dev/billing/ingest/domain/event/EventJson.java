package dev.billing.ingest.domain.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/** The JSON reader settings for events, wherever they come from. */
public final class EventJson {

  /** NaN and Infinity are read as numbers so they can be refused with a clear code. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private EventJson() {}
}
