package dev.billing.rating.app.metering;

import dev.billing.rating.domain.ledger.LedgerEvent;
import dev.billing.rating.domain.ledger.LedgerEvent.Verdict;
import dev.billing.rating.domain.usage.RatedEvent;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.EventLedgerRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One batch of accepted events, in one transaction: store new events in the ledger and meter them;
 * ignore retries and replayed messages; store corrections and rebuild the periods they touch.
 */
@ApplicationScoped
public class MeterBatch {

  private final EventLedgerRepository ledger;
  private final UsageMeter meter;
  private final RebuildUsage rebuilder;
  private final SubscriptionDirectory directory;

  public MeterBatch(
      EventLedgerRepository ledger,
      UsageMeter meter,
      RebuildUsage rebuilder,
      SubscriptionDirectory directory) {
    this.ledger = ledger;
    this.meter = meter;
    this.rebuilder = rebuilder;
    this.directory = directory;
  }

  public Uni<Void> store(SqlClient tx, List<LedgerEvent> batch) {
    List<LedgerEvent> events = lastPerIdentity(batch);
    return ledger
        .insertNew(tx, events)
        .flatMap(
            inserted -> {
              List<RatedEvent> fresh = new ArrayList<>();
              List<LedgerEvent> seen = new ArrayList<>();
              for (LedgerEvent e : events) {
                if (inserted.contains(e.key())) {
                  fresh.add(e.event());
                } else {
                  seen.add(e);
                }
              }
              return meter.meter(tx, fresh, null).chain(() -> corrections(tx, seen));
            });
  }

  /** Within a batch, a later message of the same event stands for the earlier ones. */
  private static List<LedgerEvent> lastPerIdentity(List<LedgerEvent> batch) {
    Map<LedgerEvent.Key, LedgerEvent> last = new LinkedHashMap<>();
    for (LedgerEvent e : batch) {
      last.remove(e.key());
      last.put(e.key(), e);
    }
    return List.copyOf(last.values());
  }

  private Uni<Void> corrections(SqlClient tx, List<LedgerEvent> seen) {
    if (seen.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return ledger
        .find(tx, seen.stream().map(LedgerEvent::key).toList())
        .flatMap(
            stored -> {
              List<LedgerEvent> corrected = new ArrayList<>();
              Map<LedgerEvent, Instant> previousTimes = new LinkedHashMap<>();
              for (LedgerEvent e : seen) {
                LedgerEvent.StoredVersion version = stored.get(e.key());
                if (e.against(version) == Verdict.CORRECTION) {
                  corrected.add(e);
                  previousTimes.put(e, version.timestamp());
                }
              }
              return Multi.createFrom()
                  .iterable(corrected)
                  .onItem()
                  .transformToUniAndConcatenate(e -> ledger.replace(tx, e))
                  .collect()
                  .last()
                  .chain(() -> rebuildTouched(tx, previousTimes));
            });
  }

  /** Rebuilds, for each corrected event, the periods of its old and its new time. */
  private Uni<Void> rebuildTouched(SqlClient tx, Map<LedgerEvent, Instant> previousTimes) {
    if (previousTimes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<SubscriptionDirectory.Address> addresses =
        previousTimes.keySet().stream()
            .map(
                e ->
                    new SubscriptionDirectory.Address(
                        e.event().organizationId(), e.event().externalSubscriptionId()))
            .collect(Collectors.toSet());
    return directory
        .lookup(tx, addresses)
        .flatMap(
            found -> {
              Map<SubscriptionTerms, Instant> earliest = new LinkedHashMap<>();
              previousTimes.forEach(
                  (e, before) -> {
                    List<SubscriptionTerms> candidates =
                        found.getOrDefault(
                            new SubscriptionDirectory.Address(
                                e.event().organizationId(), e.event().externalSubscriptionId()),
                            List.of());
                    for (Instant at : List.of(before, e.event().timestamp())) {
                      SubscriptionDirectory.covering(candidates, at)
                          .ifPresent(s -> earliest.merge(s, at, (a, b) -> a.isBefore(b) ? a : b));
                    }
                  });
              return Multi.createFrom()
                  .iterable(earliest.entrySet())
                  .onItem()
                  .transformToUniAndConcatenate(
                      entry -> rebuilder.rebuild(tx, entry.getKey(), entry.getValue()))
                  .collect()
                  .last()
                  .replaceWithVoid();
            });
  }
}
