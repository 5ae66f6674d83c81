package dev.billing.rating.persistence;

import dev.billing.platform.contracts.MessageCodec;
import dev.billing.rating.domain.usage.PropertyValues;
import dev.billing.rating.domain.usage.RatedEvent;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event read back from the ledger.
 *
 * @param event the event, properties as strings
 * @param propertiesJson its properties as stored (JSON)
 * @param ingestedAt when ingest accepted it
 */
public record StoredEvent(RatedEvent event, String propertiesJson, Instant ingestedAt) {

  static StoredEvent of(Row row) {
    String json = row.getString("properties");
    BigDecimal precise = row.getBigDecimal("precise_total_amount_cents");
    RatedEvent event =
        new RatedEvent(
            row.getUUID("organization_id"),
            row.getString("external_subscription_id"),
            row.getString("transaction_id"),
            row.getString("code"),
            row.getOffsetDateTime("timestamp").toInstant(),
            PropertyValues.asStrings(MessageCodec.decode(json, Map.class)),
            precise == null ? BigDecimal.ZERO : precise);
    return new StoredEvent(event, json, row.getOffsetDateTime("ingested_at").toInstant());
  }

  /** Properties decoded with their JSON types, for answers. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> properties() {
    return new LinkedHashMap<String, Object>(MessageCodec.decode(propertiesJson, Map.class));
  }
}
