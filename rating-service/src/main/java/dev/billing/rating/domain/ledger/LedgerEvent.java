package dev.billing.rating.domain.ledger;

import dev.billing.rating.domain.usage.RatedEvent;
import java.time.Instant;

/**
 * An event as the ledger stores it: the event, its properties as JSON, a hash of its content (to
 * tell a retry from a correction) and the Kafka position it came from (to tell a replayed message
 * from a newer one).
 *
 * @param event the event
 * @param propertiesJson its properties object as JSON
 * @param contentHash hash of code, timestamp, properties and precise amount
 * @param sourcePartition Kafka partition of billing.events.accepted
 * @param sourceOffset Kafka offset
 * @param ingestedAt when ingest accepted it
 */
public record LedgerEvent(
    RatedEvent event,
    String propertiesJson,
    long contentHash,
    int sourcePartition,
    long sourceOffset,
    Instant ingestedAt) {

  /**
   * The identity of an event.
   *
   * @param organizationId tenant
   * @param externalSubscriptionId subscription
   * @param transactionId client id
   */
  public record Key(
      java.util.UUID organizationId, String externalSubscriptionId, String transactionId) {}

  public Key key() {
    return new Key(event.organizationId(), event.externalSubscriptionId(), event.transactionId());
  }

  /**
   * What to do with this message given the stored version of the same event.
   *
   * @param stored the ledger's version, or null if none
   */
  public Verdict against(StoredVersion stored) {
    if (stored == null) {
      return Verdict.NEW;
    }
    if (stored.sourcePartition() == sourcePartition && stored.sourceOffset() >= sourceOffset) {
      return Verdict.REPLAY;
    }
    return stored.contentHash() == contentHash ? Verdict.RETRY : Verdict.CORRECTION;
  }

  /** NEW bills; RETRY and REPLAY change nothing; CORRECTION replaces the stored version. */
  public enum Verdict {
    NEW,
    RETRY,
    REPLAY,
    CORRECTION
  }

  /**
   * The ledger's version of an event.
   *
   * @param contentHash its content hash
   * @param sourcePartition partition it came from
   * @param sourceOffset offset it came from
   * @param timestamp its event time
   */
  public record StoredVersion(
      long contentHash, int sourcePartition, long sourceOffset, Instant timestamp) {}
}
