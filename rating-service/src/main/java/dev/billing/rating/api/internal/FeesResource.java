package dev.billing.rating.api.internal;

import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.contracts.PeriodFees.Line;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.rating.domain.charge.TrueUp;
import dev.billing.rating.domain.charge.TrueUpAmount;
import dev.billing.rating.domain.usage.BucketUsage;
import dev.billing.rating.domain.usage.ChargeUsage;
import dev.billing.rating.metering.UsageQuery;
import dev.billing.rating.metering.UsageQuery.PeriodUsage;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Internal API for invoicing-service: a subscription's usage fee lines for the usage period that
 * starts at {@code from}, billed up to {@code to} (earlier for a termination), with each charge's
 * spending-minimum true-up, so invoicing never re-implements pricing.
 */
@Path("/internal/v1/subscriptions/{subscriptionId}/fees")
@Produces(MediaType.APPLICATION_JSON)
public class FeesResource {

  /**
   * @param fees the period's fees
   */
  public record Response(PeriodFees fees) {}

  private final SubscriptionRepository subscriptions;
  private final UsageQuery usage;
  private final Pool pool;

  public FeesResource(SubscriptionRepository subscriptions, UsageQuery usage, Pool pool) {
    this.subscriptions = subscriptions;
    this.usage = usage;
    this.pool = pool;
  }

  @GET
  public Uni<Response> fees(
      @PathParam("subscriptionId") String subscriptionId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    UUID id = uuid(subscriptionId);
    Instant periodAt = instant(from, "from");
    Instant billedTo = to == null ? null : instant(to, "to");
    return subscriptions
        .byId(pool, id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("subscription")))
        .flatMap(subscription -> usage.at(subscription, periodAt))
        .map(found -> found.orElseThrow(() -> ApiException.notFound("plan")))
        .map(period -> new Response(fees(period, billedTo)));
  }

  static PeriodFees fees(PeriodUsage usage, Instant billedTo) {
    CurrencyUnit currency = Currencies.of(usage.currency());
    List<Line> lines = new ArrayList<>();
    for (ChargeUsage charge : usage.charges()) {
      for (BucketUsage bucket : charge.buckets()) {
        lines.add(line(charge, bucket));
      }
      if (charge.charge().minAmountCents() > 0) {
        TrueUpAmount trueUp =
            TrueUp.calculate(
                charge.charge().minAmountCents(),
                currency,
                charge.preciseAmounts(),
                daysBilled(usage, billedTo),
                days(usage.period().start(), usage.period().end(), usage));
        if (!trueUp.isNone()) {
          lines.add(
              new Line(
                  charge.charge().id().toString(),
                  charge.charge().code(),
                  charge.metric().code(),
                  charge.metric().definition().name(),
                  null,
                  Map.of(),
                  Map.of(),
                  charge.charge().invoiceDisplayName(),
                  "1",
                  0,
                  trueUp.amount().minorUnits(),
                  trueUp.preciseAmount().toPlainString(),
                  true));
        }
      }
    }
    long total = lines.stream().mapToLong(Line::amountCents).sum();
    return new PeriodFees(
        usage.subscription().id().toString(),
        usage.period().start(),
        usage.period().end(),
        usage.currency(),
        total,
        lines);
  }

  private static Line line(ChargeUsage charge, BucketUsage bucket) {
    return new Line(
        charge.charge().id().toString(),
        charge.charge().code(),
        charge.metric().code(),
        charge.metric().definition().name(),
        bucket.filter() == null ? null : bucket.filter().id().toString(),
        bucket.filter() == null ? Map.of() : bucket.filter().values(),
        bucket.groupedBy(),
        bucket.filter() != null && bucket.filter().invoiceDisplayName() != null
            ? bucket.filter().invoiceDisplayName()
            : charge.charge().invoiceDisplayName(),
        bucket.units().stripTrailingZeros().toPlainString(),
        bucket.eventsCount(),
        bucket.money().minorUnits(),
        bucket.amount().preciseAmount().toPlainString(),
        false);
  }

  private static long daysBilled(PeriodUsage usage, Instant billedTo) {
    Instant start = usage.period().start();
    Instant started = usage.subscription().startedAt();
    if (started != null && started.isAfter(start)) {
      start = started;
    }
    Instant end = usage.period().end();
    if (billedTo != null && billedTo.isBefore(end)) {
      end = billedTo;
    }
    return Math.max(0, days(start, end, usage));
  }

  private static long days(Instant from, Instant to, PeriodUsage usage) {
    var zone = usage.subscription().zone();
    LocalDate first = from.atZone(zone).toLocalDate();
    LocalDate end = to.atZone(zone).toLocalDate();
    if (!to.atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      end = end.plusDays(1);
    }
    return ChronoUnit.DAYS.between(first, end);
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("subscription");
    }
  }

  private static Instant instant(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ValidationErrors.single(field, "value_is_mandatory");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ValidationErrors.single(field, "invalid_date");
    }
  }
}
