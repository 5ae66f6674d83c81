package dev.billing.ingest.domain.event;

import java.math.BigDecimal;

/**
 * One event read from a request or message: the fields ingest needs, and where the event and its
 * properties sit in the source bytes (so they are forwarded as sent, without re-encoding).
 *
 * @param organizationId {@code organization_id} as sent (internal producers only), or null
 * @param transactionId the client's id of the event
 * @param code the billable metric code
 * @param externalSubscriptionId the subscription it bills to
 * @param timestampSeconds Unix seconds as sent (fractions allowed), or null if absent
 * @param preciseTotalAmountCents decimal as sent, or null
 * @param source the bytes the event was read from
 * @param start offset of the event's opening brace
 * @param end offset just past its closing brace
 * @param propertiesStart offset of the properties object, or -1 if none
 * @param propertiesEnd offset just past the properties object, or -1
 * @param idTokens where the JSON string tokens (quotes included) of transaction_id, code and
 *     external_subscription_id sit in the source: six offsets, start and end of each
 */
public record ParsedEvent(
    String organizationId,
    String transactionId,
    String code,
    String externalSubscriptionId,
    BigDecimal timestampSeconds,
    String preciseTotalAmountCents,
    byte[] source,
    int start,
    int end,
    int propertiesStart,
    int propertiesEnd,
    int[] idTokens) {

  public static final int TRANSACTION_ID = 0;
  public static final int CODE = 2;
  public static final int EXTERNAL_SUBSCRIPTION_ID = 4;

  /** The effective event time: as sent, truncated to milliseconds, or the receive time. */
  public long timestampMillis(long receivedAtMillis) {
    if (timestampSeconds == null) {
      return receivedAtMillis;
    }
    return timestampSeconds.movePointRight(3).longValue();
  }

  public boolean hasProperties() {
    return propertiesStart >= 0;
  }
}
